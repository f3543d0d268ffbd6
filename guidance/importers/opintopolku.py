"""Import counsellor trainings from Opintopolku's Konfo training search.

A run fetches every page of ``GET {OPINTOPOLKU_SEARCH_URL}?luokittelutermi=…&page=N&size=M``
until the reported ``total`` is reached, turns each hit into a ``TrainingPage`` keyed by its OID
(with Swedish and English versions where Opintopolku has those texts), and records what it did
in an ``ImportRun``. Only a complete, successful run retires trainings that disappeared, and only
by unpublishing them; a run that would retire more than ``OPINTOPOLKU_RETIRE_MAX_SHARE`` of
them is held for an editor.
"""

import hashlib
import io
import json
import logging
import re
import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.images import illustration
from cms.models import CustomImage
from cms.progress import Progress
from cms.sanitising import clean_html, plain_text
from guidance.models import ImportRun, SectionPage, TopicPage, TrainingPage

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
OID_PATTERN = re.compile(r"^1\.2\.246\.562\.13\.\d+$")
SUMMARY_LENGTH = 280
TOPIC_SLUG = "opintopolun-koulutukset"
PLACEHOLDER_TITLE = "Opintopolku: koulutuksen oletuskuva"


class FetchError(Exception):
    pass


@dataclass
class TrainingRecord:
    """A hit reduced to what the CMS stores; its hash detects changes."""

    oid: str
    names: dict
    descriptions: dict = field(default_factory=dict)
    outcomes: dict = field(default_factory=dict)
    training_type: str = ""
    credits: float | None = None
    credit_units: dict = field(default_factory=dict)
    providers: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    image_url: str = ""

    def digest(self):
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()

    @property
    def languages(self):
        return [lang for lang in LANGUAGES if self.names.get(lang)]


# --- Fetching ---------------------------------------------------------------------------------


def fetch_page(session, page):
    params = {
        "luokittelutermi": settings.OPINTOPOLKU_CLASSIFICATION,
        "page": page,
        "size": settings.OPINTOPOLKU_PAGE_SIZE,
    }
    last_error = None
    for attempt in range(settings.OPINTOPOLKU_RETRIES + 1):
        try:
            response = session.get(
                settings.OPINTOPOLKU_SEARCH_URL, params=params, timeout=settings.OPINTOPOLKU_TIMEOUT
            )
            if response.status_code >= 500:
                raise FetchError(f"HTTP {response.status_code} for page {page}")
            if response.status_code != 200:
                # A 4xx will not get better by asking again.
                raise FetchError(f"HTTP {response.status_code} for page {page} (not retried)")
            data = response.json()
            if not isinstance(data, dict) or not isinstance(data.get("hits"), list):
                raise FetchError(f"page {page} is not a search result")
            return data
        except (requests.RequestException, ValueError, FetchError) as exc:
            last_error = exc
            if "not retried" in str(exc):
                break
            if attempt < settings.OPINTOPOLKU_RETRIES:
                time.sleep(settings.OPINTOPOLKU_RETRY_BACKOFF * (2**attempt))
    raise FetchError(f"{type(last_error).__name__}: {last_error}")


def fetch_all(session, run):
    """All hits, and whether the listing was complete (every page, total reached)."""
    hits, page = [], 1
    while True:
        data = fetch_page(session, page)
        total = data.get("total")
        if not isinstance(total, int) or total < 0:
            raise FetchError(f"page {page} has no valid total")
        run.total = total
        hits.extend(data["hits"])
        if not data["hits"] or len(hits) >= total:
            return hits, len(hits) >= total and total > 0
        page += 1
        if page > 1000:  # a service that never ends its listing
            raise FetchError("more than 1000 pages")


# --- Shaping a hit ----------------------------------------------------------------------------


def _texts(value):
    """{lang: text} for the languages given; anything else is not a translation map."""
    if not isinstance(value, dict):
        return {}
    return {
        lang: value[lang].strip()
        for lang in LANGUAGES
        if isinstance(value.get(lang), str) and value[lang].strip()
    }


