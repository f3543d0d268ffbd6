"""GraphQL types and queries for content: the same read model and shapes as REST."""

import datetime
import enum
import uuid
from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from cms.api_errors import ApiError, invalid_parameter
from cms.graphql_support import graphql_error, request_language
from cms.params import validated
from cms.shapes import as_shape, graphql_type
from guidance import queries, read_model
from guidance.filters import ListingParams, graphql_filter_values
from guidance.schemas import (
    ChoiceOut,
    ContentCardOut,
    ContentDetailOut,
    ContentListOut,
    CriterionResultOut,
    CrumbOut,
    DocumentOut,
    ImageOut,
    LinkOut,
    NavNodeOut,
    QualitySummaryOut,
    RenditionOut,
    TaxonomyTermOut,
    TermOut,
)


@strawberry.enum
class Ordering(enum.Enum):
    TITLE = "title"
    TITLE_DESC = "-title"
    NEWEST = "-published"
    OLDEST = "published"
    UPDATED = "-updated"
    POPULAR = "popular"
    TRENDING = "trending"


@strawberry.enum
class Vocabulary(enum.Enum):
    KEYWORDS = "keywords"
    THEMES = "themes"
    TARGET_GROUPS = "target_groups"
    SECTORS = "sectors"
    SETTINGS = "settings"


# The GraphQL types are the REST shapes (guidance.schemas), field for field (cms.shapes).


@graphql_type(TermOut, "Term")
class Term:
    pass


@graphql_type(TaxonomyTermOut, "VocabularyTerm")
class VocabularyTerm:
    pass


@graphql_type(NavNodeOut, "NavNode")
class NavNode:
    # The one recursive shape: strawberry needs to be told where the type lives.
    children: list[Annotated["NavNode", strawberry.lazy("guidance.graphql")]]


@graphql_type(RenditionOut, "Rendition")
class Rendition:
    pass


@graphql_type(ImageOut, "Image")
class Image:
    pass


@graphql_type(CrumbOut, "Crumb")
class Crumb:
    pass


@graphql_type(ContentCardOut, "ContentCard")
class ContentCard:
    pass


@graphql_type(CriterionResultOut, "CriterionResult")
class CriterionResult:
    pass


@graphql_type(QualitySummaryOut, "QualitySummary")
class QualitySummary:
    pass


@graphql_type(DocumentOut, "Document")
class Document:
    pass


@graphql_type(LinkOut, "Link")
class Link:
    pass


@graphql_type(ChoiceOut, "Choice")
class Choice:
    pass


def _blocks(root: ContentDetailOut) -> JSON:
    return cast("JSON", [block.model_dump(mode="json") for block in root.body])


@graphql_type(ContentDetailOut, "ContentDetail")
class ContentDetail:
    # Free-form in GraphQL: a block's value and the type's own fields differ by type.
    body: JSON = strawberry.field(resolver=_blocks)
    fields: JSON


@graphql_type(ContentListOut, "ContentList")
class ContentList:
    pass


@strawberry.type
class ContentQuery:
    @strawberry.field(
        description="Section and topic tree; untranslated nodes fall back to Finnish."
    )
    def navigation(self, info: strawberry.Info, locale: str | None = None) -> list[NavNode]:
        try:
            language = request_language(info, locale)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return [as_shape(NavNodeOut, node) for node in queries.navigation(language)]

    @strawberry.field(description="Published content; the same filters as GET /api/v1/content/.")
    def content(
        self,
        info: strawberry.Info,
        locale: str | None = None,
        types: list[str] | None = None,
        section: int | None = None,
        topic: int | None = None,
        keywords: list[str] | None = None,
        themes: list[str] | None = None,
        target_groups: list[str] | None = None,
        sectors: list[str] | None = None,
        settings: list[str] | None = None,
        updated_since: datetime.datetime | None = None,
        ordering: Ordering = Ordering.NEWEST,
        limit: int = 20,
        offset: int = 0,
    ) -> ContentList:
        try:
            language = request_language(info, locale)
            params = validated(
                ListingParams,
                **graphql_filter_values(
                    types, section, topic, keywords, themes, target_groups, sectors, settings
                ),
                updated_since=updated_since,
                ordering=ordering.value,
                limit=limit,
                offset=offset,
            )
            count, cards = read_model.listing(
                language,
                params.content_filters(),
                params.ordering,
                params.limit,
                params.offset,
                read_model.origin(info.context.request),
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return as_shape(
            ContentListOut,
            {
                "locale": language,
                "count": count,
                "limit": params.limit,
                "offset": params.offset,
                "items": cards,
            },
        )

    @strawberry.field(description="Featured items of the home page, or of a section by id.")
    def featured(
        self, info: strawberry.Info, section: int | None = None, locale: str | None = None
    ) -> list[ContentCard]:
        try:
            language = request_language(info, locale)
            keys = queries.featured_keys(language, section)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        origin = read_model.origin(info.context.request)
        return cast("list[ContentCard]", read_model.card_shapes(language, keys, origin))

    @strawberry.field(description="One item by id, translation key or frontend path.")
    def content_item(
        self,
        info: strawberry.Info,
        id: int | None = None,  # noqa: A002 - GraphQL's own argument name
        translation_key: uuid.UUID | None = None,
        path: str | None = None,
        locale: str | None = None,
    ) -> ContentDetail | None:
        try:
            language = request_language(info, locale)
            given = [v for v in (id, translation_key, path) if v is not None]
            if len(given) != 1:
                raise invalid_parameter("id", "give exactly one of id, translationKey or path")
        except ApiError as exc:
            raise graphql_error(exc) from exc
        data = read_model.detail(
            language,
            read_model.origin(info.context.request),
            page_id=id,
            translation_key=translation_key,
            path=path,
        )
        return as_shape(ContentDetailOut, data)

    @strawberry.field(description="All terms of a vocabulary in the requested language.")
    def taxonomy(
        self, info: strawberry.Info, vocabulary: Vocabulary, locale: str | None = None
    ) -> list[VocabularyTerm]:
        try:
            language = request_language(info, locale)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        terms = queries.vocabulary_terms(vocabulary.value, language)
        return [as_shape(TaxonomyTermOut, term) for term in terms]
