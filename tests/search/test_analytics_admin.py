import datetime

import pytest

from community.factories import StaffUserFactory
from search.models import SearchQueryStat
from search.statistics import week_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def stats(db):
    this_week = week_start()
    SearchQueryStat.objects.create(week=this_week, language="fi", query="elämänjana", searches=9)
    SearchQueryStat.objects.create(
        week=this_week, language="fi", query="avaruusohjaus", searches=3, zero_results=3
    )
    SearchQueryStat.objects.create(
        week=this_week - datetime.timedelta(weeks=20),
        language="fi",
        query="vanha haku",
        searches=50,
    )


def test_editor_sees_popular_and_zero_result_searches_with_a_chart(client, stats):
    client.force_login(StaffUserFactory(groups=["Editors"]))
    response = client.get("/admin/reports/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "elämänjana" in html
    assert "avaruusohjaus" in html
    assert "vanha haku" not in html  # older than the default 12 weeks
    assert '<svg width="640"' in html
    assert 'role="img"' in html
    assert response.context["total_searches"] == 12
    assert response.context["total_zero"] == 3
    assert [row["query"] for row in response.context["zero"]] == ["avaruusohjaus"]


def test_longer_period_includes_older_searches(client, stats):
    client.force_login(StaffUserFactory(groups=["Editors"]))
    response = client.get("/admin/reports/search/?weeks=52")
    assert [row["query"] for row in response.context["popular"]][0] == "vanha haku"


def test_moderator_without_the_permission_cannot_see_search_analytics(client, stats):
    client.force_login(StaffUserFactory(groups=["Moderators"]))
    response = client.get("/admin/reports/search/")
    assert response.status_code in (302, 403)
    assert b"avaruusohjaus" not in response.content
