"""Load the demo content: idempotent, and translated through wagtail-localize like an editor would.

Every step looks for what it would create first, so running the seeder again changes nothing.
"""

import datetime
import io
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Locale, Page, Site

from cms.images import illustration
from cms.models import CustomDocument, CustomImage
from cms.progress import Progress
from guidance.demo import content as demo
from guidance.demo.reviews import REVIEW_INTERVAL_MONTHS, assess, review_due
from guidance.demo.taxonomy import VOCABULARIES
from guidance.demo.translations import item_strings, structure_strings
from guidance.models import (
    TAXONOMY_MODELS,
    ArticlePage,
    HomePage,
    MaterialPage,
    MethodPage,
    SectionPage,
    ToolPage,
    TopicPage,
    TrainingPage,
)
from guidance.services import translate_page

PAGE_MODELS = {
    "article": ArticlePage,
    "method": MethodPage,
    "tool": ToolPage,
    "material": MaterialPage,
    "training": TrainingPage,
}
HOME_FEATURED = [
    "elamanjana",
    "opintopolku",
    "vahvuuksien-tunnistaminen-tehtavapohja",
    "ohjauksen-eettiset-periaatteet",
]
RICH_TEXT_FIELDS = {
    "goals",
    "preparation",
    "variations",
    "evidence_base",
    "references",
    "instructions",
}

# Aino and Riikka also review Swedish pages and Ville English ones (the "Reviews in …" groups).
DEMO_STAFF = [
    ("aino.toimittaja", "Aino", "Toimittaja", "Editors", "Reviews in Swedish"),
    ("ville.toimittaja", "Ville", "Virtanen", "Editors", "Reviews in English"),
    ("riikka.arvioija", "Riikka", "Arvioija", "Quality reviewers", "Reviews in Swedish"),
    ("mikael.moderaattori", "Mikael", "Moderaattori", "Moderators", None),
    ("sara.oversattare", "Sara", "Översättare", "Translators", None),
]


def _locale(code):
    return Locale.objects.get(language_code=code)


def _text(value, lang="fi"):
    if isinstance(value, demo.T):
        return value.get(lang)
    return value


