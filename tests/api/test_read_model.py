"""The read model: what the API serves is rendered once per change, stays in step with every
change, hides what must be hidden at once, retries what failed and can be checked and rebuilt."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from guidance import read_model
from guidance.models import ContentPage, ReadItem, ReadItemPending
from guidance.tasks import refresh_read_model
from tests.api.conftest import swedish_alt
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db


def titles(client, query=""):
    body = client.get(f"/api/v1/content/?limit=100{query}").json()
    return [item["title"] for item in body["items"]]


def test_each_visible_item_has_one_row_per_language(catalogue, translate):
    method = catalogue["items"]["method"]
    translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    rows = ReadItem.objects.filter(translation_key=method.translation_key)
    served = {row.language: row.page.locale.language_code for row in rows}
    # Swedish has its own version; English falls back to the Finnish one.
    assert served == {"fi": "fi", "sv": "sv", "en": "fi"}
    assert ReadItem.objects.filter(language="fi").count() == len(catalogue["items"])


@pytest.mark.parametrize(
    "query",
    [
        "",
        "&type=method&type=tool",
        "&keyword=uraohjaus&theme=urasuunnittelu",
        "&ordering=popular&locale=sv",
        "&ordering=title&section={section}",
    ],
)
def test_an_uncached_listing_is_one_query_whatever_the_filters_or_size(
    client, catalogue, many_items, settings, django_assert_num_queries, query
):
    """The first page of a filter combination also counts its total and keeps its statement;
    every other page of it (any size, any offset) until content changes is one query."""
    settings.API_SERVER_CACHE = False
    many_items(60, terms=3)
    query = query.format(section=catalogue["section"].pk)
    first = client.get(f"/api/v1/content/?limit=5{query}").json()
    for limit in (5, 100):
        with django_assert_num_queries(1):
            response = client.get(f"/api/v1/content/?limit={limit}&offset=1{query}")
        body = response.json()
        assert body["count"] == first["count"]
        assert [item["id"] for item in body["items"][:4]] == [
            item["id"] for item in first["items"][1:]
        ]


def test_trending_counts_its_weeks_from_today_between_publishes(
    client, catalogue, settings, monkeypatch
):
    """A listing's statement is kept until content changes; trending's holds the day its week
    and month are counted back from, so it must not keep yesterday's on a new day."""
    from guidance.models import ContentViewDay

    settings.API_SERVER_CACHE = False
    tool, method = catalogue["items"]["tool"], catalogue["items"]["method"]
    today = timezone.localdate()
    ContentViewDay.objects.create(translation_key=tool.translation_key, day=today, views=10)
    ContentViewDay.objects.create(
        translation_key=method.translation_key, day=today - datetime.timedelta(days=20), views=25
    )
    # Today the tool's 10 views count three times in the week and once in the month: 40 to 25.
    assert titles(client, "&ordering=trending")[:2] == ["Tool 3", "Method 2"]
    real_localdate = timezone.localdate
    later = today + datetime.timedelta(days=8)
    monkeypatch.setattr(
        timezone,
        "localdate",
        lambda value=None, tz=None: real_localdate(value, tz) if value else later,
    )
    # A week later only the month counts: 10 to 25.
    assert titles(client, "&ordering=trending")[:2] == ["Method 2", "Tool 3"]


@pytest.mark.parametrize("lookup", ["id", "key", "path"])
def test_an_uncached_detail_is_two_queries_however_it_is_looked_up(
    client, catalogue, settings, django_assert_max_num_queries, lookup
):
    """The row and its related cards; a page id's item is found in the row's statement."""
    settings.API_SERVER_CACHE = False
    method = catalogue["items"]["method"]
    url = {
        "id": f"/api/v1/content/{method.id}/",
        "key": f"/api/v1/content/by-key/{method.translation_key}/",
        "path": "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/method-2/",
    }[lookup]
    client.get(url)
    with django_assert_max_num_queries(2):
        body = client.get(url).json()
    assert body["title"] == "Method 2"
    assert len(body["related"]) == 4


def test_a_listing_answers_with_the_same_cards_as_rendering_afresh(client, catalogue):
    """The stored card is the serializer's card: nothing is lost on the way through the table."""
    from guidance import serializers

    method = ContentPage.objects.get(pk=catalogue["items"]["method"].pk)
    served = next(
        item
        for item in client.get("/api/v1/content/?limit=100").json()["items"]
        if item["id"] == method.pk
    )
    fresh = serializers.cards([method], "fi", None)[0]
    assert served["title"] == fresh["title"]
    assert served["keywords"] == fresh["keywords"]
    assert served["image"]["src"].startswith("http://testserver/media/")
    assert served["image"]["src"].endswith(fresh["image"]["src"])


