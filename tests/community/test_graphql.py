import pytest

from community.models import Post

pytestmark = pytest.mark.django_db


def gql(client, query, variables=None):
    return client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
    ).json()


START = """
mutation($title: String!, $body: String!) {
  startThread(title: $title, body: $body, area: "kysy-kollegalta") { id title posts { body } }
}
"""
REPLY = """
mutation($thread: Int!, $body: String!) { reply(threadId: $thread, body: $body) { id body } }
"""
READ = """
query($id: Int!) { thread(id: $id) { title posts { body author { name isMe } } } }
"""


def test_graphql_mutations_and_reads_follow_the_rest_rules(client, counsellor, other):
    anonymous = gql(client, START, {"title": "Kysymys", "body": "Hei"})
    assert anonymous["errors"][0]["extensions"]["code"] == "not_authenticated"
    client.force_login(counsellor)
    thread = gql(client, START, {"title": "Kysymys", "body": "<p>Hei<script>x()</script></p>"})
    thread = thread["data"]["startThread"]
    assert thread["posts"] == [{"body": "<p>Hei</p>"}]
    client.force_login(other)
    answer = gql(client, REPLY, {"thread": thread["id"], "body": "Vastaus"})["data"]["reply"]
    client.force_login(counsellor)
    edit = gql(
        client,
        'mutation($id: Int!) { editPost(postId: $id, body: "Kaapattu") { id } }',
        {"id": answer["id"]},
    )
    assert edit["errors"][0]["extensions"]["code"] == "forbidden"
    assert Post.objects.get(pk=answer["id"]).body == "Vastaus"
    read = gql(client, READ, {"id": thread["id"]})["data"]["thread"]
    assert [p["author"]["isMe"] for p in read["posts"]] == [True, False]


def test_graphql_posting_is_rate_limited(client, counsellor, settings):
    client.force_login(counsellor)
    thread = gql(client, START, {"title": "Kysymys", "body": "Hei"})["data"]["startThread"]
    codes = []
    for n in range(21):
        result = gql(client, REPLY, {"thread": thread["id"], "body": f"Viesti {n}"})
        codes.append(result["errors"][0]["extensions"]["code"] if "errors" in result else "ok")
    assert codes.count("ok") == 19  # the thread's opening post counted as the first
    assert codes[-1] == "rate_limited"
