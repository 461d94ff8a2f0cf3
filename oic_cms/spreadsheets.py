"""Spreadsheet exports of the admin (Wagtail's ``SpreadsheetExportMixin``) for German Excel."""

import codecs
import csv

from wagtail.admin.views.mixins import Echo


class GermanExcelCsvMixin:
    """CSV as German Excel opens it by double-click: a byte order mark, without which it reads
    the umlauts as Windows-1252, and semicolons, since its comma is the decimal sign. Goes
    before ``SpreadsheetExportMixin`` (or a view built on it) in the bases."""

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        yield codecs.BOM_UTF8 + writer.writerow(headings)
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
