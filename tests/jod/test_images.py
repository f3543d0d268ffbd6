"""The frontend's images (Liferay's adaptive media): shown only while a public item shows them,
and kept by shared caches no longer than the item's own answer."""

import pytest
from django.conf import settings

from cms.factories import ImageFactory
from guidance.factories import CONTENT_FACTORIES

pytestmark = pytest.mark.django_db


def test_an_image_is_cached_as_briefly_as_its_item_and_gone_once_unpublished(client, topic):
    image = ImageFactory()
    item = CONTENT_FACTORIES["article"](parent=topic, title="Kuvallinen", hero_image=image)
    item.save_revision().publish()
    url = f"/{settings.JOD_PREFIX}adaptive-media/image/{image.pk}/Article/kuva.webp"

    served = client.get(url)
    assert served.status_code == 200
    # A CDN or browser may keep the image only as long as it keeps the item that shows it (it
    # was a day, so an unpublished item's image stayed public a day after it).
    assert served["Cache-Control"] == client.get(f"/api/v1/content/{item.pk}/")["Cache-Control"]
    assert served["ETag"]
    revalidated = client.get(url, HTTP_IF_NONE_MATCH=served["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["Cache-Control"] == served["Cache-Control"]
    assert not revalidated.content

    item.unpublish()
    assert client.get(url).status_code == 404
