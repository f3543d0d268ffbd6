"""Demo discussions for `seed_demo`: counsellors, threads in areas and on items, replies,
thanks, a follow and one reported post in the moderation queue. Idempotent."""

import datetime

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from community.models import DiscussionArea, Follow, Post, Report, Thanks, Thread, User

COUNSELLORS = [
    ("sanna.opo", "Sanna, opinto-ohjaaja", True),
    ("mikko.te", "", False),
    ("leena.ura", "", False),
    ("olli.nuoriso", "Olli / Ohjaamo", True),
]

THREADS = [
    (
        "kysy-kollegalta",
        "Miten tuet nuorta, joka ei tiedä mitä haluaa?",
        "sanna.opo",
        "<p>Yhdeksäsluokkalainen sanoo, ettei mikään kiinnosta. Mitä menetelmiä olette käyttäneet "
        "ensimmäisessä tapaamisessa?</p>",
        [
            (
                "leena.ura",
                "<p>Elämänjana toimii minulla hyvin: nuori huomaa itse, mistä on "
                "innostunut aiemmin.</p>",
                None,
            ),
            (
                "olli.nuoriso",
                "<p>Kokeile <strong>kuvakortteja</strong>, ne madaltavat kynnystä "
                "puhua. Meillä Ohjaamossa käytetään myös vertaisryhmää.</p>",
                0,
            ),
            ("mikko.te", "<p>Kiitos, tämä oli hyödyllinen ketju!</p>", None),
        ],
    ),
    (
        "hyvat-kaytannot",
        "Etäohjaus työnhakijoille: meidän mallimme",
        "mikko.te",
        "<p>Aloitimme ryhmämuotoisen etäohjauksen työnhakijoille. Kolme tapaamista, joiden välissä "
        "pienet tehtävät. Osallistujat pitivät erityisesti vertaistuesta.</p>",
        [
            ("sanna.opo", "<p>Miten hoiditte tietosuojan videotapaamisissa?</p>", None),
            (
                "mikko.te",
                "<p>Käytämme organisaation hyväksymää palvelua, eikä tapaamisia tallenneta.</p>",
                0,
            ),
        ],
    ),
    (
        "ajankohtaista",
        "Työllisyyspalvelut kunnissa – mikä muuttui ohjauksessa?",
        "leena.ura",
        "<p>Miten siirto kuntiin on näkynyt teidän arjessanne? Meillä yhteistyö oppilaitosten "
        "kanssa on tiivistynyt.</p>",
        [
            (
                "olli.nuoriso",
                "<p>Ohjaamossa asiakkaita tulee nyt enemmän suoraan kunnasta.</p>",
                None,
            ),
            ("mikko.te", "<p>OSTA HALVALLA! www.example.com/tarjous</p>", None),
        ],
    ),
]


@transaction.atomic
def seed_community(item_key=None):
    """Create the demo discussions once; returns the number of threads created."""
    if Thread.objects.filter(title=THREADS[0][1]).exists():
        return 0
    people = {}
    for username, display_name, public in COUNSELLORS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.invalid",
                "display_name": display_name,
                "public_profile": public,
                "date_joined": timezone.now() - datetime.timedelta(days=90),
            },
        )
        user.set_unusable_password()
        user.save()
        # Demo counsellors signed up and verified their address like any other.
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        people[username] = user
    created = 0
    now = timezone.now()
    for index, (area_slug, title, author, body, replies) in enumerate(THREADS):
        area = DiscussionArea.objects.get(slug=area_slug, locale__language_code="fi")
        thread = Thread.objects.create(area=area, title=title, author=people[author])
        opening = Post.objects.create(thread=thread, author=people[author], body=body)
        Follow.objects.get_or_create(thread=thread, user=people[author])
        posts = [opening]
        for reply_author, reply_body, reply_to in replies:
            post = Post.objects.create(
                thread=thread,
                author=people[reply_author],
                body=reply_body,
                reply_to=posts[reply_to] if reply_to is not None else None,
            )
            posts.append(post)
        Thread.objects.filter(pk=thread.pk).update(
            created_at=now - datetime.timedelta(days=10 - 3 * index),
            last_post_at=now - datetime.timedelta(days=9 - 3 * index),
        )
        for post in posts[1:2]:
            Thanks.objects.get_or_create(post=post, user=people[author])
        created += 1
    if item_key is not None:
        thread = Thread.objects.create(
            content_key=item_key,
            title="Kokemuksia tästä menetelmästä?",
            author=people["leena.ura"],
        )
        Post.objects.create(
            thread=thread,
            author=people["leena.ura"],
            body="<p>Onko joku käyttänyt tätä ryhmässä? Kuinka kauan harjoitus kesti?</p>",
        )
        created += 1
    spam = Post.objects.get(body__contains="OSTA HALVALLA")
    for reporter in ("sanna.opo", "olli.nuoriso"):
        Report.objects.get_or_create(
            post=spam, reporter=people[reporter], defaults={"reason": Report.Reason.SPAM}
        )
    return created