def test_media_urls_follow_the_requests_host(client, catalogue, settings):
    settings.ALLOWED_HOSTS = ["testserver", "cms.example.fi"]
    settings.API_SERVER_CACHE = False
    other = client.get("/api/v1/content/?limit=1", HTTP_HOST="cms.example.fi").json()
    assert other["items"][0]["image"]["src"].startswith("http://cms.example.fi/media/")


def graphql_card(client, query, page_id):
    items = client.post("/graphql/", {"query": query}, content_type="application/json").json()
    return next(i for i in items["data"]["content"]["items"] if i["id"] == page_id)


def test_a_review_falling_due_shows_the_next_day_without_a_rebuild(client, catalogue, settings):
    settings.API_SERVER_CACHE = False
    method = catalogue["items"]["method"]
    row = ReadItem.objects.get(translation_key=method.translation_key, language="fi")
    stored = row.card
    query = "{ content(limit: 100) { items { id reviewOverdue qualityStatus firstPublishedAt } } }"
    assert (graphql_card(client, query, method.id)["reviewOverdue"]) is False
    # The row was rendered while the review was not due; the date has since passed it.
    ReadItem.objects.filter(pk=row.pk).update(
        next_review_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert ReadItem.objects.get(pk=row.pk).card == stored
    body = client.get(f"/api/v1/content/{method.id}/").json()
    assert body["review_overdue"] is True
    assert body["quality_status"] == body["quality"]["status"] == "review_overdue"
    # GraphQL reads the same stored card into its model and dates it the same way, also when
    # it has read that card before (cards read are kept by their text).
    card = graphql_card(client, query, method.id)
    assert (card["reviewOverdue"], card["qualityStatus"]) == (True, "review_overdue")
    assert card["firstPublishedAt"].startswith(body["first_published_at"][:19])


def test_publishing_changes_what_is_served_at_once(client, catalogue):
    method = catalogue["items"]["method"]
    query = "{ content(limit: 100) { items { id title } } }"
    assert graphql_card(client, query, method.id)["title"] == method.title
    method.title = "Elämänjana uudistettuna"
    method.save_revision().publish()
    assert "Elämänjana uudistettuna" in titles(client)
    assert graphql_card(client, query, method.id)["title"] == "Elämänjana uudistettuna"
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == (
        "Elämänjana uudistettuna"
    )


def test_publishing_renders_the_item_once(client, catalogue):
    # Wagtail's publish saves the page and then sends page_published: the read model renders the
    # item for the signal, not for the save as well.
    method = catalogue["items"]["method"]
    method.title = "Elämänjana kerran"
    revision = method.save_revision()
    with CaptureQueriesContext(connection) as queries:
        revision.publish()
    rendered = [
        q for q in queries.captured_queries if q["sql"].startswith('COPY "guidance_readitem"')
    ]
    assert len(rendered) == 1
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Elämänjana kerran"


def test_a_page_saved_by_code_outside_publishing_still_follows(client, catalogue):
    method = catalogue["items"]["method"]
    method.title = "Elämänjana koodista"
    method.save()  # a live page changed without a revision (an import, a shell)
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Elämänjana koodista"


def test_a_revisions_page_saved_by_code_follows_and_so_does_its_next_save(client, catalogue):
    # Only the publish action's own save (a revision's page whose live revision it has just
    # set) is left to page_published. The same kind of object saved by code is rendered, and
    # so is a later save of the object a publish saved.
    method = catalogue["items"]["method"]
    page = method.get_latest_revision_as_object()
    page.title = "Elämänjana revisiosta"
    page.save()
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Elämänjana revisiosta"
    revision = page.save_revision()
    published = revision.as_object()
    published.live_revision = revision  # what Wagtail's publish action does before its save
    published.save()  # left to page_published, which this imitation does not send
    published.title = "Elämänjana uudelleen"
    published.save()
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Elämänjana uudelleen"


def test_an_alias_follows_when_its_original_is_published(client, catalogue):
    # Wagtail copies the published content into the page's aliases (each alias's page made from
    # the original's content, saved, then page_published): the alias's row follows as well.
    method = catalogue["items"]["method"]
    alias = method.create_alias(update_slug="elamanjana-kopio")
    assert client.get(f"/api/v1/content/{alias.id}/").json()["title"] == method.title
    method.title = "Elämänjana aliaksineen"
    method.save_revision().publish()
    assert client.get(f"/api/v1/content/{alias.id}/").json()["title"] == "Elämänjana aliaksineen"


def test_unpublishing_a_translation_falls_back_to_finnish(client, catalogue, translate):
    method = catalogue["items"]["method"]
    swedish = translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    assert "Metod 2" in titles(client, "&locale=sv")
    swedish.unpublish()
    sv = client.get(f"/api/v1/content/{method.id}/?locale=sv").json()
    assert sv["title"] == "Method 2"
    assert sv["locale_fallback"] is True
    assert client.get(f"/api/v1/content/{method.id}/").json()["available_locales"] == ["fi"]


def test_deleting_an_item_or_a_translation_takes_it_out(client, catalogue, translate):
    method, tool = catalogue["items"]["method"], catalogue["items"]["tool"]
    swedish = translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    swedish.delete()
    assert client.get(f"/api/v1/content/{method.id}/?locale=sv").json()["locale_fallback"]
    tool.delete()
    assert "Tool 3" not in titles(client)
    assert not ReadItem.objects.filter(translation_key=tool.translation_key).exists()


def test_renaming_a_topic_changes_the_breadcrumbs_of_its_items(client, catalogue):
    topic = catalogue["topic"]
    topic.title = "Urapolut"
    topic.save_revision().publish()
    method = catalogue["items"]["method"]
    crumbs = client.get(f"/api/v1/content/{method.id}/").json()["breadcrumbs"]
    assert [crumb["title"] for crumb in crumbs] == ["Asiakastyöhön", "Urapolut"]


def test_renaming_a_keyword_changes_its_label_on_every_tagged_item(client, catalogue):
    keyword = catalogue["keywords"][0]
    keyword.name = "urasuunnittelun ohjaus"
    keyword.save()
    method = catalogue["items"]["method"]
    labels = [k["name"] for k in client.get(f"/api/v1/content/{method.id}/").json()["keywords"]]
    assert labels == ["urasuunnittelun ohjaus"]


def test_a_large_change_hides_at_once_and_renders_in_the_worker(
    client, catalogue, many_items, settings
):
    settings.READ_MODEL_SYNC_LIMIT = 5
    many_items(12)
    topic = catalogue["topic"]
    # Renaming touches 15 items: more than are rendered in the editor's request.
    topic.title = "Urapolut"
    topic.save_revision().publish()
    assert ReadItemPending.objects.count() >= 12
    refresh_read_model.call()
    assert not ReadItemPending.objects.exists()
    detail = client.get(f"/api/v1/content/{catalogue['items']['method'].id}/").json()
    assert detail["breadcrumbs"][-1]["title"] == "Urapolut"
    # Restricting the topic hides all of its items at once, before any worker runs.
    PageViewRestriction.objects.create(page=topic, restriction_type="login")
    clear_cache()
    assert not any(title.startswith("Menetelmä") for title in titles(client))
    assert not ReadItem.objects.filter(tree_path__startswith=topic.path).exists()


def test_a_failed_rendering_keeps_the_last_good_row_and_is_retried(client, catalogue):
    method = catalogue["items"]["method"]
    image = catalogue["image"]
    # The image file goes missing (a storage fault): its new renditions cannot be made.
    stored_file = image.file.read()
    image.file.storage.delete(image.file.name)
    image.renditions.all().delete()
    method.title = "Method 2, korjattu"
    method.save_revision().publish()  # the publish stands
    assert ContentPage.objects.get(pk=method.pk).title == "Method 2, korjattu"
    pending = ReadItemPending.objects.get(translation_key=method.translation_key)
    assert pending.attempts >= 1
    assert "SourceImageIOError" in pending.last_error
    clear_cache()
    served = client.get(f"/api/v1/content/{method.id}/")
    assert served.status_code == 200
    assert served.json()["title"] == "Method 2"  # the last good rendering, whole
    # The worker tries again: still failing, it counts the attempt and keeps the mark.
    refresh_read_model.call()
    retried = ReadItemPending.objects.get(translation_key=method.translation_key)
    assert retried.attempts == pending.attempts + 1
    image.file.storage.save(image.file.name, io.BytesIO(stored_file))
    refresh_read_model.call()
    assert not ReadItemPending.objects.exists()
    clear_cache()
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Method 2, korjattu"


def test_check_reports_drift_and_repair_mends_it(catalogue):
    call_command("check_read_model", stdout=io.StringIO(), stderr=io.StringIO())
    method = catalogue["items"]["method"]
    # A change that sends no signal (a bulk update) leaves the stored rendering behind.
    ContentPage.objects.filter(pk=method.pk).update(title="Muutettu ohi signaalien")
    out = io.StringIO()
    with pytest.raises(CommandError, match="drift"):
        call_command("check_read_model", stdout=out, stderr=io.StringIO())
    assert f"{method.translation_key} fi: card differs" in out.getvalue()
    call_command("check_read_model", "--repair", stdout=io.StringIO(), stderr=io.StringIO())
    assert read_model.check() == []
    row = ReadItem.objects.get(translation_key=method.translation_key, language="fi")
    assert "Muutettu ohi signaalien" in row.card


def test_rebuild_shows_progress_and_drops_rows_no_longer_visible(catalogue):
    tool = catalogue["items"]["tool"]
    ContentPage.objects.filter(pk=tool.pk).update(live=False)  # no signal
    err = io.StringIO()
    call_command("rebuild_read_model", stdout=io.StringIO(), stderr=err)
    assert "Read model:" in err.getvalue()
    assert "done" in err.getvalue()
    assert not ReadItem.objects.filter(translation_key=tool.translation_key).exists()
    assert read_model.check() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_leaves_the_table_vacuumed_for_index_only_counts(catalogue):
    """Every row was rewritten: the command vacuums the table (outside any transaction), so
    its pages are marked all-visible and a listing's count reads the index alone instead of
    scanning the stored JSON until autovacuum comes by."""
    from django.db import connection

    def all_visible_pages():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relallvisible FROM pg_class WHERE oid = %s::regclass",
                [ReadItem._meta.db_table],
            )
            return cursor.fetchone()[0]

    call_command("rebuild_read_model", stdout=io.StringIO(), stderr=io.StringIO())
    assert all_visible_pages() > 0


