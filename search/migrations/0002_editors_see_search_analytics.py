from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="content_search", codename="view_searchquerystat"
    )
    for name in ("Editors", "Administrators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("content_search", "0001_search_index"),
        ("cms", "0003_locales_and_editor_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
