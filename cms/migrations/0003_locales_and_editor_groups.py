"""Content locales (fi, sv, en) and the editorial groups with their Wagtail permissions.

Roles:
- Editors: write content and taxonomies, submit for review; no direct publish (the quality
  workflow publishes), manage images and documents.
- Quality reviewers: admin access, review tasks (assigned by the workflow), read content.
- Moderators: admin access for the discussion moderation queue; no page permissions.
- Translators: edit pages (translations) and submit translations; no publish.
- Administrators: everything about content, including publish and bulk delete, users excepted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add", "change", "lock", "unlock"],
    "Quality reviewers": [],
    "Moderators": [],
    "Translators": ["add", "change"],
    "Administrators": ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}
COLLECTION_PERMISSIONS = {
    "Editors": ["add", "change", "choose"],
    "Quality reviewers": ["choose"],
    "Moderators": [],
    "Translators": ["choose"],
    "Administrators": ["add", "change", "choose", "delete"],
}
TAXONOMIES = ["keyword", "theme", "targetgroup", "sector", "guidancesetting"]
MODEL_PERMISSIONS = {
    "Editors": [f"guidance.{verb}_{m}" for m in TAXONOMIES for verb in ("add", "change", "view")]
    + ["wagtail_localize.submit_translation"],
    "Quality reviewers": [f"guidance.view_{m}" for m in TAXONOMIES],
    "Moderators": [],
    "Translators": [f"guidance.{verb}_{m}" for m in TAXONOMIES for verb in ("change", "view")]
    + ["wagtail_localize.submit_translation"],
    "Administrators": [
        f"guidance.{verb}_{m}" for m in TAXONOMIES for verb in ("add", "change", "delete", "view")
    ]
    + ["wagtail_localize.submit_translation", "wagtailredirects.add_redirect",
       "wagtailredirects.change_redirect", "wagtailredirects.delete_redirect"],
}


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as exc:
        raise LookupError(f"permission {dotted} does not exist") from exc


def create_locales_and_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("fi", "sv", "en"):
        Locale.objects.get_or_create(language_code=code)

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(apps, "wagtailadmin.access_admin")

    for name, page_verbs in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        # Wagtail's own initial data gives "Moderators" publish rights; here moderators
        # moderate discussions, not pages, so every group's page rights are set afresh.
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.set(
            [access_admin, *(_permission(apps, p) for p in MODEL_PERMISSIONS[name])]
        )
        for verb in page_verbs:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{verb}_page")
            )
        for verb in COLLECTION_PERMISSIONS[name]:
            for model, short in (("customimage", "image"), ("customdocument", "document")):
                # "choose" is a custom permission named after Wagtail's own models.
                codename = f"choose_{short}" if verb == "choose" else f"{verb}_{model}"
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, f"cms.{codename}"),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_initial"),
        ("guidance", "0001_initial"),
        ("community", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_locales_and_groups, migrations.RunPython.noop)]