def test_migrate_fills_an_empty_read_model(catalogue):
    ReadItem.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert ReadItem.objects.filter(language="fi").count() == len(catalogue["items"])


def test_stored_answers_are_the_bytes_a_checked_answer_would_be(client, catalogue):
    """Listings and details are written from the stored JSON without checking it again: the
    answer is byte for byte what checking it against the declared shape would write."""
    from cms.http import respond, respond_stored
    from guidance.queries import ContentFilters
    from guidance.schemas import ContentDetailOut, ContentListOut

    # GraphQL's cards, read from the stored text into the shape's models: the same values.
    count, models = read_model.listing("fi", ContentFilters(), "-published", 100, 0, "http://h")
    cards = [card.model_dump(mode="json") for card in models]
    listing = {"locale": "fi", "count": count, "limit": 100, "offset": 0, "items": cards}
    stored = respond_stored(ContentListOut, listing, stored="items").content
    assert stored == respond(ContentListOut, listing).content
    # The REST listing's cards as text, never parsed: the same bytes.
    _count, texts = read_model.listing_json(
        "fi", ContentFilters(), "-published", 100, 0, "http://h"
    )
    as_text = respond_stored(ContentListOut, {**listing, "items": texts}, stored="items").content
    assert as_text == stored
    assert len(cards) == count > 3
    for item in cards:
        detail = read_model.detail("fi", "http://h", page_id=item["id"])
        checked = respond(ContentDetailOut, detail).content
        assert respond_stored(ContentDetailOut, detail).content == checked
        # The REST detail as text, never parsed: the same bytes.
        text = read_model.detail_json("fi", "http://h", page_id=item["id"])
        assert respond_stored(ContentDetailOut, text).content == checked
    assert any(read_model.detail("fi", "http://h", page_id=item["id"])["related"] for item in cards)


