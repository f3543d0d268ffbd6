"""The JOD frontend's content calls (docs/jod-frontend.md has the table of calls).

Read-only and anonymous: published, public content only, through guidance's visibility rule
and search's services. Public answers are cached and carry ETags like ``/api/v1/``
(``cms.http.cache_public_get``); searching counts against the same limit as ``/api/v1/search/``.
Errors are Liferay's shape, ``{"status": "BAD_REQUEST", "title": "…"}``, with the status's
reason phrase (the frontend shows only ``statusText``).
"""

import functools
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import orjson
from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Collate
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET
from ninja.responses import NinjaJSONEncoder
from wagtail.images import get_image_model

from cms.api_errors import ApiError
from cms.cache import cached
from cms.http import cache_public_get, public_file
from cms.locales import resolve_locale
from cms.throttling import enforce
from guidance import queries, services
from guidance.models import ContentPage
from jod.catalogue import Catalogue, catalogue, i18n
from jod.content import VARIANTS, structured_content
from jod.odata import CategoryTest, IdIn, UnsupportedFilter, parse_filter, parse_sort
from search import services as search_services
from search.api import SEARCHING

MAX_PAGE_SIZE = 1000
R = TypeVar("R", bound=HttpResponseBase)
STATUS_NAMES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 429: "TOO_MANY_REQUESTS"}


# orjson writes what json.dumps with NinjaJSONEncoder wrote (dates and dataclasses still go
# through the encoder), in a fifth of the time: a 500-item page is about 2 MB.
_ENCODER = NinjaJSONEncoder()
_JSON_OPTIONS = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)


def json_response(data: Any, status: int = 200) -> HttpResponse:
    """``data`` as the adapter's JSON answer: written by orjson, read by a client as what
    ``json.dumps`` with django-ninja's encoder wrote."""
    return HttpResponse(
        orjson.dumps(data, default=_ENCODER.default, option=_JSON_OPTIONS),
        content_type="application/json; charset=utf-8",
        status=status,
    )


def _error(status: int, title: str) -> HttpResponse:
    return json_response({"status": STATUS_NAMES.get(status, "ERROR"), "title": title}, status)


def liferay_errors(view: Callable[..., R]) -> Callable[..., R | HttpResponse]:
    """A refused request answers in Liferay's error shape, whatever refused it."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> R | HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except UnsupportedFilter as exc:
            return _error(400, f"Unsupported filter: {exc}")
        except Http404 as exc:
            return _error(404, str(exc) or "Not found")
        except ApiError as exc:
            response = _error(exc.status, exc.message)
            if exc.status == 429:
                response["Retry-After"] = str((exc.details or [{}])[0].get("retry_after", 1))
            return response

    return wrapper


def _site(site_id: int) -> None:
    if site_id != settings.JOD_SITE_ID:
        raise Http404(f"No site {site_id}")


def _base(request: HttpRequest) -> str:
    """Where the frontend's browser reaches this adapter: ``JOD_PUBLIC_URL`` (behind the
    frontend's proxy, e.g. ``https://jod.example/ohjaaja/cms/o``), else its own URL here."""
    return settings.JOD_PUBLIC_URL or request.build_absolute_uri("/" + settings.JOD_PREFIX)[:-1]


def _language(request: HttpRequest) -> str:
    return resolve_locale(request, None)  # Accept-Language: fi-FI, sv-SE, en-US; else Finnish


# --- Navigation and tags ---------------------------------------------------------------------


def _nav_item(data: Catalogue, category_id: int) -> dict[str, Any]:
    category = data.categories[category_id]
    hidden = category.hidden
    children = [_nav_item(data, child) for child in category.children]
    children += [_article_item(data, key) for key in category.articles]
    return {
        "id": category.id,
        "name": category.names["fi-FI"],
        "name_i18n": category.names,
        "description": category.descriptions["fi-FI"],
        "description_i18n": category.descriptions,
        "type": "CategoryMain" if category.kind == "section" else "CategoryListing",
        "articleId": None,
        "categoryId": category.id,
        "externalReferenceCode": category.translation_key,
        "hideFromHomePageNewestCarousel": hidden,
        "hideFromHomePageMostViewedCarousel": hidden,
        "hideFromMainCategoryPageNewestCarousel": hidden,
        "hideFromMainCategoryPageMostViewedCarousel": hidden,
        "children": children,
    }


