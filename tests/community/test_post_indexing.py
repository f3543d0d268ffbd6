"""A new post reaches search through one task that appends its words to the thread's document:
the same document a full rewrite would make, at the same cost however long the thread grows."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from community import search_source
from community.factories import CounsellorFactory
from community.models import Post, Thread
from community.moderation import moderate
from community.search_source import index_new_post, reindex_threads
from guidance.factories import ArticlePageFactory
from search.models import SearchDocument, SearchTerm
from tests.cms.test_webhooks import DB_TASKS, run_worker
from tests.community.test_discussions_api import reply


def document(thread_id):
    """The thread's search row as PostgreSQL holds it (vectors as text, so they compare)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT text, vector::text, exact_vector::text, updated_at "
            f"FROM {SearchDocument._meta.db_table} WHERE object_type = 'thread' AND object_id = %s",
            [thread_id],
        )
        return cursor.fetchone()


def found(client, words, locale="fi"):
    query = {"q": words, "type": "discussion", "locale": locale}
    return client.get("/api/v1/search/", query).json()["count"]


def test_appended_replies_make_the_document_a_full_rewrite_would_make(client, counsellor, start):
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    for text in ["Kokeilin kuvakorttimenetelmää", "Uraohjauksen tehtävät toimivat", "Kiitos!"]:
        client.force_login(CounsellorFactory())
        assert reply(client, thread["id"], text).status_code == 201
    appended = document(thread["id"])
    assert "kuvakorttimenetelmää" in appended[0]
    reindex_threads([thread["id"]])
    assert document(thread["id"]) == appended
    assert found(client, "kuvakorttimenetelmä") == 1
    assert found(client, "uraohjaus tehtävä") == 1


def test_a_swedish_thread_is_appended_the_same_way(client, counsellor, start):
    thread = start(counsellor, title="Studiehandledning", body="<p>Hur börjar ni?</p>", locale="sv")
    client.force_login(CounsellorFactory())
    reply(client, thread["id"], "Vi använder bildkort i gruppen")
    appended = document(thread["id"])
    reindex_threads([thread["id"]])
    rewritten = document(thread["id"])
    # The same text and words; the appended words' positions may sit one lower after a
    # trailing stop word ("ni"), which to_tsvector numbers and a concatenation does not.
    assert appended[0] == rewritten[0]
    assert lexemes(appended[1]) == lexemes(rewritten[1])
    assert found(client, "bildkort", "sv") == 1


def lexemes(vector):
    return {entry.split(":")[0] for entry in vector.split(" ")}


def test_a_reply_past_the_indexed_posts_only_moves_the_threads_date(
    client, counsellor, start, monkeypatch
):
    monkeypatch.setattr(search_source, "POSTS_INDEXED", 2)
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    client.force_login(CounsellorFactory())
    reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää")
    before = document(thread["id"])
    client.force_login(CounsellorFactory())
    late = reply(client, thread["id"], "Sanoin koira456").json()
    after = document(thread["id"])
    assert after[:3] == before[:3]
    assert after[3] == Post.objects.get(pk=late["id"]).created_at > before[3]
    assert found(client, "kuvakorttimenetelmä") == 1
    assert found(client, "koira456") == 0


def test_replies_past_the_indexed_posts_indexed_out_of_order_never_reread_the_thread(
    client, counsellor, start, settings, monkeypatch
):
    """Under concurrent posting a later reply's task often runs first. Past the indexed part the
    earlier reply has no words to add and its date is already covered: its task must neither
    rewrite the thread's document (every pending task would then do it again) nor move the
    document's date back."""
    monkeypatch.setattr(search_source, "POSTS_INDEXED", 2)
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    client.force_login(CounsellorFactory())
    reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää")
    settings.TASKS = DB_TASKS
    first = reply(client, thread["id"], "Sanoin koira456").json()["id"]
    second = reply(client, thread["id"], "Sanoin kissa789").json()["id"]
    index_new_post(second)
    indexed = document(thread["id"])
    with CaptureQueriesContext(connection) as queries:
        index_new_post(first)
    rereads = [
        q["sql"]
        for q in queries.captured_queries
        if '"body"' in q["sql"] and "FOR NO KEY UPDATE" not in q["sql"]
    ]
    assert not rereads
    assert document(thread["id"]) == indexed
    assert indexed[3] == Post.objects.get(pk=second).created_at
    assert found(client, "kuvakorttimenetelmä") == 1
    assert found(client, "koira456") == 0


