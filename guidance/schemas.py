"""Response schemas of the content API (they generate the OpenAPI document)."""

import datetime
import uuid

from ninja import Schema


class TermOut(Schema):
    slug: str
    name: str


class TaxonomyTermOut(TermOut):
    key: uuid.UUID
    description: str
    locale_fallback: bool


class TaxonomyOut(Schema):
    locale: str
    vocabulary: str
    items: list[TaxonomyTermOut]


class NavNodeOut(Schema):
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


class NavigationOut(Schema):
    locale: str
    items: list[NavNodeOut]


class RenditionOut(Schema):
    url: str
    width: int
    height: int
    format: str


class ImageOut(Schema):
    id: int
    alt: str
    # The language of `alt` (put it in the img's lang attribute when it differs from the
    # page's): the page's own, or Finnish where a page has no alt text of its own yet.
    alt_language: str
    credit: str
    width: int
    height: int
    src: str | None
    renditions: list[RenditionOut]


class CrumbOut(Schema):
    id: int
    title: str
    path: str
    type: str
    translation_key: uuid.UUID


class ContentCardOut(Schema):
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
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    review_overdue: bool
    quality_status: str


class ContentListOut(Schema):
    locale: str
    count: int
    limit: int
    offset: int
    items: list[ContentCardOut]


class FeaturedOut(Schema):
    locale: str
    items: list[ContentCardOut]


class DocumentOut(Schema):
    id: int
    title: str
    description: str
    url: str
    file_type: str
    content_type: str
    size: int | None


class LinkOut(Schema):
    label: str
    url: str


class ChoiceOut(Schema):
    value: str
    label: str


class BlockOut(Schema):
    type: str
    id: str | None
    value: dict


class CriterionResultOut(Schema):
    code: str
    title: str
    mandatory: bool
    result: str


class QualitySummaryOut(Schema):
    status: str
    criteria_set_version: int | None
    assessed_at: datetime.datetime | None
    next_review_due: datetime.date | None
    criteria: list[CriterionResultOut]


class ContentDetailOut(ContentCardOut):
    search_description: str
    body: list[BlockOut]
    attachments: list[DocumentOut | None]
    links: list[LinkOut]
    licence: ChoiceOut | None
    author_organisation: str
    next_review_due: datetime.date | None
    fields: dict
    related: list[ContentCardOut]
    quality: QualitySummaryOut


class FeedbackOut(Schema):
    received: bool


class ViewCountOut(Schema):
    counted: bool


class ErrorDetail(Schema):
    parameter: str | None = None
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorOut(Schema):
    error: ErrorBody
