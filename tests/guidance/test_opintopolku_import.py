"""The importer against recorded Konfo responses served over real HTTP on loopback."""

import copy
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from PIL import Image
from wagtail.models import Revision

from guidance.importers.opintopolku import TrainingImporter, summarise, to_record
from guidance.models import ImportRun, TrainingPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "opintopolku"
OID = "1.2.246.562.13.00000000000000000{}"


def png_bytes(size=(64, 36)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 140)).save(buffer, "PNG")
    return buffer.getvalue()


class Konfo:
    """Serves the recorded pages; tests edit ``pages`` or set ``mode``."""

    def __init__(self):
        self.mode = "ok"  # ok, error500, slow, empty
        self.image = ("image/png", png_bytes())
        self.requests = []
        konfo = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                url = urlsplit(self.path)
                konfo.requests.append(self.path)
                if url.path.startswith("/teemakuva/"):
                    content_type, body = konfo.image
                    return self.reply(200, body, content_type)
                if konfo.mode == "error500":
                    return self.reply(500, b'{"error": "engine"}')
                if konfo.mode == "slow":
                    time.sleep(1.5)
                page = int(parse_qs(url.query).get("page", ["1"])[0])
                if konfo.mode == "empty":
                    return self.reply(200, json.dumps({"total": 0, "hits": []}).encode())
                data = (
                    konfo.pages[page - 1] if page <= len(konfo.pages) else {"total": 4, "hits": []}
                )
                body = json.dumps(data).replace("127.0.0.1:PORT", f"127.0.0.1:{konfo.port}")
                return self.reply(200, body.encode())

            def reply(self, status, body, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.pages = [
            json.loads((FIXTURES / f"koulutukset-page{n}.json").read_text()) for n in (1, 2)
        ]
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def hit(self, suffix):
        return next(
            h for page in self.pages for h in page["hits"] if h["oid"] == OID.format(suffix)
        )

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def konfo(settings, home):
    from guidance.factories import SectionPageFactory

    SectionPageFactory(parent=home, kind="professional_development", slug="osaamisen-kehittaminen")
    server = Konfo()
    settings.OPINTOPOLKU_SEARCH_URL = (
        f"http://127.0.0.1:{server.port}/konfo-backend/external/search/koulutukset"
    )
    settings.OPINTOPOLKU_PAGE_SIZE = 2
    settings.OPINTOPOLKU_TIMEOUT = 0.5
    settings.OPINTOPOLKU_RETRIES = 1
    settings.OPINTOPOLKU_RETRY_BACKOFF = 0
    yield server
    server.close()


def run_import(**kwargs):
    return TrainingImporter(**kwargs).run()


def imported(language="fi"):
    return TrainingPage.objects.filter(source="opintopolku", locale__language_code=language)


def test_both_pages_are_imported(konfo):
    run = run_import()
    assert run.status == ImportRun.Status.SUCCEEDED
    assert (run.fetched, run.total, run.created, run.skipped, run.errors) == (4, 4, 4, 0, 0)
    assert sorted(p.source_id for p in imported()) == [OID.format(n) for n in (101, 102, 103, 104)]
    assert all(p.live for p in imported())
    assert any("page=2" in r for r in konfo.requests)


def test_imported_training_carries_the_offer(konfo):
    run_import()
    page = imported().get(source_id=OID.format(101))
    assert page.title == "Uraohjauksen täydennyskoulutus"
    assert page.summary.startswith("Koulutus syventää ohjaajan osaamista ryhmäohjauksessa.")
    assert page.credits == 30
    assert page.credit_unit == "opintopistettä"
    assert page.provider == "Esimerkkiyliopisto"
    assert page.places == "Esimerkkikaupunki"
    assert page.training_type == "kk-opintokokonaisuus"
    assert page.registration_url == f"https://opintopolku.fi/konfo/fi/koulutus/{OID.format(101)}"
    html = "".join(str(block.value) for block in page.body if block.block_type == "rich_text")
    assert "<p>Koulutus syventää" in html
    assert "Osaa suunnitella ryhmäohjauksen prosessin" in html
    assert page.hero_image.title == f"Opintopolku {OID.format(101)}"
    swedish = page.get_translations().get(locale__language_code="sv").specific
    assert swedish.title == "Fortbildning i karriärvägledning"
    assert swedish.registration_url == f"https://opintopolku.fi/konfo/sv/koulutus/{OID.format(101)}"
    assert swedish.provider == "Exempeluniversitetet"


def test_missing_languages_are_not_invented(konfo):
    run_import()
    only_finnish = imported().get(source_id=OID.format(102))
    assert not only_finnish.get_translations().exists()
    badge = imported().get(source_id=OID.format(103))
    assert list(badge.get_translations().values_list("locale__language_code", flat=True)) == ["en"]


def test_summary_is_cut_at_a_word_boundary():
    text = "Lyhyt kuvaus ilman lopetusmerkkiä ja niin pitkä että tiivistelmä täytyy katkaista sanan rajalta eikä keskeltä sanaa"
    cut = summarise(text, limit=60)
    assert cut.endswith("…")
    assert text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "


def test_summary_prefers_a_sentence_boundary():
    assert summarise(
        "Ensimmäinen lause on tässä. Toinen lause jatkuu pitkään ja pitkään.", limit=40
    ) == ("Ensimmäinen lause on tässä.")


def test_second_run_with_identical_data_creates_no_revisions(konfo):
    run_import()
    revisions = Revision.objects.count()
    run = run_import()
    assert run.unchanged == 4
    assert (run.created, run.updated) == (0, 0)
    assert Revision.objects.count() == revisions


def test_changed_name_creates_exactly_one_revision(konfo):
    run_import()
    page = imported().get(source_id=OID.format(102))
    before = Revision.objects.filter(object_id=str(page.pk)).count()
    konfo.hit(102)["nimi"]["fi"] = "Verkko-ohjauksen perusteet ja jatko"
    run = run_import()
    assert (run.updated, run.unchanged) == (1, 3)
    page.refresh_from_db()
    assert page.title == "Verkko-ohjauksen perusteet ja jatko"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == before + 1


def test_hit_missing_from_a_complete_run_is_unpublished_and_kept(konfo, settings):
    settings.OPINTOPOLKU_RETIRE_MAX_SHARE = 0.5
    run_import()
    konfo.pages[1]["hits"] = [konfo.hit(103)]
    for page in konfo.pages:
        page["total"] = 3
    run = run_import()
    assert run.retired == 1
    gone = TrainingPage.objects.get(source_id=OID.format(104), locale__language_code="fi")
    assert not gone.live
    assert gone.retired_at is not None
    assert Revision.objects.filter(object_id=str(gone.pk)).exists()
    assert not gone.get_translations().live().exists()


@pytest.mark.parametrize("mode", ["empty", "error500", "slow"])
def test_empty_error_or_timeout_retires_nothing(konfo, mode):
    run_import()
    konfo.mode = mode
    run = run_import()
    assert run.retired == 0
    assert run.status in (ImportRun.Status.PARTIAL, ImportRun.Status.FAILED)
    assert imported().filter(live=True).count() == 4


def test_partial_listing_retires_nothing(konfo):
    run_import()
    konfo.pages = konfo.pages[:1]  # page 2 answers with no hits while total says 4
    run = run_import()
    assert run.status == ImportRun.Status.PARTIAL
    assert imported().filter(live=True).count() == 4


def test_mass_disappearance_is_held_for_an_editor(konfo):
    run_import()
    konfo.pages = [{"total": 1, "hits": [copy.deepcopy(konfo.hit(101))]}]
    run = run_import()
    assert run.status == ImportRun.Status.HELD
    assert sorted(run.held_oids) == [OID.format(n) for n in (102, 103, 104)]
    assert imported().filter(live=True).count() == 4
    confirmed = run_import(allow_mass_retire=True)
    assert confirmed.retired == 3


def test_nested_and_null_descriptions_do_not_stop_the_run(konfo):
    run = run_import()
    badge = imported().get(source_id=OID.format(103))
    texts = [
        block.value.source if block.block_type == "rich_text" else block.value["text"]
        for block in badge.body
    ]
    assert any("Tunnistaa ohjaustyön eettiset periaatteet" in text for text in texts)
    assert "Osaamistavoitteet" in texts  # the heading, in the page's language
    no_description = imported().get(source_id=OID.format(104))
    assert no_description.summary == "Ammatillisen ohjauksen tutkinnon osa"
    assert run.errors == 0


def test_bad_hit_is_skipped_with_a_reason_and_the_rest_imported(konfo):
    konfo.pages[0]["hits"].append({"oid": "not-an-oid", "nimi": {"fi": "Rikki"}})
    konfo.pages[0]["hits"].append(
        {"oid": OID.format(999), "nimi": None, "kuvaus": None, "toteutukset": []}
    )
    for page in konfo.pages:
        page["total"] = 6
    run = run_import()
    assert run.skipped == 2
    assert run.created == 4
    reasons = [m["message"] for m in run.messages if m["level"] == "skip"]
    assert any("oid" in r for r in reasons)
    assert any("no name" in r for r in reasons)


def test_hostile_html_in_a_description_is_sanitised():
    record = to_record(
        {
            "oid": OID.format(555),
            "nimi": {"fi": "Testi"},
            "toteutukset": [],
            "kuvaus": {
                "fi": '<p onclick="x()">Hyvä<script>alert(1)</script> <a href="javascript:alert(1)">linkki</a></p>'
            },
        }
    )
    html = record.descriptions["fi"]
    assert "script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "Hyvä" in html


@pytest.mark.parametrize(
    "image",
    [
        ("text/html", b"<html>not an image</html>"),
        ("image/png", b"\x89PNG but broken"),
        ("image/png", png_bytes((5000, 5000)) + b"\0" * (4 * 1024 * 1024)),
    ],
    ids=["html", "broken", "oversized"],
)
def test_bad_theme_image_falls_back_to_the_placeholder(konfo, image, settings):
    settings.OPINTOPOLKU_IMAGE_MAX_BYTES = 1024 * 1024
    konfo.image = image
    run_import()
    page = imported().get(source_id=OID.format(101))
    assert page.hero_image.title == "Opintopolku: koulutuksen oletuskuva"


def test_theme_image_is_downloaded_once(konfo):
    run_import()
    konfo.hit(101)["nimi"]["fi"] = "Uusi nimi"
    run_import()
    image_requests = [r for r in konfo.requests if r.startswith("/teemakuva/")]
    assert len(image_requests) == 1


def test_dry_run_changes_nothing(konfo):
    run = run_import(dry_run=True)
    assert run.created == 4
    assert run.dry_run
    assert not imported().exists()


def test_command_shows_progress_and_summary(konfo):
    out = io.StringIO()
    call_command("import_trainings", stdout=out)
    text = out.getvalue()
    assert "Trainings: 4/4 (100%)" in text
    assert "created 4" in text


def test_imported_trainings_are_listed_in_every_language_with_fallback_flags(client, konfo):
    run_import()
    for language, expected in {
        "fi": {},
        "sv": {"101": False, "104": False, "102": True},
        "en": {"103": False, "102": True},
    }.items():
        body = client.get(
            f"/api/v1/content/?type=training&locale={language}&limit=100&section={konfo_section_id()}"
        ).json()
        flags = {
            item["path"].rstrip("/").rsplit("-", 1)[-1][-3:]: item["locale_fallback"]
            for item in body["items"]
        }
        assert body["count"] == 4
        for suffix, fallback in expected.items():
            assert flags[suffix] is fallback, (language, suffix, flags)
        if language == "fi":
            assert not any(flags.values())


def konfo_section_id():
    from guidance.models import SectionPage

    return SectionPage.objects.get(slug="osaamisen-kehittaminen", locale__language_code="fi").id


def test_imported_training_is_read_only_in_the_admin_except_curation(client, konfo):
    from community.factories import StaffUserFactory

    run_import()
    page = imported().get(source_id=OID.format(101))
    client.force_login(StaffUserFactory(groups=["Editors"]))
    form = client.get(f"/admin/pages/{page.pk}/edit/").context["form"]
    assert form.fields["title"].disabled
    assert form.fields["summary"].disabled
    assert not form.fields["keywords"].disabled
    assert not form.fields["exclude_from_listings"].disabled


def test_import_runs_report_lists_runs(client, konfo):
    from community.factories import StaffUserFactory

    run_import()
    client.force_login(StaffUserFactory(groups=["Editors"]))
    response = client.get("/admin/reports/training-imports/")
    assert response.status_code == 200
    assert b"onnistui" in response.content  # status "succeeded" in Finnish


def test_theme_images_are_fetched_only_from_allowed_hosts(konfo):
    """Upstream names the image URL; a host outside the allow-list (here the same server under
    another name, as an internal address would be) is never contacted."""
    konfo.hit(101)["teemakuva"] = f"http://localhost:{konfo.port}/teemakuva/elsewhere.png"
    run = run_import()
    page = imported().get(source_id=OID.format(101))
    assert page.hero_image.title == "Opintopolku: koulutuksen oletuskuva"
    assert "/teemakuva/elsewhere.png" not in konfo.requests
    assert any("allow-list" in note["message"] for note in run.messages)