def _article_item(data: Catalogue, key: str) -> dict[str, Any]:
    names = i18n(data.article_names[key])
    return {
        "id": data.article_ids[key],
        "name": names["fi-FI"],
        "name_i18n": names,
        "description": "",
        "description_i18n": i18n({"fi": ""}),
        "type": "Article",
        "articleId": data.article_ids[key],
        "categoryId": None,
        "externalReferenceCode": key,
        "hideFromHomePageNewestCarousel": False,
        "hideFromHomePageMostViewedCarousel": False,
        "hideFromMainCategoryPageNewestCarousel": False,
        "hideFromMainCategoryPageMostViewedCarousel": False,
        "children": [],
    }


@require_GET
@cache_public_get()
@liferay_errors
def navigation(request: HttpRequest, site_id: int) -> HttpResponse:
    _site(site_id)
    data = catalogue()
    return json_response(
        {
            "id": site_id,
            "siteId": site_id,
            "navigationItems": [_nav_item(data, root) for root in data.roots],
        }
    )


@require_GET
@cache_public_get()
@liferay_errors
def tags(request: HttpRequest, site_id: int) -> HttpResponse:
    _site(site_id)
    items = sorted(catalogue().tags.values(), key=lambda tag: tag.names["fi-FI"].lower())
    return json_response(
        [
            {
                "id": tag.id,
                "externalReferenceCode": tag.translation_key,
                "name": tag.names["fi-FI"],
                "name_i18n": tag.names,
                "type": "TAG",
            }
            for tag in items
        ]
    )


# --- Structured contents -----------------------------------------------------------------------


def _category_condition(data: Catalogue, category_id: int) -> Q:
    """Items in a section or topic (its subtopics included), or tagged with a keyword; an id
    that is neither matches nothing, as in Liferay. Over read-model rows
    (``services.visible_item_rows``)."""
    category = data.categories.get(category_id)
    if category is not None:
        condition = Q(pk__in=[])
        for path in category.paths:
            condition |= Q(tree_path__startswith=path)
        return condition
    tag = data.tags.get(category_id)
    if tag is not None:
        return Q(keyword_ids__overlap=tag.term_ids)
    return Q(pk__in=[])


def _filtered(queryset: QuerySet, clauses: list[CategoryTest | IdIn], data: Catalogue) -> QuerySet:
    for clause in clauses:
        if isinstance(clause, IdIn):
            keys = ContentPage.objects.filter(pk__in=clause.ids).values("translation_key")
            queryset = queryset.filter(translation_key__in=keys)
        elif clause.has:  # any of them
            condition = Q(pk__in=[])
            for category_id in clause.ids:
                condition |= _category_condition(data, category_id)
            queryset = queryset.filter(condition)
        else:  # none of them
            for category_id in clause.ids:
                queryset = queryset.exclude(_category_condition(data, category_id))
    return queryset