def summarise(text, limit=SUMMARY_LENGTH):
    """Cut at the last sentence end within ``limit``, else at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence_end >= limit // 2:
        return cut[: sentence_end + 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > 0 else cut).rstrip(" ,;:-") + "…"


def to_record(hit):
    """A hit → TrainingRecord, or raise ValueError with the reason to skip it."""
    if not isinstance(hit, dict):
        raise ValueError("hit is not an object")
    oid = hit.get("oid")
    if not isinstance(oid, str) or not OID_PATTERN.match(oid):
        raise ValueError(f"missing or malformed oid {oid!r}")
    names = {lang: plain_text(text) for lang, text in _texts(hit.get("nimi")).items()}
    if not names.get("fi"):
        if not names:
            raise ValueError("no name in any language")
        # Finnish is the tree's default; use another language's name rather than invent one.
        names = {"fi": next(iter(names.values())), **names}
    description = hit.get("kuvaus")
    descriptions = _texts(description)
    outcomes = _texts(hit.get("osaamistavoitteet"))
    if isinstance(description, dict) and not descriptions:
        # Skills badges nest their texts: {"osaamistavoitteet": {...}, "arviointikriteerit": {...}}
        outcomes = outcomes or _texts(description.get("osaamistavoitteet"))
        descriptions = _texts(description.get("arviointikriteerit"))
    elif description is not None and not isinstance(description, dict):
        raise ValueError(f"kuvaus has unexpected type {type(description).__name__}")
    credits = hit.get("opintojenLaajuusNumero")
    if credits is None and hit.get("opintojenLaajuusNumeroMin") is not None:
        credits = hit.get("opintojenLaajuusNumeroMin")
    if credits is not None and not isinstance(credits, int | float):
        credits = None
    unit = hit.get("opintojenLaajuusyksikko") or {}
    providers, places = {}, {}
    implementations = hit.get("toteutukset") or []
    if not isinstance(implementations, list):
        raise ValueError("toteutukset is not a list")
    for implementation in implementations:
        if not isinstance(implementation, dict):
            continue
        for lang, name in _texts(implementation.get("oppilaitosNimi")).items():
            providers.setdefault(lang, [])
            if name not in providers[lang]:
                providers[lang].append(name)
        for municipality in implementation.get("kunnat") or []:
            for lang, name in _texts((municipality or {}).get("nimi")).items():
                places.setdefault(lang, [])
                if name not in places[lang]:
                    places[lang].append(name)
    image_url = hit.get("teemakuva") if isinstance(hit.get("teemakuva"), str) else ""
    return TrainingRecord(
        oid=oid,
        names=names,
        descriptions={lang: clean_html(text) for lang, text in descriptions.items()},
        outcomes={lang: clean_html(text) for lang, text in outcomes.items()},
        training_type=str(hit.get("koulutustyyppi") or "")[:100],
        credits=float(credits) if credits is not None else None,
        credit_units=_texts(unit.get("nimi") if isinstance(unit, dict) else None),
        providers=providers,
        places=places,
        image_url=image_url if image_url.startswith(("http://", "https://")) else "",
    )


def _pick(mapping, lang):
    return mapping.get(lang) or mapping.get("fi") or next(iter(mapping.values()), "")


def apply_record(page, record, lang):
    """Set a page's imported fields from the record, in one language."""
    description = record.descriptions.get(lang) or ""
    outcomes = record.outcomes.get(lang) or ""
    page.title = record.names[lang][:255]
    page.draft_title = page.title
    summary_source = plain_text(description) or plain_text(outcomes) or page.title
    page.summary = summarise(summary_source)
    body = []
    with translation.override(lang):
        if description:
            body.append(("rich_text", description))
        if outcomes:
            body.append(("heading", {"text": _("Learning outcomes"), "level": "h2"}))
            body.append(("rich_text", outcomes))
    page.body = body
    page.training_type = record.training_type
    page.credits = record.credits
    page.credit_unit = _pick(record.credit_units, lang)[:60]
    page.provider = ", ".join(_pick(record.providers, lang) or [])[:300]
    page.places = ", ".join(_pick(record.places, lang) or [])[:500]
    page.registration_url = settings.OPINTOPOLKU_OFFER_URL.format(lang=lang, oid=record.oid)
    page.source = "opintopolku"
    page.source_id = record.oid
    page.source_hash = record.digest()
    page.material_languages = record.languages
    page.author_organisation = "Opintopolku"
    page.licence = ""


# --- Images -----------------------------------------------------------------------------------


def placeholder_image():
    image = CustomImage.objects.filter(title=PLACEHOLDER_TITLE).first()
    if image is None:
        image = CustomImage.objects.create(
            title=PLACEHOLDER_TITLE,
            description=PLACEHOLDER_ALT["fi"],
            credit="Kuvitus: Ohjaajan osion toimitus",
            file=ImageFile(
                io.BytesIO(illustration(((40, 70, 110), (140, 190, 220)))), name="opintopolku.png"
            ),
        )
    return image


