"""Generated items for benchmarks (``seed_demo --scale N``): each number always gives the same
item (type, topic, title, text, terms), in the demo's topics, added in batches as live pages."""

import datetime
import random
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.progress import Progress
from guidance.demo.seed import PAGE_MODELS
from guidance.models import TAXONOMY_MODELS, TopicPage
from guidance.services import bulk_add_live_pages

GENERATED_PREFIX = "generoitu-"


@transaction.atomic
def generate_items(count: int, stdout: Any = None) -> int:
    """Make sure ``count`` generated items exist (for benchmarks), adding what is missing;
    returns how many were added."""
    fi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    topics = list(TopicPage.objects.filter(locale=fi, depth__gte=4).order_by("path"))
    existing = set(
        Page.objects.filter(slug__startswith=GENERATED_PREFIX, locale=fi).values_list(
            "slug", flat=True
        )
    )
    missing = [n for n in range(1, count + 1) if f"{GENERATED_PREFIX}{n}" not in existing]
    terms = {
        field: list(model.objects.filter(locale=fi)) for field, model in TAXONOMY_MODELS.items()
    }
    progress = Progress(len(missing), "Generated items", stdout)
    batch = {}
    for n in missing:
        rng = random.Random(n)  # deterministic per item
        kind = rng.choice(list(PAGE_MODELS))
        parent = topics[n % len(topics)]
        title = f"{rng.choice(_GEN_ADJECTIVES)} {rng.choice(_GEN_NOUNS)} {n}"
        page = PAGE_MODELS[kind](
            title=title,
            slug=f"{GENERATED_PREFIX}{n}",
            summary=f"{title}: {rng.choice(_GEN_SENTENCES)}",
            body=[("rich_text", "".join(f"<p>{s}</p>" for s in rng.sample(_GEN_SENTENCES, 3)))],
            material_languages=["fi"],
            next_review_due=timezone.localdate() + datetime.timedelta(days=rng.randint(-60, 365)),
        )
        page._bulk_terms = {
            target: rng.sample(terms[field], min(2, len(terms[field])))
            for field, target in _TERM_FIELDS
        }
        batch.setdefault((parent.pk, kind), (parent, []))[1].append(page)
        if sum(len(pages) for _p, pages in batch.values()) >= 500:
            _flush(batch, progress)
    _flush(batch, progress)
    progress.done()
    return len(missing)


def _flush(batch: dict, progress: Progress) -> None:
    for parent, pages in batch.values():
        bulk_add_live_pages(parent, pages)
        progress.step(len(pages))
    batch.clear()


_TERM_FIELDS = [
    ("keywords", "keywords"),
    ("themes", "themes"),
    ("target_groups", "target_groups"),
    ("sectors", "sectors"),
    ("settings", "guidance_settings"),
]
_GEN_ADJECTIVES = [
    "Ratkaisukeskeinen",
    "Toiminnallinen",
    "Digitaalinen",
    "Yhteisöllinen",
    "Tavoitteellinen",
    "Monikielinen",
    "Selkokielinen",
    "Kokemuksellinen",
]
_GEN_NOUNS = [
    "uraohjauksen harjoitus",
    "ryhmäohjauksen tehtävä",
    "työnhaun työkalu",
    "itsetuntemuksen kartoitus",
    "osaamisen tunnistamisen malli",
    "verkko-ohjauksen opas",
    "nuorten ohjauksen menetelmä",
    "aikuisten urasuunnittelun materiaali",
]
_GEN_SENTENCES = [
    "Menetelmä auttaa asiakasta tunnistamaan omat vahvuutensa.",
    "Harjoitus sopii sekä yksilö- että ryhmäohjaukseen.",
    "Työkalu tukee työnhakijaa ansioluettelon laatimisessa.",
    "Materiaali on suunniteltu nuorille, jotka pohtivat jatko-opintoja.",
    "Ohjaaja voi käyttää tehtävää verkkotapaamisessa.",
    "Tehtävä vahvistaa motivaatiota ja tavoitteiden asettamista.",
    "Opas kertoo työelämän muutoksista selkeällä kielellä.",
    "Menetelmää on kokeiltu työllisyyspalveluissa ja oppilaitoksissa.",
]
