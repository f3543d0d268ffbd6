"""Report exports are in the requesting editor's language, with ISO 8601 dates; empty reports
say what would fill them."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from cms.models import WebhookDelivery
from community.factories import SuperuserFactory
from guidance.factories import MethodPageFactory

pytestmark = pytest.mark.django_db

REPORTS = [
    "/admin/reports/webhooks/",
    "/admin/reports/quality-status/",
    "/admin/reports/training-imports/",
    "/admin/reports/translations-out-of-sync/",
]


def editor_speaking(client, language):
    user = SuperuserFactory()
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    return user


def rows(response, export_format):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def reported(topic):
    WebhookDelivery.objects.create(
        event="page.published",
        url="https://frontend.example/api/revalidate",
        payload={},
        delivered_at=timezone.now(),
    )
    page = MethodPageFactory(parent=topic, title="Raportoitava", next_review_due=None)
    page.next_review_due = datetime.date(2027, 1, 31)
    page.save_revision().publish()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_headings_are_in_the_editors_language_and_dates_are_iso_8601(
    client, reported, language, export_format
):
    editor_speaking(client, language)
    times_checked = 0
    for url in REPORTS:
        response = client.get(url, {"export": export_format})
        assert response.status_code == 200, url
        table = rows(response, export_format)
        headings = table[0]
        # No column is headed by its code name (``last_approved_at``, ``source_title``).
        assert not [h for h in headings if "_" in str(h)], (url, headings)
        for row in table[1:]:
            for value in row:
                text = str(value or "")
                if len(text) >= 19 and text[:4].isdigit() and text[4] == "-" and ":" in text:
                    parsed = datetime.datetime.fromisoformat(text)
                    assert parsed.tzinfo is not None, (url, text)
                    assert "T" in text, (url, text)
                    times_checked += 1
    assert times_checked >= 2  # the delivery's times at least: the check did run
    quality = rows(client.get(REPORTS[1], {"export": export_format}), export_format)
    assert "2027-01-31" in [str(v) for v in quality[1]]


def test_the_same_report_is_headed_in_finnish_for_one_editor_and_swedish_for_another(
    client, reported
):
    editor_speaking(client, "fi")
    finnish = rows(client.get(REPORTS[1], {"export": "csv"}), "csv")[0]
    editor_speaking(client, "sv")
    swedish = rows(client.get(REPORTS[1], {"export": "csv"}), "csv")[0]
    assert finnish != swedish
    assert len(finnish) == len(swedish)


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("/admin/reports/webhooks/", "WEBHOOK_URLS"),
        ("/admin/reports/training-imports/", "import_trainings"),
    ],
)
def test_an_empty_report_says_what_would_fill_it(client, url, hint):
    editor_speaking(client, "fi")
    response = client.get(url)
    assert response.status_code == 200
    assert hint in response.content.decode()
