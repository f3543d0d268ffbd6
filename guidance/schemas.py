"""Response shapes of the content API: REST, GraphQL and the OpenAPI document (cms.shapes)."""

import datetime
import uuid

from pydantic import ConfigDict, Field

from cms.shapes import Shape, Timestamp


class TermOut(Shape):
    slug: str
    name: str


class TaxonomyTermOut(TermOut):
    key: uuid.UUID
    description: str
    locale_fallback: bool


class TaxonomyOut(Shape):
    locale: str
    vocabulary: str
    items: list[TaxonomyTermOut]


class NavNodeOut(Shape):
    # Read from guidance.queries' cached tree nodes (which also hold what filtering needs).
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: int
    translation_key: uuid.UUID
    title: str
    slug: str
    path: str
    type: str
    locale: str
    locale_fallback: bool
    children: list["NavNodeOut"]


NavNodeOut.model_rebuild()


class NavigationOut(Shape):
    locale: str
    items: list[NavNodeOut]


class RenditionOut(Shape):
    url: str
    width: int
    height: int
    format: str


class ImageOut(Shape):
    id: int
    alt: str
    alt_language: str = Field(
        description="The language of `alt` (put it in the img's lang attribute when it differs "
        "from the page's): the page's own, or Finnish where the page has no alt text of its own "
        "yet."
    )
    credit: str
    width: int
    height: int
    src: str | None
    renditions: list[RenditionOut]


class CrumbOut(Shape):
    id: int
    title: str
    path: str
    type: str
    translation_key: uuid.UUID


class ContentCardOut(Shape):
    id: int
    translation_key: uuid.UUID
    type: str
    locale: str
    locale_fallback: bool
    available_locales: list[str]
    title: str
    summary: str
    path: str
    breadcrumbs: list[CrumbOut]
    image: ImageOut | None
    keywords: list[TermOut]
    themes: list[TermOut]
    target_groups: list[TermOut]
    sectors: list[TermOut]
    settings: list[TermOut]
    material_languages: list[str]
    first_published_at: Timestamp | None
    last_published_at: Timestamp | None
    review_overdue: bool
    quality_status: str


class ContentListOut(Shape):
    locale: str
    count: int
    limit: int
    offset: int
    items: list[ContentCardOut]


class FeaturedOut(Shape):
    locale: str
    items: list[ContentCardOut]


class DocumentOut(Shape):
    id: int
    title: str
    description: str
    url: str
    file_type: str
    content_type: str
    size: int | None


class LinkOut(Shape):
    label: str
    url: str


class ChoiceOut(Shape):
    value: str
    label: str


class BlockOut(Shape):
    type: str
    id: str | None
    value: dict


class CriterionResultOut(Shape):
    code: str
    title: str
    mandatory: bool
    result: str


class QualitySummaryOut(Shape):
    status: str
    criteria_set_version: int | None
    assessed_at: Timestamp | None
    next_review_due: datetime.date | None
    criteria: list[CriterionResultOut]


class ContentDetailOut(ContentCardOut):
    search_description: str
    body: list[BlockOut]
    attachments: list[DocumentOut]
    links: list[LinkOut]
    licence: ChoiceOut | None
    author_organisation: str
    next_review_due: datetime.date | None
    fields: dict
    related: list[ContentCardOut]
    quality: QualitySummaryOut


class FeedbackOut(Shape):
    received: bool


class ViewCountOut(Shape):
    counted: bool


class ErrorDetail(Shape):
    parameter: str | None = None
    message: str


class ErrorBody(Shape):
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorOut(Shape):
    error: ErrorBody
