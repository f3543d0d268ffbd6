"""What the public may see, and how it is fetched: the one place for content querysets.

REST, GraphQL, related items and search all start from ``visible_content``; nothing else decides
visibility. Drafts are never served from here: a live page's row holds its published content,
and newer draft changes live only in revisions.

- ``taxonomy``: the vocabularies and each page's terms;
- ``structure``: the visibility rule (``public``, ``visible_content``), the section/topic tree
  and frontend paths;
- ``filters``: ``resolve_filters`` (the parameters are declared in ``guidance.filters``);
- ``listing``: card relations, popularity, most viewed and featured items (listings and
  details themselves are served from ``guidance.read_model``);
- ``items``: one item by id, key or path, its languages and approvals.

The names below are the package's interface; import them from here.
"""

from guidance.queries.filters import ContentFilters, resolve_filters
from guidance.queries.items import (
    available_locales,
    content_detail,
    item_key,
    last_approvals,
    page_key,
    path_candidates,
    path_rank,
    published_locales,
    translation_key_at,
)
from guidance.queries.listing import (
    CARD_RENDITIONS,
    DETAIL_RENDITIONS,
    featured_keys,
    most_viewed_keys,
    popularity_annotation,
    with_card_relations,
)
from guidance.queries.structure import (
    NavNode,
    breadcrumbs_for,
    container_paths,
    content_types_by_api_type,
    excluded_topic_paths,
    frontend_path,
    home_url_path,
    locale_ids,
    navigation,
    node_by_id,
    public,
    site_structure,
    visible_content,
    visible_translation_key,
    visible_versions,
)
from guidance.queries.taxonomy import (
    TAXONOMY_FIELDS,
    TAXONOMY_PARAMS,
    default_language,
    page_term_ids,
    term_label,
    vocabularies,
    vocabulary_terms,
)

__all__ = [
    "CARD_RENDITIONS",
    "DETAIL_RENDITIONS",
    "TAXONOMY_FIELDS",
    "TAXONOMY_PARAMS",
    "ContentFilters",
    "NavNode",
    "available_locales",
    "breadcrumbs_for",
    "container_paths",
    "content_detail",
    "content_types_by_api_type",
    "default_language",
    "excluded_topic_paths",
    "featured_keys",
    "frontend_path",
    "home_url_path",
    "item_key",
    "last_approvals",
    "page_key",
    "path_candidates",
    "path_rank",
    "locale_ids",
    "most_viewed_keys",
    "popularity_annotation",
    "navigation",
    "node_by_id",
    "page_term_ids",
    "public",
    "published_locales",
    "resolve_filters",
    "site_structure",
    "term_label",
    "translation_key_at",
    "visible_content",
    "visible_translation_key",
    "visible_versions",
    "vocabularies",
    "vocabulary_terms",
    "with_card_relations",
]
