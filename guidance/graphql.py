"""GraphQL types and queries for content: the same queries and serializers as REST."""

import datetime
import enum
import uuid

import strawberry
from strawberry.scalars import JSON

from cms.api_errors import ApiError, invalid_parameter
from cms.graphql_support import graphql_error, request_language
from cms.params import validated
from guidance import queries, serializers
from guidance.filters import ListingParams, graphql_filter_values


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


@strawberry.type
class Term:
    slug: str
    name: str


@strawberry.type
class VocabularyTerm(Term):
    key: uuid.UUID
    description: str
    locale_fallback: bool


@strawberry.type
class NavNode:
    id: int
    translation_key: uuid.UUID
    title: str
    slug: str
    path: str
    type: str
    locale: str
    locale_fallback: bool
    children: list["NavNode"]


@strawberry.type
class Rendition:
    url: str
    width: int
    height: int
    format: str


@strawberry.type
class Image:
    id: int
    alt: str
    alt_language: str = strawberry.field(
        description="The language of alt: the page's own, or Finnish where the page has none yet."
    )
    credit: str
    width: int
    height: int
    src: str | None
    renditions: list[Rendition]


@strawberry.type
class Crumb:
    id: int
    title: str
    path: str
    type: str
    translation_key: uuid.UUID


@strawberry.type
class ContentCard:
    id: int
    translation_key: uuid.UUID
    type: str
    locale: str
    locale_fallback: bool
    available_locales: list[str]
    title: str
    summary: str
    path: str
    breadcrumbs: list[Crumb]
    image: Image | None
    keywords: list[Term]
    themes: list[Term]
    target_groups: list[Term]
    sectors: list[Term]
    settings: list[Term]
    material_languages: list[str]
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    review_overdue: bool
    quality_status: str


@strawberry.type
class CriterionResult:
    code: str
    title: str
    mandatory: bool
    result: str


@strawberry.type
class QualitySummary:
    status: str
    criteria_set_version: int | None
    assessed_at: datetime.datetime | None
    next_review_due: datetime.date | None
    criteria: list[CriterionResult]


@strawberry.type
class Document:
    id: int
    title: str
    description: str
    url: str
    file_type: str
    content_type: str
    size: int | None


@strawberry.type
class Link:
    label: str
    url: str


@strawberry.type
class Choice:
    value: str
    label: str


@strawberry.type
class ContentDetail(ContentCard):
    search_description: str
    body: JSON
    attachments: list[Document]
    links: list[Link]
    licence: Choice | None
    author_organisation: str
    next_review_due: datetime.date | None
    fields: JSON
    related: list[ContentCard]
    quality: QualitySummary


@strawberry.type
class ContentList:
    locale: str
    count: int
    items: list[ContentCard]


def _build(cls, data):
    """Turn the serializers' plain dicts into Strawberry objects (nested ones included)."""
    if data is None:
        return None
    nested = {
        "children": (NavNode, True),
        "breadcrumbs": (Crumb, True),
        "image": (Image, False),
        "renditions": (Rendition, True),
        "keywords": (Term, True),
        "themes": (Term, True),
        "target_groups": (Term, True),
        "sectors": (Term, True),
        "settings": (Term, True),
        "attachments": (Document, True),
        "links": (Link, True),
        "licence": (Choice, False),
        "related": (ContentCard, True),
        "quality": (QualitySummary, False),
        "criteria": (CriterionResult, True),
    }
    fields = {f.name for f in cls.__strawberry_definition__.fields}
    values = {}
    for name in fields:
        value = data.get(name)
        if name in nested and value is not None:
            target, many = nested[name]
            value = (
                [_build(target, v) for v in value if v is not None]
                if many
                else _build(target, value)
            )
        values[name] = value
    return cls(**values)


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
        return [_build(NavNode, node.as_dict()) for node in queries.navigation(language)]

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
            count, pages = queries.content_listing(
                language, params.content_filters(), params.ordering, params.limit, params.offset
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        request = info.context.request
        return ContentList(
            locale=language,
            count=count,
            items=[_build(ContentCard, c) for c in serializers.cards(pages, language, request)],
        )

    @strawberry.field(description="Featured items of the home page, or of a section by id.")
    def featured(
        self, info: strawberry.Info, section: int | None = None, locale: str | None = None
    ) -> list[ContentCard]:
        try:
            language = request_language(info, locale)
            pages = queries.featured_content(language, section)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return [
            _build(ContentCard, c) for c in serializers.cards(pages, language, info.context.request)
        ]

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
        page = queries.content_detail(
            language, page_id=id, translation_key=translation_key, path=path
        )
        if page is None:
            return None
        related = queries.related_content(page, language)
        data = serializers.detail(page, language, info.context.request, related)
        return _build(ContentDetail, data)

    @strawberry.field(description="All terms of a vocabulary in the requested language.")
    def taxonomy(
        self, info: strawberry.Info, vocabulary: Vocabulary, locale: str | None = None
    ) -> list[VocabularyTerm]:
        try:
            language = request_language(info, locale)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return [
            _build(VocabularyTerm, t) for t in queries.vocabulary_terms(vocabulary.value, language)
        ]
