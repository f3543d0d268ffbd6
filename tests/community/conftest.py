import pytest

from community.factories import CounsellorFactory, StaffUserFactory
from community.models import DiscussionArea


@pytest.fixture
def counsellor(db):
    return CounsellorFactory()


@pytest.fixture
def other(db):
    return CounsellorFactory()


@pytest.fixture
def moderator(db):
    return StaffUserFactory(groups=["Moderators"])


@pytest.fixture
def area(db):
    return DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")


@pytest.fixture
def start(client):
    """Start a thread as ``user``; returns the response JSON."""

    def _start(user, title="Miten ohjaan nuorta?", body="<p>Kaipaan vinkkejä.</p>", **extra):
        client.force_login(user)
        payload = {"title": title, "body": body, "area": "kysy-kollegalta", **extra}
        response = client.post("/api/v1/discussions/", payload, content_type="application/json")
        assert response.status_code == 201, response.content
        client.logout()
        return response.json()

    return _start
