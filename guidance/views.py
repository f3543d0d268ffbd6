"""Admin views for guidance content: the training import log."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from guidance.models import ImportRun


class ImportRunReport(ReportView):
    page_title = _("Training imports")
    header_icon = "download"
    index_url_name = "training_imports"
    index_results_url_name = "training_imports_results"
    permission_policy = ModelPermissionPolicy(ImportRun)
    permission_required = "view"
    model = ImportRun
    columns = [
        DateColumn("started_at", label=_("Started")),
        DateColumn("finished_at", label=_("Finished")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("created", label=_("Created")),
        Column("updated", label=_("Updated")),
        Column("unchanged", label=_("Unchanged")),
        Column("retired", label=_("Retired")),
        Column("skipped", label=_("Skipped")),
        Column("errors", label=_("Errors")),
        Column("dry_run", label=_("Dry run")),
    ]
    list_export = [
        "started_at",
        "finished_at",
        "status",
        "fetched",
        "total",
        "created",
        "updated",
        "unchanged",
        "retired",
        "skipped",
        "errors",
        "dry_run",
        "messages",
        "held_oids",
    ]

    def get_filename(self):
        return "training-imports"

    def get_queryset(self):
        return ImportRun.objects.order_by("-started_at")
