"""A content page's row is written by one writer at a time.

Wagtail's edit view and wagtail-localize's translation save read a page, then write its whole
row back (a page never published keeps its draft in its row, ``live`` included). A review's
approval that published the page between the two was undone: ``live`` written back as False.
Every writer of a page's row outside a publication takes the row's lock before it reads:
the admin's edit view and review action (``guidance.review_views``) and wagtail-localize's
translation saves (``guidance.translation_review``).
"""

from typing import Any

from wagtail.models import Page


def lock_pages(**lookup: Any) -> None:
    """Hold the rows of the pages ``lookup`` selects until the transaction ends. They are
    locked in id order, so two writers of the same rows wait for each other but cannot
    deadlock."""
    rows = Page.objects.select_for_update().filter(**lookup).order_by("pk")
    list(rows.values_list("pk", flat=True))
