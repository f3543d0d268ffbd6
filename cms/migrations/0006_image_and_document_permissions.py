"""Image and document rights on the root collection, under the names Wagtail checks.

Wagtail's permission policy for custom image and document models checks the base models'
permissions (``wagtailimages.add_image``, ``wagtaildocs.choose_document`` …), not the custom
models' own. 0003 granted the custom models' codenames, so editors could not upload images or
documents; this grants the right ones and drops the unused custom "choose" permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COLLECTION_PERMISSIONS = {
    "Editors": ["add", "change", "choose"],
    "Quality reviewers": ["choose"],
    "Moderators": [],
    "Translators": ["choose"],
    "Administrators": ["add", "change", "choose", "delete"],
}
MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    for name, verbs in COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        GroupCollectionPermission.objects.filter(
            group=group, permission__content_type__app_label="cms"
        ).delete()
        for verb in verbs:
            for app_label, model in MODELS:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{verb}_{model}"
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )
    Permission.objects.filter(
        content_type__app_label="cms", codename__in=["choose_image", "choose_document"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_administrators_see_webhook_log"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="customdocument",
            options={"verbose_name": "document", "verbose_name_plural": "documents"},
        ),
        migrations.AlterModelOptions(
            name="customimage",
            options={"verbose_name": "image", "verbose_name_plural": "images"},
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
