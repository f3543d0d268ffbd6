"""``resolve_filters``: validated filter values (``ContentFilters``) as a filter on the read
model's rows (``guidance.models.ReadItem``). The parameters they come from are declared in
``guidance.filters``."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from cms.api_errors import invalid_parameter
from guidance.models import TERM_COLUMNS, ReadItem
from guidance.queries.structure import container_paths, content_types_by_api_type
from guidance.queries.taxonomy import TAXONOMY_PARAMS, vocabularies


@dataclass
class ContentFilters:
    """Validated filter values: content types, a section or topic id, slugs per taxonomy."""

    types: list[str] = field(default_factory=list)
    section: int | None = None
    topic: int | None = None
    terms: dict[str, list[str]] = field(default_factory=dict)  # taxonomy → [slugs]
    updated_since: datetime.datetime | None = None


def resolve_filters(queryset: QuerySet[ReadItem], filters: ContentFilters) -> QuerySet[ReadItem]:
    """``queryset`` of read-model rows narrowed to ``filters``; an unknown type, section, topic
    or term is a 400 naming its parameter."""
    if filters.types:
        by_type = content_types_by_api_type()
        unknown = [t for t in filters.types if t not in by_type]
        if unknown:
            raise invalid_parameter(
                "type", f"unknown type {unknown[0]!r}; use one of {', '.join(by_type)}"
            )
        queryset = queryset.filter(content_type_id__in=[by_type[t].pk for t in filters.types])
    for parameter in ("section", "topic"):
        page_id = getattr(filters, parameter)
        if page_id is not None:
            condition = Q()
            for path in container_paths(page_id, parameter):
                condition |= Q(tree_path__startswith=path)
            queryset = queryset.filter(condition)
    # The vocabularies (one cache read and a large unpickling) only when a term is asked for.
    vocab = vocabularies() if any(filters.terms.values()) else {}
    parameter_of = {taxonomy: parameter for parameter, taxonomy in TAXONOMY_PARAMS.items()}
    for taxonomy, slugs in filters.terms.items():
        if not slugs:
            continue
        keys = []
        for slug in slugs:
            key = vocab[taxonomy]["slug_key"].get(slug)
            if key is None:
                raise invalid_parameter(parameter_of[taxonomy], f"unknown value {slug!r}")
            keys.append(key)
        ids = [term_id for term_id, key in vocab[taxonomy]["id_key"].items() if key in keys]
        queryset = queryset.filter(**{f"{TERM_COLUMNS[taxonomy]}__overlap": ids})
    if filters.updated_since:
        # ISO 8601 allows offsets PostgreSQL refuses (beyond ±15:59): compare in UTC.
        try:
            since = filters.updated_since.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise invalid_parameter("updated_since", "date-time out of range") from None
        queryset = queryset.filter(last_published_at__gte=since)
    return queryset