def test_a_card_or_detail_written_as_text_is_the_one_finished_on_any_date(catalogue):
    """``card_text`` and ``detail_text`` rewrite a stored card's or detail's date-dependent fields
    without parsing it: on the
    day a review falls due, before and after it, with and without an approval, the text is the
    parsed, finished and written card, and the origin is swapped in."""
    import datetime
    import json

    from guidance.read_model.rows import (
        CARD_DATED_FIELDS,
        ORIGIN_JSON,
        card_text,
        detail_text,
        finish_values,
    )
    from guidance.schemas import ContentCardOut

    # The splice relies on the shape declaring the dated fields last.
    assert tuple(ContentCardOut.model_fields)[-2:] == CARD_DATED_FIELDS
    rows = list(ReadItem.objects.values_list("card", "next_review_due", "last_approved_at"))
    assert any(ORIGIN_JSON in text for text, *_columns in rows)  # an image's absolute URL
    due = datetime.date(2026, 6, 1)
    approved = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    statuses = set()
    for text, *_columns in rows:
        for next_due, last_approved in [(None, None), (due, None), (due, approved)]:
            for today in (due - datetime.timedelta(days=1), due, due + datetime.timedelta(1)):
                finished = finish_values(text, next_due, last_approved, "https://x.fi", today)
                written = json.dumps(finished, ensure_ascii=False, separators=(",", ":"))
                assert card_text(text, next_due, last_approved, "https://x.fi", today) == written
                statuses.add(finished["quality_status"])
    assert statuses == {"not_reviewed", "approved", "review_overdue"}
    # A detail: its card's dated fields, its related cards and its quality summary's status.
    related = [card_text(text, None, None, "https://x.fi", due) for text, *_c in rows[:2]]
    for text, *_columns in ReadItem.objects.values_list("detail", "next_review_due"):
        for next_due, last_approved in [(None, None), (due, None), (due, approved)]:
            for today in (due - datetime.timedelta(days=1), due, due + datetime.timedelta(1)):
                finished = finish_values(text, next_due, last_approved, "https://x.fi", today)
                finished["related"] = [json.loads(card) for card in related]
                written = json.dumps(finished, ensure_ascii=False, separators=(",", ":"))
                assert finished["quality"]["status"] == finished["quality_status"]
                assert (
                    detail_text(text, next_due, last_approved, "https://x.fi", today, related)
                    == written
                )


