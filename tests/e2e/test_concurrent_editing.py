"""Editors at the same time: two saving one page, several creating pages under one parent."""

import threading

import pytest
from django.db import connection
from wagtail.models import Page

from community.factories import StaffUserFactory
from guidance.factories import ArticlePageFactory
from guidance.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.browser
def test_two_editors_saving_the_same_page_at_once_both_keep_their_revision(
    tab_for, live_server, topic
):
    article = ArticlePageFactory(parent=topic, title="Yhteinen artikkeli", live=False)
    article.save_revision()
    before = article.revisions.count()
    tabs = []
    for n in range(2):
        tab = tab_for(StaffUserFactory(groups=["Editors"]), editing_sessions=False)
        tab.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
        tab.fill("#id_title", f"Editorin {n + 1} otsikko")
        tabs.append(tab)

    def is_save(response):
        return response.request.method == "POST" and f"/pages/{article.pk}/edit/" in response.url

    # Both forms are submitted before either answer arrives.
    with tabs[0].expect_response(is_save) as first, tabs[1].expect_response(is_save) as second:
        for tab in tabs:
            tab.evaluate("document.querySelector('form#page-edit-form').requestSubmit()")
    for saved in (first.value, second.value):
        assert saved.status in (200, 302), saved.status  # no server error

    revisions = article.revisions.order_by("-created_at")
    assert revisions.count() == before + 2
    titles = {revision.content["title"] for revision in revisions[:2]}
    assert titles == {"Editorin 1 otsikko", "Editorin 2 otsikko"}
    article.refresh_from_db()
    assert article.latest_revision_id == revisions.first().pk
    for tab in tabs:
        # The redirect after saving and the edit page's own requests have finished: a request
        # still in flight when the test ends holds locks the teardown's TRUNCATE waits for
        # (it deadlocked once in CI). ``tab_for`` shuts the tabs after the test.
        tab.wait_for_load_state("networkidle")


def test_pages_created_at_once_under_one_parent_leave_the_tree_consistent(topic):
    creators = 8
    barrier = threading.Barrier(creators)
    errors = []

    def create(n):
        try:
            parent = Page.objects.get(pk=topic.pk).specific
            barrier.wait()
            parent.add_child(  # what the admin's create view calls
                instance=ArticlePage(title=f"Uusi {n}", slug=f"uusi-{n}", summary="Tiivistelmä")
            )
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(creators)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Page.find_problems() == ([], [], [], [], [])
    parent = Page.objects.get(pk=topic.pk)
    assert parent.numchild == creators
    children = parent.get_children()
    assert sorted(children.values_list("slug", flat=True)) == sorted(
        f"uusi-{n}" for n in range(creators)
    )
    assert len({child.path for child in children}) == creators
