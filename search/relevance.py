"""Measuring search quality: recall@k and mean reciprocal rank over a set of judged queries."""

from dataclasses import dataclass

from search import services
from search.analysis import parse_query
from search.services import SearchQuery


@dataclass
class Judgement:
    query: str
    relevant: set  # object ids that answer the query


def ranked_ids(text, language, finnish="voikko", k=10):
    """Object ids of the top ``k`` hits for ``text`` as the search endpoint ranks them."""
    query = SearchQuery(
        parsed=parse_query(text, language), language=language, limit=k, finnish=finnish
    )
    if query.parsed.empty:
        return []
    return [hit["object_id"] for hit in services.find(query)["hits"]]


def evaluate(judgements, language, finnish="voikko", k=10):
    """{"recall": mean recall@k, "mrr": mean reciprocal rank (0 beyond k), "misses": [...]}."""
    recall_sum = rr_sum = 0.0
    misses = []
    for judgement in judgements:
        ranking = ranked_ids(judgement.query, language, finnish, k)
        found = [object_id for object_id in ranking if object_id in judgement.relevant]
        recall_sum += len(found) / len(judgement.relevant)
        first = next((i for i, oid in enumerate(ranking) if oid in judgement.relevant), None)
        rr_sum += 1 / (first + 1) if first is not None else 0.0
        if first is None:
            misses.append(judgement.query)
    count = len(judgements) or 1
    return {"recall": recall_sum / count, "mrr": rr_sum / count, "misses": misses}