def test_a_stored_text_laid_out_otherwise_is_finished_the_long_way_and_loses_nothing(catalogue):
    """The splice trusts the stored layout only where it checks it: a card whose dated pair is
    not last (a member after it, or the pair first) and a detail whose members come in another
    order are parsed and finished instead, and every member survives."""
    import datetime
    import json

    from guidance.read_model.rows import card_text, detail_text, finish_values

    today = datetime.date(2026, 6, 1)
    card, detail = ReadItem.objects.values_list("card", "detail").first()
    extra = card[:-1] + ',"extra":"kept"}'
    pair_first = json.dumps(
        {"review_overdue": True, "quality_status": "x", **json.loads(card)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    for text in (extra, pair_first):
        written = card_text(text, today, None, "https://x.fi", today)
        finished = finish_values(text, today, None, "https://x.fi", today)
        assert json.loads(written) == finished
    assert json.loads(card_text(extra, None, None, "https://x.fi", today))["extra"] == "kept"
    members = json.loads(detail)
    reordered = json.dumps(
        {"quality": members.pop("quality"), **members}, ensure_ascii=False, separators=(",", ":")
    )
    related = [card_text(card, None, None, "https://x.fi", today)]
    written = json.loads(detail_text(reordered, None, None, "https://x.fi", today, related))
    assert written["related"] == [json.loads(related[0])]
    assert written["quality"]["status"] == written["quality_status"] == "not_reviewed"
    assert set(written) == set(json.loads(detail))


@pytest.mark.parametrize("model", ["read item", "pending mark", "search document", "session"])
def test_rows_that_are_not_pages_are_deleted_in_one_statement(catalogue, model):
    """The page signals listen to pages only: a receiver of every model's deletes made Django
    read each row before deleting it (a rebuild read back every stored card and detail it was
    about to replace, a tenth of its time)."""
    import uuid

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    from search.models import SearchDocument

    ReadItemPending.objects.create(translation_key=uuid.uuid4())
    SessionStore().create()
    rows = {
        "read item": ReadItem.objects.all(),
        "pending mark": ReadItemPending.objects.all(),
        "search document": SearchDocument.objects.all(),
        "session": Session.objects.all(),
    }[model]
    assert rows.exists()
    with CaptureQueriesContext(connection) as queries:
        rows.delete()
    assert [query["sql"].split()[0] for query in queries] == ["DELETE"]
    assert not rows.exists()


def test_stored_text_keeps_every_character_copy_escapes(client, catalogue):
    """Rows are written with COPY, whose text format escapes tabs, newlines and backslashes:
    what is served and what a fresh rendering makes are the same characters."""
    method = catalogue["items"]["method"]
    title = 'Sarkain\there, kenoviiva \\N ja \\., "lainaus"\nrivi, äö – 🙂'
    ContentPage.objects.filter(pk=method.pk).update(title=title)
    read_model.refresh([method.translation_key])
    clear_cache()
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == title
    row = ReadItem.objects.get(translation_key=method.translation_key, language="fi")
    assert row.title == title
    assert read_model.check() == []
