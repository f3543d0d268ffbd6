"""The site's structure and the visibility rule: which pages the public may see, the
section/topic tree per language and the frontend paths."""

import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page, PageViewRestriction

from cms.api_errors import invalid_parameter
from cms.cache import cached
from guidance.models import CONTENT_PAGE_MODELS, ContentPage, HomePage, SectionPage, TopicPage
from guidance.queries.taxonomy import default_language

P = TypeVar("P", bound=Page)


@dataclass
class NavNode:
    """A node of the cached page tree. What the API shows of it is ``guidance.schemas.NavNodeOut``
    (read from these attributes); the rest is for filtering."""

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
    intro: str = ""
    children: list["NavNode"] = field(default_factory=list)


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset: QuerySet[P]) -> QuerySet[P]:
    """Leave out pages under a view restriction (private sections): they are never served."""
    for path in site_structure()["restricted"]:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def visible_translation_key(page_id: int) -> uuid.UUID | None:
    """The translation_key of a live, public content page, or None."""
    return (
        public(ContentPage.objects.live().filter(pk=page_id))
        .values_list("translation_key", flat=True)
        .first()
    )


def _is_restricted(path: str, restricted: list[str]) -> bool:
    return any(path.startswith(r) for r in restricted)


def site_structure() -> dict[str, Any]:
    """Every live, public home/section/topic page in every locale, cached until content changes.

    Returns {"homes": {lang: (url_path, id, tree path, translation_key)},
    "nodes": {lang: {translation_key: NavNode}}, "by_id": {id: (lang, translation_key)},
    "paths": {tree path: NavNode}, "parent_key": {translation_key: parent's translation_key},
    "restricted": [tree paths under a view restriction]}.
    """

    def build() -> dict[str, Any]:
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
        homes: dict[str, tuple[str, int, str, str]] = {}
        nodes: dict[str, dict[str, NavNode]] = {}
        by_path: dict[str, Page] = {}
        for page in pages:
            if _is_restricted(page.path, restricted):
                continue
            language = languages[page.locale_id]
            if isinstance(page, HomePage):
                homes[language] = (page.url_path, page.id, page.path, str(page.translation_key))
                continue
            by_path[page.path] = page
        structure: dict[str, Any] = {
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
                intro=page.intro,
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

    return cached(["site-structure"], build, timeout=3600, local=True)


def frontend_path(url_path: str, home_url_path: str) -> str:
    """Wagtail's url_path without the locale's home page: the frontend route of a page."""
    if url_path.startswith(home_url_path):
        return "/" + url_path[len(home_url_path) :]
    return url_path


def navigation(language: str) -> list[NavNode]:
    """The section/topic tree in ``language``; untranslated nodes fall back to Finnish."""
    structure = site_structure()
    fallback = structure["nodes"].get(default_language(), {})
    localized = structure["nodes"].get(language, {})
    parent_key = structure["parent_key"]
    chosen: dict[str, NavNode] = {}
    for key, node in fallback.items():
        picked = localized.get(key)
        if picked is None:
            picked = NavNode(
                **{**node.__dict__, "children": [], "locale_fallback": language != node.locale}
            )
        else:
            picked = NavNode(**{**picked.__dict__, "children": []})
        chosen[key] = picked
    roots: list[NavNode] = []
    for key, node in sorted(chosen.items(), key=lambda kv: fallback[kv[0]].page_path):
        parent = parent_key.get(key)
        if parent and parent in chosen:
            chosen[parent].children.append(node)
        else:
            roots.append(node)
    return roots


def breadcrumbs_for(page_path: str, language: str) -> list[dict[str, Any]]:
    """Section and topic ancestors of a content page (by tree path), in ``language``."""
    structure = site_structure()
    crumbs: list[dict[str, Any]] = []
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


def node_by_id(page_id: int) -> NavNode | None:
    structure = site_structure()
    located = structure["by_id"].get(page_id)
    if located is None:
        return None
    language, key = located
    return structure["nodes"][language][key]


def excluded_topic_paths() -> list[str]:
    return [
        node.page_path for node in site_structure()["paths"].values() if node.exclude_from_listings
    ]


def home_url_path(language: str) -> str:
    homes = site_structure()["homes"]
    home = homes.get(language) or homes.get(default_language())
    return home[0] if home else "/"


def locale_ids() -> dict[str, int]:
    """{language_code: locale id}: filtering on the id spares every listing a join."""
    return cached(["locale-ids"], lambda: dict(Locale.objects.values_list("language_code", "id")))


def visible_versions() -> QuerySet[ContentPage]:
    """Every live, public content page in every language: the rule ``visible_content`` then
    narrows to one language (with its Finnish fallback)."""
    return public(ContentPage.objects.live().filter(depth__gt=3))


def visible_content(language: str) -> QuerySet[ContentPage]:
    """Live, public content pages in ``language``, with Finnish items that lack a translation.

    Annotated with ``locale_fallback`` semantics by the caller: a row whose locale differs from
    ``language`` is a fallback.
    """
    default = default_language()
    ids = locale_ids()
    base = visible_versions()
    if language == default:
        return base.filter(locale_id=ids.get(default))
    translated_keys = (
        ContentPage.objects.live().filter(locale_id=ids.get(language)).values("translation_key")
    )
    return base.filter(
        Q(locale_id=ids.get(language))
        | (Q(locale_id=ids.get(default)) & ~Q(translation_key__in=translated_keys))
    )


def content_types_by_api_type() -> dict[str, ContentType]:

    return {
        apps.get_model("guidance", name).api_type: ContentType.objects.get_for_model(
            apps.get_model("guidance", name)
        )
        for name in CONTENT_PAGE_MODELS
    }


def container_paths(page_id: int, parameter: str) -> list[str]:
    """Section or topic id (in any language) → tree paths of its language versions."""

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