def test_a_reply_is_one_task_committed_with_it_and_the_poster_waits_for_little(
    client, counsellor, other, start, settings
):
    """The post, its follow and its single task row commit together; the request reads no
    permission tables (a counsellor in an ordinary thread is not asked whether they moderate)."""
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    settings.TASKS = DB_TASKS
    client.force_login(other)
    with CaptureQueriesContext(connection) as queries:
        assert reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää").status_code == 201
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert not [sql for sql in statements if "auth_permission" in sql]
    # session, user (with whether an address is verified), thread, settings; post, thread
    # date, follow, task row
    assert len(statements) == 8, statements
    assert [t.task_path for t in DBTaskResult.objects.all()] == ["community.tasks.after_new_post"]
    assert found(client, "kuvakorttimenetelmä") == 0
    mail.outbox.clear()
    run_worker()
    assert found(client, "kuvakorttimenetelmä") == 1
    assert [m.to for m in mail.outbox] == [[counsellor.email]]  # the follower, not the poster


def test_posts_indexed_out_of_order_are_all_found(client, counsellor, other, start, settings):
    """A later post's task may run first: the earlier one then rewrites the thread's document
    rather than being lost."""
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    settings.TASKS = DB_TASKS
    client.force_login(other)
    first = reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää").json()["id"]
    second = reply(client, thread["id"], "Elämänkaarimenetelmä toimii").json()["id"]
    index_new_post(second)
    index_new_post(first)
    assert found(client, "kuvakorttimenetelmä") == 1
    assert found(client, "elämänkaarimenetelmä") == 1
    text = document(thread["id"])[0]
    assert text.index("kuvakorttimenetelmää") < text.index("Elämänkaarimenetelmä")


def test_a_post_hidden_before_the_worker_runs_never_reaches_search(
    client, counsellor, other, moderator, start, settings
):
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    settings.TASKS = DB_TASKS
    client.force_login(other)
    secret = reply(client, thread["id"], "Salasanani on kissa123").json()["id"]
    moderate(moderator, Post.objects.get(pk=secret), "hide")
    run_worker()
    assert found(client, "kissa123") == 0
    assert found(client, "tutustumisleikit") == 1


def test_a_reply_in_a_thread_about_an_unpublished_item_stays_out_of_search(
    client, counsellor, other, start, settings, topic
):
    item = ArticlePageFactory(parent=topic)
    thread = start(counsellor, title="Menetelmästä", area=None, content=str(item.translation_key))
    client.force_login(other)
    settings.TASKS = DB_TASKS
    reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää")
    item.unpublish()
    run_worker()
    assert not SearchDocument.objects.filter(object_type="thread", object_id=thread["id"]).exists()
    assert Thread.objects.filter(pk=thread["id"]).exists()


def test_the_workers_share_of_a_reply_does_not_grow_with_the_thread(
    client, counsellor, start, settings
):
    """The worker appends the post or moves the date: it never reads the thread's posts again,
    in a short thread or in one far past the indexed part."""
    short = start(counsellor, title="Lyhyt", body="<p>Alku</p>")
    long = start(counsellor, title="Pitkä", body="<p>Alku</p>")
    Post.objects.bulk_create(
        Post(thread_id=long["id"], author=counsellor, body=f"Viesti {n}") for n in range(150)
    )
    reindex_threads([long["id"]])
    settings.TASKS = DB_TASKS
    for thread in (short, long):
        client.force_login(CounsellorFactory())
        post = reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää").json()["id"]
        with CaptureQueriesContext(connection) as queries:
            index_new_post(post)
        statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
        # (the one row read with "body" is the new post itself, locked while it is indexed)
        rereads = [s for s in statements if '"body"' in s and "FOR NO KEY UPDATE" not in s]
        assert not rereads, thread["title"]
        # nor its search document's words: only the new post's reach the spelling vocabulary
        assert not [s for s in statements if "tsvector_to_array(d.exact_vector)" in s]
        assert len(statements) <= 6, statements
    assert found(client, "kuvakorttimenetelmä") == 1  # the short thread; the long one's is past
    assert SearchTerm.objects.filter(term="kuvakorttimenetelmää").exists()  # for respelling
