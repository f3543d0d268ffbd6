"""Query statistics for editors: how often each query was searched a week, and how often it
found nothing. Long digit runs are masked before anything is stored."""

import datetime
import logging
import re
from typing import Any

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from search.models import SearchQueryStat

logger = logging.getLogger(__name__)

_LONG_NUMBER = re.compile(r"\d{5,}")


def week_start(day: datetime.date | None = None) -> datetime.date:
    day = day or timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def record_query(normalized: str, language: str, result_count: int, corrected: str = "") -> None:
    """Count one search of ``normalized`` this week (and whether it found nothing), with the
    corrected query that search offered or showed for it, if any.

    Long digit runs (phone numbers, personal identity codes) are masked before storing."""
    text = _LONG_NUMBER.sub("#", normalized)[:200]
    if not text:
        return
    corrected = _LONG_NUMBER.sub("#", corrected or "")[:200]
    table = SearchQueryStat._meta.db_table
    zero = 1 if result_count == 0 else 0
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {table}
                        (week, language, query, searches, zero_results, corrected_query)
                    VALUES (%s, %s, %s, 1, %s, %s)
                    ON CONFLICT (week, language, query) DO UPDATE
                    SET searches = {table}.searches + 1,
                        zero_results = {table}.zero_results + EXCLUDED.zero_results,
                        corrected_query = EXCLUDED.corrected_query""",
                [week_start(), language, text, zero, corrected],
            )
    except Exception:  # statistics must never break a search
        logger.exception("could not record a search statistic")


def weekly_totals(weeks: int = 12) -> list[dict[str, Any]]:
    """[{week, searches, zero_results}] for the last ``weeks`` weeks, oldest first."""

    first = week_start() - datetime.timedelta(weeks=weeks - 1)
    rows = {
        row["week"]: row
        for row in SearchQueryStat.objects.filter(week__gte=first)
        .values("week")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
    }
    result = []
    for index in range(weeks):
        week = first + datetime.timedelta(weeks=index)
        row: Any = rows.get(week, {})
        result.append(
            {
                "week": week,
                "searches": row.get("searches") or 0,
                "zero_results": row.get("zero_results") or 0,
            }
        )
    return result
