"""Groups that mark who reviews Swedish and English pages (guidance.models.quality)."""

from django.db import migrations

GROUPS = ["Reviews in Swedish", "Reviews in English"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("guidance", "0012_page_image_alt_per_language")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