# The main image's alt text in each language of the page (the library's text is Finnish).
PLACEHOLDER_ALT = {
    "fi": "Kuvitus: kirjapino ja valmistumislakki, Opintopolun koulutuksen oletuskuva.",
    "sv": "Illustration: en bunt böcker och en studentmössa, standardbild för en utbildning i "
    "Studieinfo.",
    "en": "Illustration: a pile of books and a graduation cap, the default image of a training "
    "in Studyinfo.",
}
THEME_ALT = {
    "fi": "Opintopolun teemakuva koulutukselle {name}",
    "sv": "Studieinfos temabild för utbildningen {name}",
    "en": "Studyinfo theme image for the training {name}",
}


def image_alt(image, name, lang):
    if image is None:
        return ""
    if image.title == PLACEHOLDER_TITLE:
        return PLACEHOLDER_ALT[lang]
    return THEME_ALT[lang].format(name=name)[:255]


def allowed_image_hosts():
    """Where theme images may come from: the search API's own host and OPINTOPOLKU_IMAGE_HOSTS."""
    return {urlsplit(settings.OPINTOPOLKU_SEARCH_URL).hostname, *settings.OPINTOPOLKU_IMAGE_HOSTS}


def download_image(session, url, title, run, oid):
    """The theme image, size- and type-checked; the placeholder when anything is off."""
    from PIL import Image, UnidentifiedImageError

    try:
        host = urlsplit(url).hostname or ""
        if host not in allowed_image_hosts():
            # Upstream data names the URL; only the service's own hosts are fetched from.
            raise ValueError(f"image host {host or '(none)'} is not on the allow-list")
        with session.get(url, timeout=settings.OPINTOPOLKU_TIMEOUT, stream=True) as response:
            if response.status_code != 200:
                raise ValueError(f"HTTP {response.status_code}")
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            if content_type not in ("image/png", "image/jpeg", "image/webp", "image/gif"):
                raise ValueError(f"not an image ({content_type or 'no content type'})")
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > settings.OPINTOPOLKU_IMAGE_MAX_BYTES:
                raise ValueError(f"too large ({declared} bytes)")
            data = b""
            for chunk in response.iter_content(64 * 1024):
                data += chunk
                if len(data) > settings.OPINTOPOLKU_IMAGE_MAX_BYTES:
                    raise ValueError("too large")
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
            if probe.width * probe.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValueError("too many pixels")
        extension = content_type.split("/")[1].replace("jpeg", "jpg")
        return CustomImage.objects.create(
            title=f"Opintopolku {oid}"[:255],
            description=THEME_ALT["fi"].format(name=title)[:255],
            credit="Kuva: Opintopolku",
            file=ImageFile(
                io.BytesIO(data), name=f"opintopolku-{oid.rsplit('.', 1)[-1]}.{extension}"
            ),
        )
    except (requests.RequestException, ValueError, UnidentifiedImageError, OSError) as exc:
        run.note("info", f"theme image not used ({exc}); placeholder instead", oid)
        return placeholder_image()


# --- The run ----------------------------------------------------------------------------------


