import pytest

from cms.models import WebhookDelivery
from community.factories import StaffUserFactory, SuperuserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliveries():
    WebhookDelivery.objects.create(
        event="page.published",
        url="https://frontend.example/api/revalidate",
        payload={},
        status=WebhookDelivery.Status.FAILED,
        attempts=6,
        last_error="ConnectionError",
    )


def test_administrators_see_the_webhook_delivery_log(client, deliveries):
    client.force_login(StaffUserFactory(groups=["Administrators"]))
    response = client.get("/admin/reports/webhooks/")
    assert response.status_code == 200
    assert b"ConnectionError" in response.content
    assert b"https://frontend.example/api/revalidate" in response.content


def test_delivery_log_exports_csv(client, deliveries):
    client.force_login(SuperuserFactory())
    response = client.get("/admin/reports/webhooks/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"page.published" in content
    assert b"Idempotency-Key" in content


def test_editors_cannot_see_the_delivery_log(client, deliveries):
    client.force_login(StaffUserFactory(groups=["Editors"]))
    response = client.get("/admin/reports/webhooks/")
    assert response.status_code in (302, 403)
