import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .pretix import PRETIX_ITEMS, PretixRegistration

PRETIX_EVENT_URL = re.compile(r"^https://[^\s/]+(?:/[^\s/]+)+/?$")
PRETIX_EVENT_SLUG = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9.-]*$")


class PretixRegistrationValue(blocks.StructValue):
    def registration(self, default_shop_url):
        """The event in pretix: a whole event address, or a short name in the site's shop."""
        event = (self.get("event") or "").strip().rstrip("/")
        if PRETIX_EVENT_URL.match(event):
            shop_url, _, event_slug = event.rpartition("/")
        elif event and default_shop_url:
            shop_url, event_slug = default_shop_url, event
        else:
            return None
        return PretixRegistration(
            shop_url=shop_url,
            event_slug=event_slug,
            items=self.get("items") or "",
            voucher=self.get("voucher") or "",
            vouchers_disabled=bool(self.get("disable_vouchers")),
        )


class PretixRegistrationBlock(blocks.StructBlock):
    """Registration in the pretix shop inside a text, loaded only after the visitor's click."""

    event = blocks.CharBlock(
        label="Veranstaltung in pretix",
        max_length=300,
        help_text="Der Kurzname im Ticketshop der Einstellungen, z. B. „meetup-ki“, oder die "
        "ganze Adresse, z. B. https://pretix.eu/oic-bielefeld/meetup-ki/.",
    )
    items = blocks.CharBlock(
        label="Nur diese Produkte",
        required=False,
        max_length=200,
        help_text="Optional: Nummern der Produkte aus pretix, mit Komma getrennt.",
    )
    voucher = blocks.CharBlock(label="Gutscheincode", required=False, max_length=100)
    disable_vouchers = blocks.BooleanBlock(
        label="Gutscheinfeld ausblenden", required=False, default=False
    )

    class Meta:
        icon = "tag"
        label = "Anmeldung (pretix)"
        template = "blocks/pretix_registration_block.html"
        value_class = PretixRegistrationValue
        help_text = (
            "Die Anmeldung lädt erst nach einem Klick der Besucher*innen; vorher wird nichts "
            "von pretix geladen."
        )
        description = "Das Anmeldeformular einer Veranstaltung aus dem pretix-Ticketshop."
        preview_value = {"event": "https://pretix.eu/oic-bielefeld/meetup-ki/"}

    def clean(self, value):
        value = super().clean(value)
        event = (value.get("event") or "").strip()
        if not (PRETIX_EVENT_URL.match(event) or PRETIX_EVENT_SLUG.match(event)):
            raise StructBlockValidationError(
                block_errors={
                    "event": ValidationError(
                        "Bitte den Kurznamen (Buchstaben, Ziffern, Punkt, Bindestrich) oder "
                        "die ganze https-Adresse der Veranstaltung angeben."
                    )
                }
            )
        items = value.get("items") or ""
        if items.strip() and not PRETIX_ITEMS.match(items):
            raise StructBlockValidationError(
                block_errors={
                    "items": ValidationError(
                        "Bitte die Produkt-Nummern mit Komma getrennt angeben, z. B. „12, 13“."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        from .models import SiteSettings

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        shop_url = SiteSettings.for_request(request).pretix_shop_url if request else ""
        context["pretix"] = value.registration(shop_url)
        return context
