"""The modeladmin views for subscribers: list with counts and export, proof of consent, erasure."""

import datetime

from django.contrib.admin.utils import lookup_field
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.admin import messages
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log
from wagtail_modeladmin.views import DeleteView, IndexView, InspectView

from oic_cms.spreadsheets import GermanExcelCsvMixin

from .models import Subscriber

XLSX = SpreadsheetExportMixin.FORMAT_XLSX
CSV = SpreadsheetExportMixin.FORMAT_CSV


def local_timestamp(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def local_naive(value):
    """Spreadsheets know no time zones: write the time as it reads in Bielefeld."""
    return timezone.make_naive(value)


class SubscriberIndexView(GermanExcelCsvMixin, IndexView):
    """The list, with counts per status above it and an export of confirmed addresses only."""

    export_headings = {
        "email": "E-Mail-Adresse",
        "first_name": "Vorname",
        "confirmed_at": "Bestätigt am",
        "consent_version": "Version des Einwilligungstexts",
        "consent_page_url": "Seite der Anmeldung",
    }
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {CSV: local_timestamp, XLSX: local_naive},
    }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Whatever the list shows, the export holds every confirmed address and nothing else."""
        confirmed = (
            self.model_admin.get_queryset(self.request)
            .confirmed()
            .select_related("consent_text")
            .order_by("confirmed_at", "pk")
        )
        return super().as_spreadsheet(confirmed, spreadsheet_format)

    def to_row_dict(self, item):
        """Empty values stay empty: modeladmin's "-" would end up as a first name in a mail tool."""
        return {field: lookup_field(field, item, self.model_admin)[2] for field in self.list_export}

    def status_counts(self):
        counts = dict(
            Subscriber.objects.order_by()
            .values("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        return [
            {
                "label": status.label,
                "count": counts.get(status.value, 0),
                "url": f"{self.index_url}?{urlencode({'status__exact': status.value})}",
                "active": self.params.get("status__exact") == status.value,
            }
            for status in Subscriber.Status
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(status_counts=self.status_counts(), **kwargs)


class SubscriberInspectView(InspectView):
    """The proof of consent for one person, as it would be shown to an authority."""

    page_title = "Nachweis der Einwilligung"

    def get_meta_title(self):
        return f"Nachweis der Einwilligung: {self.instance}"

    def field_row(self, field_name):
        field = Subscriber._meta.get_field(field_name)
        value = getattr(self.instance, field_name)
        if field.choices:
            value = getattr(self.instance, f"get_{field_name}_display")()
        return {"label": field.verbose_name, "value": value or "–"}

    def get_fields_dict(self):
        subscriber = self.instance
        rows = [
            self.field_row(name)
            for name in (
                "email",
                "first_name",
                "status",
                "signed_up_at",
                "confirmation_sent_at",
                "confirmed_at",
                "unsubscribed_at",
                "bounced_at",
                "bounce_reason",
                "consent_page_url",
            )
        ]
        consent = subscriber.consent_text
        rows.append(
            {
                "label": "Version des Einwilligungstexts",
                "value": f"{consent} (erstmals verwendet am "
                f"{timezone.localtime(consent.first_shown_at):%d.%m.%Y})",
            }
        )
        # The stored HTML is what the person saw next to the form; it came from the page's
        # rich text through a signed form field, not from the visitor.
        rows.append({"label": "Wortlaut des Einwilligungstexts", "value": mark_safe(consent.text)})
        if subscriber.signup_ip_address:
            rows.append(self.field_row("signup_ip_address"))
        return rows


class SubscriberDeleteView(DeleteView):
    """Erasure: the audit log keeps that an entry was deleted, but not whose address it was."""

    def confirmation_message(self):
        return (
            "Soll diese Abonnent*in endgültig gelöscht werden? Die E-Mail-Adresse und der "
            "Nachweis der Einwilligung gehen dabei verloren; der Newsletter geht nicht mehr an "
            "diese Adresse."
        )

    def post(self, request, *args, **kwargs):
        subscriber = self.instance
        with transaction.atomic():
            log(
                instance=subscriber,
                action="wagtail.delete",
                title=f"Abonnent*in Nr. {subscriber.pk}",
            )
            subscriber.delete()
        messages.success(request, f"Die Abonnent*in {subscriber.email} wurde gelöscht.")
        return redirect(self.index_url)
