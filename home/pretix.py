"""How visitors register for an event: not at all, in the pretix shop, or on another site."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.db import models

PRETIX_WIDGET_LANGUAGE = "de"
PRETIX_ITEMS = re.compile(r"^\s*\d+(\s*,\s*\d+)*\s*$")


class RegistrationKind(models.TextChoices):
    NONE = "none", "Keine Anmeldung nötig"
    PRETIX = "pretix", "Anmeldung über pretix"
    EXTERNAL = "external", "Anmeldung über eine andere Seite"


def split_items(value):
    """``"12, 13"`` → ``["12", "13"]``."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


@dataclass(frozen=True)
class PretixRegistration:
    """The addresses of one event in a pretix shop.

    Nothing here is loaded by the page itself: the template shows a plain link, and only after
    the visitor's click does ``static/js/pretix-consent.js`` fetch the widget's CSS and script.
    """

    shop_url: str
    event_slug: str
    items: str = ""
    voucher: str = ""
    vouchers_disabled: bool = False

    @property
    def event_url(self):
        return f"{self.shop_url.rstrip('/')}/{self.event_slug}/"

    @property
    def host(self):
        return urlsplit(self.shop_url).hostname or ""

    @property
    def link_url(self):
        """The shop page that works without JavaScript; a voucher opens pretix's redeem page."""
        if self.voucher:
            return f"{self.event_url}redeem?{urlencode({'voucher': self.voucher})}"
        return self.event_url

    @property
    def widget_css_url(self):
        return f"{self.event_url}widget/v2.css"

    @property
    def widget_script_url(self):
        parts = urlsplit(self.shop_url)
        return f"{parts.scheme}://{parts.netloc}/widget/v2.{PRETIX_WIDGET_LANGUAGE}.js"

    @property
    def item_ids(self):
        return ",".join(split_items(self.items))