class TrainingImporter:
    def __init__(self, *, dry_run=False, allow_mass_retire=False, stdout=None, session=None):
        self.dry_run = dry_run
        self.allow_mass_retire = allow_mass_retire
        self.stdout = stdout
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", "ohjaaja-cms-importer/1")
        self.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}

    def topic(self):
        """The topic that holds imported trainings (created once, kept out of the newest)."""
        topic = TopicPage.objects.filter(slug=TOPIC_SLUG, locale=self.locales["fi"]).first()
        if topic is None:
            section = SectionPage.objects.filter(
                kind="professional_development", locale=self.locales["fi"]
            ).first()
            if section is None:
                raise RuntimeError(
                    "No professional development section to hold imported trainings."
                )
            topic = section.add_child(
                instance=TopicPage(
                    title="Opintopolun koulutustarjonta",
                    slug=TOPIC_SLUG,
                    intro="Ohjaajille suunnatut koulutukset Opintopolusta, päivitetään joka yö.",
                    exclude_from_listings=True,
                )
            )
            topic.save_revision().publish()
        return topic

    def run(self):
        run = ImportRun.objects.create(dry_run=self.dry_run)
        try:
            hits, complete = fetch_all(self.session, run)
        except FetchError as exc:
            hits, complete = [], False
            run.errors += 1
            run.note("error", f"fetching failed: {exc}")
            logger.warning("Opintopolku import failed: %s", exc)
            run.status = ImportRun.Status.FAILED
        run.fetched = len(hits)
        seen = set()
        progress = Progress(len(hits), "Trainings", self.stdout)
        topic = self.topic() if hits and not self.dry_run else None
        for hit in hits:
            progress.step()
            try:
                record = to_record(hit)
            except ValueError as exc:
                run.skipped += 1
                oid = hit.get("oid", "") if isinstance(hit, dict) else ""
                run.note("skip", str(exc), str(oid)[:60])
                continue
            seen.add(record.oid)
            try:
                with transaction.atomic():
                    outcome = self.upsert(record, topic, run)
                setattr(run, outcome, getattr(run, outcome) + 1)
            except Exception as exc:  # one bad hit never stops the run
                logger.exception("importing %s failed", record.oid)
                run.errors += 1
                run.note("error", f"{type(exc).__name__}: {exc}", record.oid)
        progress.done()
        if run.status == ImportRun.Status.RUNNING:
            if complete and hits:
                self.retire(seen, run)
            else:
                run.status = ImportRun.Status.PARTIAL
                run.note("info", "listing was empty or incomplete; nothing retired")
        run.finished_at = timezone.now()
        run.save()
        return run

    def upsert(self, record, topic, run):
        page = TrainingPage.objects.filter(source_id=record.oid, locale=self.locales["fi"]).first()
        digest = record.digest()
        if page is not None and page.source_hash == digest and page.live:
            return "unchanged"
        if self.dry_run:
            return "updated" if page else "created"
        created = page is None
        if created:
            page = TrainingPage(slug=f"opintopolku-{record.oid.rsplit('.', 1)[-1]}")
        apply_record(page, record, "fi")
        if record.image_url and (
            created or page.source_image_url != record.image_url or page.hero_image_id is None
        ):
            page.hero_image = download_image(
                self.session, record.image_url, record.names["fi"], run, record.oid
            )
            page.source_image_url = record.image_url
        elif not record.image_url:
            page.hero_image = page.hero_image or placeholder_image()
            page.source_image_url = ""
        page.hero_image_alt = image_alt(page.hero_image, record.names["fi"], "fi")
        page.retired_at = None
        if created:
            topic.add_child(instance=page)
        page.save_revision(log_action=True).publish(skip_permission_checks=True)
        for lang in ("sv", "en"):
            self.sync_translation(page, record, lang)
        return "created" if created else "updated"

    def sync_translation(self, page, record, lang):
        translated = page.get_translations().filter(locale=self.locales[lang]).first()
        if lang not in record.names:
            # A language Opintopolku no longer has is unpublished, not invented.
            if translated and translated.live:
                translated.specific.unpublish()
            return
        if translated is None:
            translated = page.copy_for_translation(self.locales[lang], copy_parents=True)
        translated = translated.specific
        apply_record(translated, record, lang)
        translated.hero_image = page.hero_image
        translated.hero_image_alt = image_alt(page.hero_image, record.names[lang], lang)
        translated.source_image_url = page.source_image_url
        translated.retired_at = None
        translated.save_revision().publish(skip_permission_checks=True)

    def retire(self, seen, run):
        imported = TrainingPage.objects.filter(
            source="opintopolku", locale=self.locales["fi"], live=True
        )
        gone = [page for page in imported if page.source_id not in seen]
        share = len(gone) / max(1, imported.count())
        if gone and share > settings.OPINTOPOLKU_RETIRE_MAX_SHARE and not self.allow_mass_retire:
            run.status = ImportRun.Status.HELD
            run.held_oids = [page.source_id for page in gone]
            run.note(
                "info",
                f"{len(gone)} of {imported.count()} trainings disappeared at once; held for "
                f"an editor (run `manage.py import_trainings --allow-mass-retire` to confirm)",
            )
            return
        run.status = ImportRun.Status.SUCCEEDED
        if self.dry_run:
            run.retired = len(gone)
            return
        now = timezone.now()
        for page in gone:
            for version in [page, *page.get_translations().live().specific()]:
                version.unpublish()  # history kept; never deleted
                type(version).objects.filter(pk=version.pk).update(retired_at=now)
            run.retired += 1
