from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="cms", codename="view_webhookdelivery")
    Group.objects.get(name="Administrators").permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_webhook_delivery")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
