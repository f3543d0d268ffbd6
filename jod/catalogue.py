"""The ids and names the JOD frontend works with, derived from this CMS's published content.

Liferay gives an article one integer id in every language, and categories (the navigation's
sections) and tags one shared integer space (both are ``taxonomyCategoryIds``). Here:

- an article's id is the page id of its Finnish version (of its only version when it has no
  Finnish one); its ``externalReferenceCode`` is its ``translation_key``, the key this CMS's
  favourites, views and discussions use;
- a category (a section or topic) is the page id of its Finnish version, so a category and an
  article never share an id (both are page ids);
- a tag (a keyword) is ``TAG_ID_BASE`` plus the lowest id of the keyword's language versions,
  above any page id.

All of it is built once per content version (``cms.cache.cached``) from guidance's public
queries: the visibility rule is guidance's, never repeated here.
"""

from dataclasses import dataclass, field

from cms.cache import cached
from guidance import queries

TAG_ID_BASE = 1_000_000_000
LANGUAGES = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-US"}


def i18n(values: dict[str, str]) -> dict[str, str]:
    """A ``name_i18n``-style map with all three keys; a missing language falls back to Finnish
    as Liferay does."""
    fallback = values.get("fi") or next(iter(values.values()), "")
    return {tag: values.get(code) or fallback for code, tag in LANGUAGES.items()}


@dataclass
class Category:
    id: int
    translation_key: str
    kind: str  # "section" or "topic"
    names: dict[str, str]
    descriptions: dict[str, str]
    paths: list[str]  # tree paths of its language versions: an item under one is in it
    hidden: bool  # "keep out of newest and popular" (TopicPage.exclude_from_listings)
    children: list[int] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # translation keys, in tree order


@dataclass
class Tag:
    id: int
    translation_key: str
    names: dict[str, str]
    term_ids: list[int]  # the keyword's rows in every language


@dataclass
class Catalogue:
    categories: dict[int, Category]
    roots: list[int]  # top-level sections, in tree order
    tags: dict[int, Tag]
    article_ids: dict[str, int]  # translation_key → article id
    article_names: dict[str, dict[str, str]]  # translation_key → {language: title}
    category_of_path: dict[str, int]  # tree path of a section/topic version → category id
    category_of_key: dict[str, int]  # translation key of a section/topic → category id
    tag_of_slug: dict[str, Tag]  # a keyword's slug (in any language) → its tag
    tag_of_key: dict[str, Tag]  # a keyword's translation key → its tag


def catalogue() -> Catalogue:
    """Kept in the worker's memory at the content version: every adapter call needs it, and
    unpickling it from Redis cost 20 ms a call at 10,000 items (more than the rest of a
    listing)."""
    return cached(["jod-catalogue"], _build, timeout=3600, local=True)


def _build() -> Catalogue:
    structure = queries.site_structure()
    default = queries.default_language()
    by_key: dict[str, dict[str, queries.NavNode]] = {}
    for language, nodes in structure["nodes"].items():
        for key, node in nodes.items():
            by_key.setdefault(key, {})[language] = node
    categories: dict[int, Category] = {}
    id_of_key: dict[str, int] = {}
    for key, languages in by_key.items():
        canonical = languages.get(default) or min(languages.values(), key=lambda n: n.id)
        category = Category(
            id=canonical.id,
            translation_key=key,
            kind=canonical.type,
            names=i18n({language: node.title for language, node in languages.items()}),
            descriptions=i18n({language: node.intro for language, node in languages.items()}),
            paths=[node.page_path for node in languages.values()],
            hidden=canonical.exclude_from_listings,
        )
        categories[category.id] = category
        id_of_key[key] = category.id
    roots = []
    tree_order = sorted(categories.values(), key=lambda c: min(c.paths))
    for category in tree_order:
        parent_key = structure["parent_key"].get(category.translation_key)
        if parent_key in id_of_key:
            categories[id_of_key[parent_key]].children.append(category.id)
        else:
            roots.append(category.id)
    category_of_path = {path: c.id for c in categories.values() for path in c.paths}

    versions: dict[str, dict[str, int]] = {}  # key → {language: page id}
    article_names: dict[str, dict[str, str]] = {}
    placed: dict[str, tuple[str, int]] = {}  # key → (tree path, category) of its best version
    rows = (
        queries.visible_versions()
        .order_by("path")
        .values_list("id", "translation_key", "locale__language_code", "title", "path")
    )
    for page_id, translation_key, language, title, path in rows.iterator():
        key = str(translation_key)
        versions.setdefault(key, {})[language] = page_id
        article_names.setdefault(key, {})[language] = title
        owner = next(
            (
                category_of_path[path[:end]]
                for end in range(len(path) - 4, 0, -4)
                if path[:end] in category_of_path
            ),
            None,
        )
        if owner is not None and (key not in placed or language == default):
            placed[key] = (path, owner)
    article_ids = {key: ids.get(default) or min(ids.values()) for key, ids in versions.items()}
    for key, (_path, owner) in sorted(placed.items(), key=lambda item: item[1][0]):
        categories[owner].articles.append(key)

    vocab = queries.vocabularies()["keywords"]
    term_ids: dict[str, list[int]] = {}
    for term_id, key in vocab["id_key"].items():
        term_ids.setdefault(key, []).append(term_id)
    tags: dict[int, Tag] = {}
    tag_of_slug: dict[str, Tag] = {}
    for key, ids in term_ids.items():
        labels = vocab["by_key"].get(key, {})  # {language: (slug, name, description)}
        names = {language: label[1] for language, label in labels.items()}
        tag = Tag(id=TAG_ID_BASE + min(ids), translation_key=key, names=i18n(names), term_ids=ids)
        tags[tag.id] = tag
        tag_of_slug.update({label[0]: tag for label in labels.values()})
    return Catalogue(
        categories=categories,
        roots=roots,
        tags=tags,
        article_ids=article_ids,
        article_names=article_names,
        category_of_path=category_of_path,
        category_of_key=id_of_key,
        tag_of_slug=tag_of_slug,
        tag_of_key={tag.translation_key: tag for tag in tags.values()},
    )
