"""Spreadsheet exports (CSV, XLSX) of the admin's reports, in one language with unambiguous dates.

Wagtail heads a column with the model field's verbose name, and with the bare attribute name
(``source_title``) where there is no field, so an export mixed Finnish and code; it writes
datetimes as ``2026-12-04 08:30:00+00:00`` in CSV and as naive UTC in XLSX. Here each heading is
the report column's own label (else the field's verbose name), in the requesting editor's admin
language, and every date and time is ISO 8601, times with their offset in the service's time zone.
"""

import datetime
from typing import Any

from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.text import capfirst
from wagtail.admin.views.mixins import SpreadsheetExportMixin


def iso_datetime(value: datetime.datetime) -> str:
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).isoformat(timespec="seconds")


def iso_date(value: datetime.date) -> str:
    return value.isoformat()


_FORMATS = (SpreadsheetExportMixin.FORMAT_CSV, SpreadsheetExportMixin.FORMAT_XLSX)


class ExportInOneLanguage:
    """Mix into a ReportView (or any SpreadsheetExportMixin view) before it."""

    custom_value_preprocess = {
        datetime.datetime: dict.fromkeys(_FORMATS, iso_datetime),
        datetime.date: dict.fromkeys(_FORMATS, iso_date),
        **{
            key: value
            for key, value in SpreadsheetExportMixin.custom_value_preprocess.items()
            if key not in (datetime.datetime, (datetime.date, datetime.time))
        },
    }

    def stream_csv(self, queryset: Any):
        # The CSV streams after the view has returned, outside the admin's language override:
        # keep the requesting editor's language (read now, not when streaming starts) for every
        # line, else headings fall back to the site's default language.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    line = next(rows, None)
                if line is None:
                    return
                yield line

        return in_language()

    def get_heading(self, queryset: Any, field: str) -> str:
        if field in self.export_headings:
            return force_str(self.export_headings[field])
        for column in getattr(self, "columns", []):
            if column.name == field and column.label:
                return capfirst(force_str(column.label))
        return super().get_heading(queryset, field)