def _int(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiError(400, "invalid_parameter", f"{name} must be a number from {low} to {high}")
    return int(raw)


@functools.cache
def _collation(language: str) -> str | None:
    """The database's ICU collation for ``language`` (Finnish and Swedish put å, ä, ö after
    z), if it has one; asked once per process."""
    name = f"{language}-x-icu"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_collation WHERE collname = %s", [name])
        return name if cursor.fetchone() else None


def _ordered(queryset: QuerySet, sort: str | None, language: str) -> QuerySet:
    field, descending = parse_sort(sort) if sort else ("dateCreated", True)
    if field == "title":
        collation = _collation(language)
        title = Collate(F("title"), collation) if collation else F("title")
        return queryset.order_by(title.desc() if descending else title.asc(), "page_id")
    return queryset.order_by(
        F("first_published_at").desc() if descending else "first_published_at", "page_id"
    )


@require_GET
@liferay_errors
def structured_contents(request: HttpRequest, site_id: int) -> HttpResponse:
    """A search counts against ``/api/v1/search/``'s limit before the cache is asked, so a
    repeated search cannot dodge it by being answered from the cache."""
    if request.GET.get("search", "").strip():
        enforce(request, SEARCHING)
    return _structured_contents(request, site_id)


@cache_public_get()
def _structured_contents(request: HttpRequest, site_id: int) -> HttpResponse:
    _site(site_id)
    language = _language(request)
    page = _int(request, "page", 1, 1, 100_000)
    page_size = _int(request, "pageSize", 20, 1, MAX_PAGE_SIZE)
    clauses = parse_filter(request.GET["filter"]) if request.GET.get("filter") else []
    sort = request.GET.get("sort") or None
    text = request.GET.get("search", "").strip()
    data = catalogue()
    offset = (page - 1) * page_size
    if text:
        total, keys = _search(request, text, clauses, sort, language, page_size, offset, data)
    else:
        queryset = _ordered(
            _filtered(services.visible_item_rows(language), clauses, data), sort, language
        )
        # The total is kept until content changes, as the REST listing keeps its own.
        total = cached(["jod-count", language, repr(clauses)], queryset.count, 3600, local=True)
        keys = list(queryset.values_list("translation_key", flat=True)[offset : offset + page_size])
    base = _base(request)
    # The cards come from the read model, rendered once per change: one query for the page.
    items = [
        structured_content(card, data, base, full=False)
        for card in services.cards_for_keys(keys, language, request)
    ]
    return json_response(
        {
            "items": items,
            "page": page,
            "pageSize": page_size,
            "totalCount": total,
            "lastPage": max(1, -(-total // page_size)),
            "facets": [],
            "actions": {},
        }
    )


def _search(
    request: HttpRequest,
    text: str,
    clauses: list[CategoryTest | IdIn],
    sort: str | None,
    language: str,
    limit: int,
    offset: int,
    data: Catalogue,
) -> tuple[int, list[uuid.UUID]]:
    """A text search in relevance order (the items' translation keys), with the keyword filter
    the frontend's search page sends (``any(t:t eq A or t eq B)`` of tags)."""
    if sort:
        raise UnsupportedFilter("search results are in relevance order; sort is not supported")
    slugs = []
    vocab = queries.vocabularies()["keywords"]
    for clause in clauses:
        if not isinstance(clause, CategoryTest) or not clause.has:
            raise UnsupportedFilter("with search, only tags (any(t:t eq A or t eq B)) filter")
        for tag_id in clause.ids:
            tag = data.tags.get(tag_id)
            if tag is None:
                raise UnsupportedFilter(f"with search, {tag_id} is not a tag")
            slugs.append(queries.term_label(vocab, tag.translation_key, "fi")["slug"])
    filters = queries.ContentFilters(
        types=list(queries.content_types_by_api_type()), terms={"keywords": slugs}
    )
    query = search_services.build_query(text, language, filters, limit, offset)
    if query.parsed.empty:  # only words search ignores ("ja", "and"): nothing to rank
        return 0, []
    # The ranked ids only: the items are shaped here, so search's own presentation (images,
    # crumbs, highlights) would be work thrown away.
    result = search_services.ranked(query)
    ids = [hit["object_id"] for hit in result["hits"]]
    found = dict(ContentPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    return result["count"], [found[pk] for pk in ids if pk in found]


@require_GET
@cache_public_get()
@liferay_errors
def structured_content_by_id(request: HttpRequest, content_id: str) -> HttpResponse:
    if not content_id.isdigit() or len(content_id) > 18:
        raise ApiError(400, "invalid_parameter", f"Unsupported id: {content_id[:50]}")
    language = _language(request)
    detail = services.item_detail(language, request, page_id=int(content_id))
    if detail is None:
        raise Http404(f"No structured content {content_id}")
    return json_response(structured_content(detail, catalogue(), _base(request), full=True))


# --- Images ------------------------------------------------------------------------------------


@require_GET
@liferay_errors
def image(request: HttpRequest, image_id: int, variant: str, name: str) -> HttpResponseBase:
    """The main image of a published item, in one of the frontend's variants. Only images a
    public item shows are served: an id does not open the image library."""
    spec = VARIANTS.get(variant)
    if spec is None:
        raise Http404(f"No variant {variant}")
    if not services.visible_pages(ContentPage.objects.filter(hero_image_id=image_id)).exists():
        raise Http404(f"No image {image_id}")
    rendition = get_image_model().objects.get(pk=image_id).get_rendition(spec)
    # A new file for the image makes new renditions, under new names.
    return public_file(
        request,
        f"{rendition.pk}:{rendition.file.name}",
        lambda: FileResponse(rendition.file.open("rb"), content_type="image/webp"),
    )
