"""The Quality review workflow's first step becomes a ContentCheckTask (separation of duties):
same name and groups as the GroupApprovalTask it replaces, which is deactivated (tasks already
in progress on it finish as they are)."""

from django.db import migrations


def use_content_check_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentCheckTask = apps.get_model("guidance", "ContentCheckTask")
    content_type = ContentType.objects.get_or_create(app_label="guidance", model="contentchecktask")[0]
    for workflow in Workflow.objects.filter(name="Quality review"):
        for step in WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"):
            old = GroupApprovalTask.objects.filter(pk=step.task_id).first()
            if old is None:
                continue
            new = ContentCheckTask.objects.create(
                name=old.name, content_type=content_type, active=True, separate_duties=True
            )
            new.groups.set(old.groups.all())
            step.task_id = new.pk
            step.save(update_fields=["task"])
            old.active = False
            old.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0009_separation_of_duties"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(use_content_check_task, migrations.RunPython.noop)]
