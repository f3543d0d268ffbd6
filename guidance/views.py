"""Admin views for guidance content: quality reports and the training import log."""

import django_filters
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from cms.exports import ExportInOneLanguage
from guidance.dashboard import collection, out_of_sync_translations, with_quality_status
from guidance.models import ContentPage, ImportRun
from guidance.services import frontend_url


class ImportRunReport(ExportInOneLanguage, ReportView):
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

    @cached_property
    def no_results_message(self):
        return _(
            "No imports yet. Trainings come from Opintopolku when `manage.py import_trainings` "
            "runs (daily in production, from the task scheduler); each run is listed here with "
            "what it created, updated and retired. See docs/operations.md."
        )

    def get_queryset(self):
        return ImportRun.objects.order_by("-started_at")


class QualityStatusFilterSet(WagtailFilterSet):
    quality_status = django_filters.ChoiceFilter(
        label=_("Quality status"),
        choices=[
            ("approved", _("approved")),
            ("review_overdue", _("review overdue")),
            ("not_reviewed", _("not reviewed")),
        ],
    )
    content_owner = django_filters.ModelChoiceFilter(
        label=_("Content owner"),
        queryset=lambda request: (
            get_user_model().objects.filter(is_staff=True).order_by("username")
        ),
    )

    class Meta:
        model = ContentPage
        fields = ["quality_status", "content_owner"]


class QualityStatusReport(ExportInOneLanguage, ReportView):
    """Every published item with its quality status, owner and review date."""

    page_title = _("Quality status of content")
    header_icon = "tasks"
    index_url_name = "quality_status_report"
    index_results_url_name = "quality_status_report_results"
    filterset_class = QualityStatusFilterSet
    model = ContentPage
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        Column("quality_status", label=_("Quality status"), accessor="quality_status_label"),
        Column("content_owner", label=_("Content owner")),
        Column("next_review_due", label=_("Next review due")),
        DateColumn("last_approved_at", label=_("Last approved")),
    ]
    list_export = [
        "title",
        "quality_status",
        "content_owner",
        "next_review_due",
        "last_approved_at",
        "url_path",
    ]
    export_headings = {"title": _("Title"), "url_path": _("Path")}

    def get_filename(self):
        return "quality-status"

    def get_queryset(self):

        return (
            with_quality_status(collection())
            .select_related("content_owner")
            .order_by("content_owner__username", "next_review_due")
        )

    def decorate_paginated_queryset(self, object_list):
        labels = dict(QualityStatusFilterSet.base_filters["quality_status"].extra["choices"])
        for page in object_list:
            page.quality_status_label = labels.get(page.quality_status, page.quality_status)
        return object_list


class TranslationsOutOfSyncReport(ExportInOneLanguage, ReportView):
    """Translations whose Finnish source has been published again since they were."""

    page_title = _("Translations out of sync")
    header_icon = "globe"
    index_url_name = "translations_out_of_sync"
    index_results_url_name = "translations_out_of_sync_results"
    model = ContentPage
    columns = [
        TitleColumn("title", label=_("Translation"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language")),
        Column("source_title", label=_("Source")),
        DateColumn("last_published_at", label=_("Translation published")),
        DateColumn("source_published_at", label=_("Source published")),
    ]
    list_export = ["title", "locale", "source_title", "last_published_at", "source_published_at"]

    def get_filename(self):
        return "translations-out-of-sync"

    def get_queryset(self):

        return out_of_sync_translations()


def page_on_frontend(request, path):
    """The CMS is headless: a page's own URL sends the reader to the frontend's page, or 404s
    when no visible page lives there. (Wagtail's serve view would render a template this project
    does not have, and its /_util/ login views are a second way in; neither is mounted.)"""

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404
    components = [c for c in path.split("/") if c]
    for root in site.root_page.get_translations(inclusive=True).specific():
        try:
            page = root.route(request, components).page
        except Http404:
            continue
        target = frontend_url(page)
        if target is not None:
            return HttpResponseRedirect(target)
    raise Http404
