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