class DemoSeeder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.fi = _locale(settings.LANGUAGE_CODE)
        self.locales = {code: _locale(code) for code in ("sv", "en")}
        self.terms = {}
        self.images = {}
        self.documents = {}
        self.created = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    # --- Building blocks -----------------------------------------------------------------
    def staff(self):
        User = get_user_model()
        owners = []
        for username, first, last, group_name, language_group in DEMO_STAFF:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.invalid",
                    "is_staff": True,
                },
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
                user.groups.add(Group.objects.get(name=group_name))
                if language_group:
                    user.groups.add(Group.objects.get(name=language_group))
            if group_name == "Editors":
                owners.append(user)
        return owners

    def taxonomies(self):
        for field, vocabulary in VOCABULARIES.items():
            model = TAXONOMY_MODELS[field]
            for slug, names in vocabulary.items():
                term, _ = model.objects.get_or_create(
                    locale=self.fi, slug=slug, defaults={"name": names[0]}
                )
                self.terms[(field, slug)] = term
                for code, name in zip(("sv", "en"), names[1:], strict=True):
                    locale = self.locales[code]
                    if not model.objects.filter(
                        translation_key=term.translation_key, locale=locale
                    ).exists():
                        translated = term.copy_for_translation(locale)
                        translated.name = name
                        translated.save()

    def image(self, key):
        if key in self.images:
            return self.images[key]
        title, alt_text, colours = demo.IMAGES[key]
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            image = CustomImage.objects.create(
                title=title,
                description=alt_text.fi,  # the library's alt text is Finnish
                credit="Kuvitus: Ohjaajan osion toimitus",
                file=ImageFile(io.BytesIO(illustration(colours)), name=f"{key}.png"),
            )
        self.images[key] = image
        return image

    def document(self, key):
        if key in self.documents:
            return self.documents[key]
        title, lines = demo.ATTACHMENTS[key]
        document = CustomDocument.objects.filter(title=title).first()
        if document is None:
            document = CustomDocument(title=title, description=lines[1][:200])
            document.file.save(f"{slugify(title)}.docx", ContentFile(_docx(lines)), save=False)
            document.save()
        self.documents[key] = document
        return document

    def body(self, blocks):
        """The demo's markup (content.P, H, TIP, QUOTE, FIGURE, VIDEO, DOCUMENT, STEPS, TABLE)
        as the Finnish page's StreamField; paragraphs are grouped into one text block.
        Translations come from wagtail-localize with the texts of
        ``guidance.demo.translations.item_strings``."""
        stream, paragraphs = [], []

        def flush():
            if paragraphs:
                stream.append(("rich_text", "".join(f"<p>{escape(p)}</p>" for p in paragraphs)))
                paragraphs.clear()

        for kind, *args in blocks:
            if kind == "p":
                paragraphs.append(args[0].fi)
                continue
            flush()
            stream.append(self._block(kind, *args))
        flush()
        return stream

    def _block(self, kind, *args):
        if kind == "h":
            return ("heading", {"text": args[0].fi, "level": "h2"})
        if kind == "tip":
            return ("callout", {"kind": "tip", "title": "", "text": f"<p>{escape(args[0].fi)}</p>"})
        if kind == "quote":
            text, attribution = args
            return ("quote", {"text": text.fi, "attribution": attribution})
        if kind == "figure":
            key, caption = args
            alt = demo.IMAGES[key][1]
            return (
                "image",
                {"image": self.image(key), "alt_text": alt.fi, "caption": caption.fi, "credit": ""},
            )
        if kind == "video":
            url, title, transcript = args
            return (
                "video",
                {
                    "video": EmbedValue(url),
                    "title": title.fi,
                    "transcript": f"<p>{escape(transcript.fi)}</p>",
                },
            )
        if kind == "document":
            key, title = args
            return ("document", {"document": self.document(key), "title": title.fi})
        if kind == "steps":
            title, steps = args
            return (
                "steps",
                {
                    "title": title.fi,
                    "steps": [
                        {"title": t.fi, "description": f"<p>{escape(d.fi)}</p>", "duration": m}
                        for t, d, m in steps
                    ],
                },
            )
        if kind == "table":
            caption, rows = args
            return (
                "table",
                {
                    "data": [[cell.fi for cell in row] for row in rows],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": caption.fi,
                },
            )
        raise ValueError(f"unknown demo block {kind!r}")

    # --- Pages -----------------------------------------------------------------------------
    def home(self):
        home = HomePage.objects.filter(locale=self.fi).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=demo.HOME["title"].fi,
                    slug="ohjaajan-osio",
                    intro=demo.HOME["intro"].fi,
                    locale=self.fi,
                )
            )
            home.save_revision().publish()
            site = Site.objects.filter(is_default_site=True).first()
            old_root = site.root_page if site else None
            # The site's address is the one configured URL (WAGTAILADMIN_BASE_URL), so links in
            # Wagtail's emails lead where the admin really is (not http://localhost/).
            base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            address = {
                "hostname": base.hostname or "localhost",
                "port": base.port or (443 if base.scheme == "https" else 80),
            }
            if site:
                site.root_page = home
                site.site_name = "Ohjaajan osio"
                site.hostname, site.port = address["hostname"], address["port"]
                site.save()
            else:
                Site.objects.create(
                    **address,
                    root_page=home,
                    is_default_site=True,
                    site_name="Ohjaajan osio",
                )
            # Wagtail's placeholder "Welcome" page is of the base Page type; it goes.
            if old_root and old_root.specific_class is Page and old_root.depth == 2:
                old_root.delete()
        return home

    def sections(self, home):
        topics = {}
        for spec in demo.SECTIONS:
            section = SectionPage.objects.child_of(home).filter(slug=spec["slug"]).first()
            if section is None:
                section = home.add_child(
                    instance=SectionPage(
                        title=spec["title"].fi,
                        slug=spec["slug"],
                        kind=spec["kind"],
                        intro=spec["intro"].fi,
                    )
                )
                section.save_revision().publish()
            for slug, title in spec["topics"]:
                topic = TopicPage.objects.child_of(section).filter(slug=slug).first()
                if topic is None:
                    topic = section.add_child(
                        instance=TopicPage(title=title.fi, slug=slug, intro="")
                    )
                    topic.save_revision().publish()
                topics[f"{spec['slug']}/{slug}"] = topic
        return topics

    def item(self, spec, parent, owner, index):
        model = PAGE_MODELS[spec.kind]
        page = model.objects.child_of(parent).filter(slug=spec.slug).first()
        if page is not None:
            return page, False
        page = model(
            title=spec.title.fi,
            slug=spec.slug,
            summary=spec.summary.fi,
            body=self.body(spec.body),
            material_languages=spec.languages,
            licence=spec.licence,
            author_organisation=spec.organisation,
            content_owner=owner,
            review_interval_months=REVIEW_INTERVAL_MONTHS,
            next_review_due=review_due(spec.review, index),
            hero_image=self.image(spec.image) if spec.image else None,
            hero_image_alt=demo.IMAGES[spec.image][1].fi if spec.image else "",
        )
        if spec.attachment:
            page.attachments = [
                ("document", {"document": self.document(spec.attachment), "title": ""})
            ]
        if spec.kind == "method" and spec.steps:
            page.steps = [
                (
                    "step",
                    {"title": title.fi, "description": f"<p>{escape(text.fi)}</p>", "duration": ""},
                )
                for title, text in spec.steps
            ]
        for name, value in spec.fields.items():
            if name in ("starts_in_days", "length_days"):
                continue
            value = _text(value)
            if name in RICH_TEXT_FIELDS:
                value = f"<p>{escape(value)}</p>"
            setattr(page, name, value)
        if spec.kind == "training":
            starts = timezone.localdate() + datetime.timedelta(
                days=spec.fields.get("starts_in_days", 30)
            )
            page.starts_on = starts
            page.ends_on = starts + datetime.timedelta(days=spec.fields.get("length_days", 0))
        for field in TAXONOMY_MODELS:
            slugs = getattr(spec, field if field != "settings" else "settings")
            target = field if field != "settings" else "guidance_settings"
            getattr(page, target).set([self.terms[(field, slug)] for slug in slugs])
        parent.add_child(instance=page)
        page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
        return page, True

    def feature(self, home, items):
        """Editors' picks: four items on the home page and two in each section."""
        if home.featured_items:
            return
        pages = {spec.slug: page for spec, page in items}
        home.featured_items = [("item", pages[slug]) for slug in HOME_FEATURED]
        home.save_revision().publish()
        for section in SectionPage.objects.child_of(home):
            picks = [page for spec, page in items if spec.topic.startswith(section.slug + "/")][:2]
            section.featured_items = [("item", page) for page in picks]
            section.save_revision().publish()

    def translate(self, page, lang, lookup):
        if page.get_translations().filter(locale=self.locales[lang]).exists():
            return False
        translate_page(page, lang, lookup)
        return True

    # --- The whole run ---------------------------------------------------------------------
    @transaction.atomic
    def run(self):
        owners = self.staff()
        self.taxonomies()
        home = self.home()
        topics = self.sections(home)
        items = []
        progress = Progress(len(demo.ITEMS), "Demo items", self.stdout)
        reviewer = get_user_model().objects.get(username="riikka.arvioija")
        for index, spec in enumerate(demo.ITEMS):
            page, created = self.item(spec, topics[spec.topic], owners[index % len(owners)], index)
            self.created += created
            assess(page, spec.review, reviewer, index)
            items.append((spec, page))
            progress.step()
        progress.done()

        self.feature(home, items)
        for lang in ("sv", "en"):
            # Home, sections and topics first: a translation needs its parent translated.
            lookup = structure_strings(lang)
            self.translate(home, lang, lookup)
            for spec in demo.SECTIONS:
                section = SectionPage.objects.child_of(home).get(slug=spec["slug"])
                self.translate(section, lang, lookup)
                for topic in TopicPage.objects.child_of(section):
                    self.translate(topic, lang, lookup)
            for index, (spec, page) in enumerate(items):
                if lang in spec.translated_to:
                    self.translate(page, lang, item_strings(spec, lang))
                    # Each translation passed its own review in its own language.
                    translated = page.get_translation(self.locales[lang]).specific
                    assess(translated, spec.review, reviewer, index)
        return self.created


def _docx(lines):
    from docx import Document

    document = Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
