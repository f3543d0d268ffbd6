from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="guidance", codename="view_importrun")
    for name in ("Editors", "Administrators"):
        Group.objects.get(name=name).permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0003_opintopolku_import"), ("cms", "0003_locales_and_editor_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
