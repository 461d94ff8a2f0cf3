"""Wagtail's submissions listing, exported for German Excel and in Bielefeld's time."""

import datetime

from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView as WagtailSubmissionsListView

from oic_cms.spreadsheets import GermanExcelCsvMixin

XLSX = SpreadsheetExportMixin.FORMAT_XLSX
CSV = SpreadsheetExportMixin.FORMAT_CSV


def local_timestamp(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def yes_no(value):
    return "ja" if value else "nein"


class SubmissionsListView(GermanExcelCsvMixin, WagtailSubmissionsListView):
    custom_value_preprocess = {
        **WagtailSubmissionsListView.custom_value_preprocess,
        datetime.datetime: {CSV: local_timestamp, XLSX: timezone.make_naive},
        bool: {CSV: yes_no, XLSX: yes_no},
    }

    def get_filename(self):
        return f"formular-{self.form_page.slug}-{timezone.localdate().isoformat()}"
