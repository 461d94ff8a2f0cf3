import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

OPT_OUT_HASH_SALT = "newsletter.opt-out-proof"


def normalise_email(address):
    """Addresses are compared and stored in one spelling: trimmed and lowercase."""
    return address.strip().lower()


def opt_out_hash(address):
    """A keyed hash of the address: proves a past opt-out without keeping the address."""
    secret = settings.NEWSLETTER_OPT_OUT_HASH_KEY or settings.SECRET_KEY
    return salted_hmac(
        OPT_OUT_HASH_SALT, normalise_email(address), secret=secret, algorithm="sha256"
    ).hexdigest()


class ConsentText(models.Model):
    """One version of the consent wording shown next to a sign-up form, stored once."""

    text = models.TextField("Einwilligungstext")
    text_hash = models.CharField(max_length=64, unique=True, editable=False)
    first_shown_at = models.DateTimeField("Erstmals verwendet", auto_now_add=True)

    class Meta:
        verbose_name = "Einwilligungstext"
        verbose_name_plural = "Einwilligungstexte"

    def __str__(self):
        return f"Version {self.pk}"

    @classmethod
    def version_for(cls, text):
        text_hash = hashlib.sha256(text.encode()).hexdigest()
        return cls.objects.get_or_create(text_hash=text_hash, defaults={"text": text})[0]


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """A newsletter sign-up with the proof of consent German law asks for (GDPR, UWG § 7)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Unbestätigt"
        CONFIRMED = "confirmed", "Bestätigt"
        UNSUBSCRIBED = "unsubscribed", "Abgemeldet"
        # The receiving server refused the address for good (an SMTP 5xx answer to RCPT).
        BOUNCED = "bounced", "Unzustellbar"

    email = models.EmailField("E-Mail-Adresse", unique=True)
    first_name = models.CharField("Vorname", max_length=100, blank=True)
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    consent_text = models.ForeignKey(
        ConsentText,
        verbose_name="Einwilligungstext",
        on_delete=models.PROTECT,
        related_name="subscribers",
    )
    consent_page_url = models.CharField("Seite der Anmeldung", max_length=500, blank=True)
    signed_up_at = models.DateTimeField("Angemeldet am", default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField("Bestätigungs-E-Mail gesendet am", null=True)
    confirmed_at = models.DateTimeField("Bestätigt am", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("Abgemeldet am", null=True, blank=True)
    bounced_at = models.DateTimeField("Unzustellbar seit", null=True, blank=True)
    bounce_reason = models.CharField("Antwort des Mailservers", max_length=500, blank=True)
    signup_ip_address = models.GenericIPAddressField(
        "IP-Adresse bei der Anmeldung", null=True, blank=True
    )
    confirmation_token_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_up_at"]
        verbose_name = "Abonnent*in"
        verbose_name_plural = "Abonnent*innen"

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class OptOutProof(models.Model):
    """What remains of an unsubscribed entry after the retention period: a keyed hash."""

    email_hash = models.CharField(max_length=64, db_index=True)
    signed_up_at = models.DateTimeField("Angemeldet am", null=True)
    unsubscribed_at = models.DateTimeField("Abgemeldet am")
    anonymised_at = models.DateTimeField("Anonymisiert am", default=timezone.now)

    class Meta:
        verbose_name = "Nachweis einer Abmeldung"
        verbose_name_plural = "Nachweise von Abmeldungen"

    def __str__(self):
        return f"Abmeldung vom {self.unsubscribed_at:%d.%m.%Y}"


class Mailing(models.Model):
    """One newsletter issue on its way to the subscribers: the rendered message and its state.

    The message is rendered once, from the published revision, when the send starts; every
    recipient gets that text with their own unsubscribe link put in (``UNSUBSCRIBE_PLACEHOLDER``).
    """

    class State(models.TextChoices):
        SCHEDULED = "scheduled", "Geplant"
        SENDING = "sending", "Wird versendet"
        STOPPED = "stopped", "Angehalten"
        FINISHED = "finished", "Versendet"

    # An issue page deleted later leaves its delivery records (who got what, and bounces).
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="Ausgabe",
        null=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_mailing",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name="Fassung", null=True, on_delete=models.SET_NULL
    )
    subject = models.CharField("Betreff", max_length=255)
    html_body = models.TextField("HTML-Fassung")
    text_body = models.TextField("Textfassung")
    issue_url = models.URLField("Adresse im Archiv", max_length=500)
    state = models.CharField(
        "Status", max_length=20, choices=State.choices, default=State.SCHEDULED, db_index=True
    )
    send_after = models.DateTimeField("Versand ab", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Versendet von",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    started_at = models.DateTimeField("Versand begonnen am", null=True)
    finished_at = models.DateTimeField("Versand beendet am", null=True)
    # A fresh token per chain of batch tasks: resuming starts a new chain and the old one, if it
    # is still alive, stops at its next claim (newsletter/mailings.py).
    chain_token = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = "Newsletter-Versand"
        verbose_name_plural = "Newsletter-Versände"
        permissions = [("send_mailing", "Kann Newsletter versenden")]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One issue for one subscriber: claimed before the message goes out, marked after."""

    class State(models.TextChoices):
        QUEUED = "queued", "Wartet"
        SENDING = "sending", "Wird gesendet"
        SENT = "sent", "Gesendet"
        BOUNCED = "bounced", "Unzustellbar"
        FAILED = "failed", "Fehlgeschlagen"
        SKIPPED = "skipped", "Ausgelassen"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField("Status", max_length=20, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    claimed_by = models.CharField(max_length=200, blank=True)
    claimed_at = models.DateTimeField(null=True)
    sent_at = models.DateTimeField("Gesendet am", null=True)
    error = models.CharField("Fehler", max_length=500, blank=True)

    class Meta:
        verbose_name = "Zustellung"
        verbose_name_plural = "Zustellungen"
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        # The claim takes the queued delivery with the fewest attempts, then the oldest.
        indexes = [models.Index(fields=["mailing", "state", "attempts", "id"])]

    def __str__(self):
        return f"{self.mailing} → {self.subscriber_id}"
