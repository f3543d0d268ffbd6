"""Discussion areas in fi/sv/en, and what Moderators and Editors may do in the community."""

import uuid

from django.contrib.auth.management import create_permissions
from django.db import migrations

AREAS = [
    (
        "hyvat-kaytannot",
        {"fi": "Hyvät käytännöt", "sv": "Goda praxis", "en": "Good practices"},
        {
            "fi": "Jaa toimiva menetelmä tai kokemus ohjaustyöstä.",
            "sv": "Dela en fungerande metod eller erfarenhet från vägledningen.",
            "en": "Share a method or experience from guidance work that works.",
        },
    ),
    (
        "kysy-kollegalta",
        {"fi": "Kysy kollegalta", "sv": "Fråga en kollega", "en": "Ask a colleague"},
        {
            "fi": "Kysy neuvoa hankalaan ohjaustilanteeseen tai työkaluun.",
            "sv": "Be om råd om en svår vägledningssituation eller ett verktyg.",
            "en": "Ask for advice on a difficult guidance situation or a tool.",
        },
    ),
    (
        "ajankohtaista",
        {"fi": "Ajankohtaista", "sv": "Aktuellt", "en": "Current topics"},
        {
            "fi": "Uudistukset, tapahtumat ja koulutukset.",
            "sv": "Reformer, evenemang och utbildningar.",
            "en": "Reforms, events and training.",
        },
    ),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Locale = apps.get_model("wagtailcore", "Locale")
    Area = apps.get_model("community", "DiscussionArea")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for order, (slug, names, descriptions) in enumerate(AREAS):
        key = uuid.uuid4()
        for language, locale in locales.items():
            if language in names:
                Area.objects.get_or_create(
                    slug=slug,
                    locale=locale,
                    defaults={
                        "translation_key": key,
                        "name": names[language],
                        "description": descriptions[language],
                        "sort_order": order,
                    },
                )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(model, *actions):
        return Permission.objects.filter(
            content_type__app_label="community",
            codename__in=[f"{action}_{model}" for action in actions],
        )

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(codename="moderate_discussions"),
            *perms("discussionarea", "add", "change", "delete", "view"),
            *perms("communitysettings", "change", "view"),
        )
    administrators = Group.objects.filter(name="Administrators").first()
    if administrators is not None:
        administrators.permissions.add(
            *Permission.objects.filter(codename="moderate_discussions"),
            *perms("communitysettings", "change", "view"),
            *perms("contentsuggestion", "change", "view"),
        )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*perms("contentsuggestion", "change", "view"))
    # Wagtail admin access for moderators (they have no page permissions).
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    if moderators is not None:
        moderators.permissions.add(*access)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_community"),
        ("cms", "0003_locales_and_editor_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
