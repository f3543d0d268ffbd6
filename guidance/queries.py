"""What the public may see, and how it is fetched: the one place for content querysets.

REST, GraphQL, related items and (later) search all start from ``visible_content``; nothing else
decides visibility. Drafts are never served from here: a live page's row holds its published
content, and newer draft changes live only in revisions.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from cms.cache import cached
from cms.models import CustomRendition
from guidance.models import (
    TAXONOMY_MODELS,
    ContentPage,
    ContentViewDay,
    HomePage,
    SectionPage,
    TopicPage,
)

CARD_RENDITIONS = ["fill-480x270|format-webp", "fill-960x540|format-webp"]
DETAIL_RENDITIONS = ["width-480|format-webp", "width-960|format-webp", "width-1440|format-webp"]
TAXONOMY_FIELDS = {  # API name → page field
    "keywords": "keywords",
    "themes": "themes",
    "target_groups": "target_groups",
    "sectors": "sectors",
    "settings": "guidance_settings",
}
CURATED_ORDERINGS = {"-published", "popular", "trending"}


def default_language():
    return settings.LANGUAGE_CODE


# --- Vocabularies ---------------------------------------------------------------------------


def vocabularies():
    """{api_name: {"by_key": {translation_key: {lang: (slug, name)}}, "id_key": {id: key},
    "slug_key": {slug: key}}} for every taxonomy, cached until content changes."""

    def build():
        result = {}
        for api_name, model in TAXONOMY_MODELS.items():
            by_key, id_key, slug_key = {}, {}, {}
            for term in model.objects.select_related("locale").order_by("name"):
                key = str(term.translation_key)
                by_key.setdefault(key, {})[term.locale.language_code] = (
                    term.slug,
                    term.name,
                    term.description,
                )
                id_key[term.pk] = key
                slug_key.setdefault(term.slug, key)
            result[api_name] = {"by_key": by_key, "id_key": id_key, "slug_key": slug_key}
        return result

    return cached(["vocabularies"], build, timeout=3600)


def term_label(vocab, key, language):
    names = vocab["by_key"].get(key, {})
    slug, name, _description = (
        names.get(language) or names.get(default_language()) or next(iter(names.values()))
    )
    return {"slug": slug, "name": name}


def vocabulary_terms(api_name, language):
    vocab = vocabularies()[api_name]
    terms = []
    for key, names in vocab["by_key"].items():
        slug, name, description = names.get(language) or names.get(default_language())
        terms.append(
            {
                "key": key,
                "slug": slug,
                "name": name,
                "description": description,
                "locale_fallback": language not in names,
            }
        )
    return sorted(terms, key=lambda t: t["name"].lower())


# --- Navigation -----------------------------------------------------------------------------


@dataclass
class NavNode:
    id: int
    translation_key: str
    title: str
    slug: str
    path: str
    type: str
    locale: str
    locale_fallback: bool
    page_path: str  # treebeard path, for "is under" tests
    exclude_from_listings: bool = False
    children: list = field(default_factory=list)

    def as_dict(self):
        return {
            "id": self.id,
            "translation_key": self.translation_key,
            "title": self.title,
            "slug": self.slug,
            "path": self.path,
            "type": self.type,
            "locale": self.locale,
            "locale_fallback": self.locale_fallback,
            "children": [child.as_dict() for child in self.children],
        }


def _restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset):
    """Leave out pages under a view restriction (private sections): they are never served."""
    for path in site_structure()["restricted"]:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def visible_translation_key(page_id):
    """The translation_key of a live, public content page, or None."""
    return (
        public(ContentPage.objects.live().filter(pk=page_id))
        .values_list("translation_key", flat=True)
        .first()
    )


def _is_restricted(path, restricted):
    return any(path.startswith(r) for r in restricted)


def site_structure():
    """Every live, public home/section/topic page in every locale, cached until content changes.

    Returns {"homes": {lang: (url_path, id)}, "nodes": {lang: {translation_key: NavNode}},
    "trees": {lang: [NavNode]}, "by_id": {id: (lang, translation_key)}}.
    """

    def build():
        restricted = _restricted_paths()
        languages = dict(Locale.objects.values_list("id", "language_code"))
        pages = sorted(
            (
                page
                for model in (HomePage, SectionPage, TopicPage)
                for page in model.objects.live().order_by("path")
            ),
            key=lambda page: page.path,
        )
        homes, nodes, by_path = {}, {}, {}
        for page in pages:
            if _is_restricted(page.path, restricted):
                continue
            language = languages[page.locale_id]
            if isinstance(page, HomePage):
                homes[language] = (page.url_path, page.id, page.path, str(page.translation_key))
                continue
            by_path[page.path] = page
        structure = {
            "homes": homes,
            "nodes": {},
            "by_id": {},
            "paths": {},
            "restricted": restricted,
        }
        for page in by_path.values():
            language = languages[page.locale_id]
            home = homes.get(language)
            if home is None or not page.path.startswith(home[2]):
                continue
            node = NavNode(
                id=page.id,
                translation_key=str(page.translation_key),
                title=page.title,
                slug=page.slug,
                path=frontend_path(page.url_path, home[0]),
                type=page.api_type,
                locale=language,
                locale_fallback=False,
                page_path=page.path,
                exclude_from_listings=getattr(page, "exclude_from_listings", False),
            )
            nodes.setdefault(language, {})[node.translation_key] = node
            structure["by_id"][page.id] = (language, node.translation_key)
            structure["paths"][page.path] = node
        structure["nodes"] = nodes
        # Parent of each node by tree path (depth step is 4 characters in Wagtail).
        structure["parent_key"] = {
            node.translation_key: structure["paths"][node.page_path[:-4]].translation_key
            for node in structure["paths"].values()
            if node.page_path[:-4] in structure["paths"]
        }
        return structure

    return cached(["site-structure"], build, timeout=3600)


def frontend_path(url_path, home_url_path):
    """Wagtail's url_path without the locale's home page: the frontend route of a page."""
    if url_path.startswith(home_url_path):
        return "/" + url_path[len(home_url_path) :]
    return url_path


def navigation(language):
    """The section/topic tree in ``language``; untranslated nodes fall back to Finnish."""
    structure = site_structure()
    fallback = structure["nodes"].get(default_language(), {})
    localized = structure["nodes"].get(language, {})
    parent_key = structure["parent_key"]
    chosen = {}
    for key, node in fallback.items():
        picked = localized.get(key)
        if picked is None:
            picked = NavNode(
                **{**node.__dict__, "children": [], "locale_fallback": language != node.locale}
            )
        else:
            picked = NavNode(**{**picked.__dict__, "children": []})
        chosen[key] = picked
    roots = []
    for key, node in sorted(chosen.items(), key=lambda kv: fallback[kv[0]].page_path):
        parent = parent_key.get(key)
        if parent and parent in chosen:
            chosen[parent].children.append(node)
        else:
            roots.append(node)
    return roots


def breadcrumbs_for(page_path, language):
    """Section and topic ancestors of a content page (by tree path), in ``language``."""
    structure = site_structure()
    crumbs = []
    for depth_end in range(4 * 3, len(page_path), 4):  # below the home page
        node = structure["paths"].get(page_path[:depth_end])
        if node is None:
            continue
        localized = structure["nodes"].get(language, {}).get(node.translation_key)
        shown = localized or node
        crumbs.append(
            {
                "id": shown.id,
                "title": shown.title,
                "path": shown.path,
                "type": shown.type,
                "translation_key": shown.translation_key,
            }
        )
    return crumbs


def node_by_id(page_id):
    structure = site_structure()
    located = structure["by_id"].get(page_id)
    if located is None:
        return None
    language, key = located
    return structure["nodes"][language][key]


def excluded_topic_paths():
    return [
        node.page_path for node in site_structure()["paths"].values() if node.exclude_from_listings
    ]


# --- Content --------------------------------------------------------------------------------


def locale_ids():
    """{language_code: locale id}: filtering on the id spares every listing a join."""
    return cached(["locale-ids"], lambda: dict(Locale.objects.values_list("language_code", "id")))


def visible_content(language):
    """Live, public content pages in ``language``, with Finnish items that lack a translation.

    Annotated with ``locale_fallback`` semantics by the caller: a row whose locale differs from
    ``language`` is a fallback.
    """
    default = default_language()
    ids = locale_ids()
    base = public(ContentPage.objects.live().filter(depth__gt=3))
    if language == default:
        return base.filter(locale_id=ids.get(default))
    translated_keys = (
        ContentPage.objects.live().filter(locale_id=ids.get(language)).values("translation_key")
    )
    return base.filter(
        Q(locale_id=ids.get(language))
        | (Q(locale_id=ids.get(default)) & ~Q(translation_key__in=translated_keys))
    )


def content_types_by_api_type():
    from django.apps import apps

    from guidance.models import CONTENT_PAGE_MODELS

    return {
        apps.get_model("guidance", name).api_type: ContentType.objects.get_for_model(
            apps.get_model("guidance", name)
        )
        for name in CONTENT_PAGE_MODELS
    }


# Cards never render these; parsing their JSON for every row of a listing costs more than
# the SQL (measured in bench/RESULTS.md).
CARD_DEFERRED = ("body", "attachments", "external_links")


def with_card_relations(queryset, renditions=CARD_RENDITIONS, cards_only=True):
    """Everything a card needs in a constant number of queries (terms come separately from
    ``page_term_ids``, in one query for the whole page of items)."""
    if cards_only:
        queryset = queryset.defer(*CARD_DEFERRED)
    return queryset.select_related("locale", "hero_image").prefetch_related(
        Prefetch(
            "hero_image__renditions",
            queryset=CustomRendition.objects.filter(filter_spec__in=renditions),
        ),
    )


def page_term_ids(page_ids):
    """{page id: {api taxonomy name: [term ids]}} for every taxonomy, in one query.

    Reads the five through tables with a UNION instead of prefetching term objects: the labels
    come from the cached vocabularies, so no term model is instantiated."""
    from django.db import connection

    page_ids = [int(pk) for pk in page_ids]
    result = {pk: {api: [] for api in TAXONOMY_FIELDS} for pk in page_ids}
    if not page_ids:
        return result
    selects, params = [], []
    for api_name, field_name in TAXONOMY_FIELDS.items():
        model_field = ContentPage._meta.get_field(field_name)
        through = model_field.remote_field.through._meta.db_table
        source, target = model_field.m2m_column_name(), model_field.m2m_reverse_name()
        selects.append(
            f"SELECT %s, {source}, {target} FROM {through} WHERE {source} = ANY(%s)"  # noqa: S608
        )
        params += [api_name, page_ids]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 3", params)
        for api_name, page_id, term_id in cursor.fetchall():
            result[page_id][api_name].append(term_id)
    return result


def popularity_annotation(queryset, ordering):
    views = ContentViewDay.objects.filter(translation_key=OuterRef("translation_key"))
    if ordering == "trending":
        today = timezone.localdate()
        # Recent days weigh more: the last week counts three times, the last month once.
        week = views.filter(day__gte=today - datetime.timedelta(days=7))
        month = views.filter(day__gte=today - datetime.timedelta(days=30))
        return queryset.annotate(
            score=Coalesce(
                Subquery(week.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
                Value(0),
                output_field=IntegerField(),
            )
            * 3
            + Coalesce(
                Subquery(month.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
                Value(0),
                output_field=IntegerField(),
            )
        )
    return queryset.annotate(
        score=Coalesce(
            Subquery(views.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
            Value(0),
            output_field=IntegerField(),
        )
    )


def available_locales(translation_keys):
    """{translation_key: sorted language codes with a live, public version}."""
    rows = public(
        ContentPage.objects.live().filter(translation_key__in=set(translation_keys))
    ).values_list("translation_key", "locale__language_code")
    result = {}
    for key, language in rows:
        result.setdefault(str(key), set()).add(language)
    return {key: sorted(langs, key=settings.CONTENT_LOCALES.index) for key, langs in result.items()}


def last_approvals(page_ids):
    """{page id: latest approval time} for a page of items, in one small query. Each language
    version has its own review: a translation is not approved by its source's assessment.

    (As an annotation on the listing it would run once per candidate row before the sort.)"""
    from django.db.models import Max

    from guidance.models import QualityAssessment

    rows = (
        QualityAssessment.objects.filter(page_id__in=set(page_ids), result="approved")
        .values("page_id")
        .annotate(last=Max("created_at"))
        .values_list("page_id", "last")
    )
    return dict(rows)


def home_url_path(language):
    homes = site_structure()["homes"]
    home = homes.get(language) or homes.get(default_language())
    return home[0] if home else "/"


@dataclass
class ContentFilters:
    types: list = field(default_factory=list)
    section: int | None = None
    topic: int | None = None
    terms: dict = field(default_factory=dict)  # api taxonomy name → [slugs]
    updated_since: datetime.datetime | None = None


def container_paths(page_id, parameter):
    """Section or topic id (in any language) → tree paths of its language versions."""
    from cms.api_errors import invalid_parameter

    node = node_by_id(page_id)
    expected = "section" if parameter == "section" else "topic"
    if node is None or node.type != expected:
        raise invalid_parameter(parameter, f"no {expected} with id {page_id}")
    structure = site_structure()
    return [
        nodes[node.translation_key].page_path
        for nodes in structure["nodes"].values()
        if node.translation_key in nodes
    ]


def filter_content(queryset, filters):
    from cms.api_errors import invalid_parameter

    if filters.types:
        by_type = content_types_by_api_type()
        unknown = [t for t in filters.types if t not in by_type]
        if unknown:
            raise invalid_parameter(
                "type", f"unknown type {unknown[0]!r}; use one of {', '.join(by_type)}"
            )
        queryset = queryset.filter(content_type__in=[by_type[t] for t in filters.types])
    for parameter in ("section", "topic"):
        page_id = getattr(filters, parameter)
        if page_id is not None:
            condition = Q()
            for path in container_paths(page_id, parameter):
                condition |= Q(path__startswith=path)
            queryset = queryset.filter(condition)
    vocab = vocabularies()
    for api_name, slugs in filters.terms.items():
        if not slugs:
            continue
        keys = []
        for slug in slugs:
            key = vocab[api_name]["slug_key"].get(slug)
            if key is None:
                raise invalid_parameter(
                    api_name.rstrip("s") if api_name != "settings" else "setting",
                    f"unknown value {slug!r}",
                )
            keys.append(key)
        ids = [term_id for term_id, key in vocab[api_name]["id_key"].items() if key in keys]
        queryset = queryset.filter(**{f"{TAXONOMY_FIELDS[api_name]}__in": ids})
    if filters.updated_since:
        # ISO 8601 allows offsets PostgreSQL refuses (beyond ±15:59): compare in UTC.
        try:
            since = filters.updated_since.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise invalid_parameter("updated_since", "date-time out of range") from None
        queryset = queryset.filter(last_published_at__gte=since)
    return queryset


def content_listing(language, filters, ordering, limit, offset):
    """One page of the content listing and the total count, in a constant number of queries."""
    queryset = filter_content(visible_content(language), filters)
    if filters.terms and any(filters.terms.values()):
        queryset = queryset.distinct()
    if ordering in CURATED_ORDERINGS and filters.section is None and filters.topic is None:
        # Editors keep some items (or whole topics) out of the newest and popular listings.
        queryset = queryset.filter(exclude_from_listings=False)
        for path in excluded_topic_paths():
            queryset = queryset.exclude(path__startswith=path)
    order_by = {
        "title": ["title", "id"],
        "-title": ["-title", "-id"],
        "-published": ["-first_published_at", "-id"],
        "published": ["first_published_at", "id"],
        "-updated": ["-last_published_at", "-id"],
        "popular": ["-score", "-first_published_at", "-id"],
        "trending": ["-score", "-first_published_at", "-id"],
    }[ordering]
    # The total is the one part of a listing that reads every matching row; it changes only when
    # content does, so it is kept per language, filter set and ordering until then.
    count = cached(["listing-count", language, ordering, repr(filters)], queryset.count, 3600)
    if ordering in ("popular", "trending"):
        queryset = popularity_annotation(queryset, ordering)
    pages = list(with_card_relations(queryset.order_by(*order_by))[offset : offset + limit])
    return count, pages


def related_content(page, language, limit=6):
    """Up to ``limit`` visible items sharing keywords or themes with ``page``, best first.

    The ranking (a join over every item's terms) is cached per item and language until
    content changes; the cards are then fetched by id."""
    from django.db.models import Count

    def rank():
        terms = page_term_ids([page.pk])[page.pk]
        keyword_ids, theme_ids = terms["keywords"], terms["themes"]
        if not keyword_ids and not theme_ids:
            return []
        return list(
            visible_content(language)
            .exclude(translation_key=page.translation_key)
            .filter(Q(keywords__in=keyword_ids) | Q(themes__in=theme_ids))
            .annotate(
                shared=Count("keywords", filter=Q(keywords__in=keyword_ids), distinct=True)
                + Count("themes", filter=Q(themes__in=theme_ids), distinct=True)
            )
            .order_by("-shared", "-first_published_at", "id")
            .values_list("pk", flat=True)[:limit]
        )

    ids = cached(["related", page.pk, language, limit], rank, timeout=3600)
    if not ids:
        return []
    pages = {p.pk: p for p in with_card_relations(ContentPage.objects.filter(pk__in=ids))}
    return [pages[pk] for pk in ids if pk in pages]


def content_detail(language, **lookup):
    """One visible item in ``language`` (or its Finnish version), found by id, key or path
    (``item_key``'s keywords)."""
    translation_key = item_key(language, **lookup)
    if translation_key is None:
        return None
    return with_card_relations(
        visible_content(language).filter(translation_key=translation_key),
        CARD_RENDITIONS + DETAIL_RENDITIONS,
        cards_only=False,
    ).first()


def item_key(language, *, page_id=None, translation_key=None, path=None):
    """The translation key of the item looked up by a page id (of any language version), a key
    or a frontend path (in any language); None when nothing has that id or path."""
    if page_id is not None:
        return (
            ContentPage.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()
        )
    if path is not None:
        return translation_key_at(path, language)
    return translation_key


def translation_key_at(path, language):
    """The item at a frontend path in any language (a Swedish path asked for in Finnish finds
    the item, served in Finnish); the requested language's own path first."""
    relative = path.strip("/")
    homes = {code: home[0] for code, home in site_structure()["homes"].items() if home}
    candidates = {f"{home}{relative}/": code for code, home in homes.items()}
    rows = public(ContentPage.objects.live().filter(url_path__in=candidates)).values_list(
        "url_path", "translation_key"
    )
    preference = [language, default_language()]
    ranked = sorted(
        rows,
        key=lambda row: (
            preference.index(candidates[row[0]]) if candidates[row[0]] in preference else 2
        ),
    )
    return ranked[0][1] if ranked else None


def published_locales(language, **lookup):
    """The languages an item is published in (live and public), however it is looked up."""
    translation_key = item_key(language, **lookup)
    if translation_key is None:
        return []
    return available_locales([translation_key]).get(str(translation_key), [])


def featured_content(language, section_id=None):
    """The items editors feature on the home page (or on a section), in their order."""
    from guidance.models import HomePage, SectionPage

    if section_id is None:
        holder = HomePage.objects.live().filter(locale__language_code=language).first() or (
            HomePage.objects.live().filter(locale__language_code=default_language()).first()
        )
    else:
        node = node_by_id(section_id)
        if node is None or node.type != "section":
            from cms.api_errors import invalid_parameter

            raise invalid_parameter("section", f"no section with id {section_id}")
        holder = SectionPage.objects.live().filter(
            translation_key=node.translation_key, locale__language_code=language
        ).first() or SectionPage.objects.live().get(pk=node.id)
    if holder is None:
        return []
    page_ids = [block.value.pk for block in holder.featured_items if block.value is not None]
    if not page_ids:
        return []
    keys = list(ContentPage.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    order = {key: page_ids.index(pk) for pk, key in keys}
    pages = with_card_relations(visible_content(language).filter(translation_key__in=order))
    return sorted(pages, key=lambda page: order[page.translation_key])
