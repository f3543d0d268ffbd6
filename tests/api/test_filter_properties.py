"""Property test: any combination of listing and search filters, with any values a client could
send, is answered 200 or 400, and a 400 names the parameter that was wrong."""

import itertools
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

slugs = st.lists(st.sampled_from(["uraohjaus", "ryhmaohjaus", "ei-ole", "a", "x-1"]), min_size=1)
value = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    slugs.map(",".join),
    st.sampled_from(
        [
            "",
            ",",
            "fi",
            "sv",
            "en",
            "article",
            "method,tool",
            "2026-11-30T12:00:00Z",
            "2026-13-01",
            "9999-12-31T23:59:59+23:59",
            "-title",
            "relevance",
            "NaN",
        ]
    ),
)
LISTING = [
    "locale",
    "type",
    "section",
    "topic",
    "keyword",
    "theme",
    "target_group",
    "sector",
    "setting",
    "updated_since",
    "ordering",
    "limit",
    "offset",
]
SEARCH = [
    "q",
    "locale",
    "type",
    "section",
    "topic",
    "keyword",
    "theme",
    "target_group",
    "sector",
    "setting",
    "limit",
    "offset",
]


ADDRESSES = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))


def check(client, path, params, required=()):
    # Each example from its own address: the search rate limit is per client, not under test.
    response = client.get(f"{path}?{urlencode(params)}", REMOTE_ADDR=next(ADDRESSES))
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 400:
        details = response.json()["error"]["details"]
        named = {detail["parameter"].split(".")[0] for detail in details}
        assert named, params
        assert named <= set(params) | set(required), (params, named)


@pytest.mark.parametrize(
    ("path", "names", "required"),
    [("/api/v1/content/", LISTING, ()), ("/api/v1/search/", SEARCH, ("q",))],
    ids=["listing", "search"],
)
@given(data=st.data())
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_filters_are_answered_or_named_as_wrong(client, catalogue, path, names, required, data):
    params = data.draw(st.dictionaries(st.sampled_from(names), value, max_size=5))
    check(client, path, params, required)
