"""Every newsletter e-mail: German, HTML and plain text, with RFC 8058 one-click unsubscribe."""

from email.utils import parseaddr
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .tokens import unsubscribe_token


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_mailto(token):
    address = settings.NEWSLETTER_UNSUBSCRIBE_EMAIL or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return f"mailto:{address}?subject={quote('Abmelden ' + token)}"


def unsubscribe_urls(subscriber):
    """``(token, page URL, one-click URL)`` of the subscriber's personal unsubscribe link."""
    token = unsubscribe_token(subscriber)
    return (
        token,
        absolute_url(reverse("newsletter:unsubscribe", args=[token])),
        absolute_url(reverse("newsletter:unsubscribe_one_click", args=[token])),
    )


def unsubscribe_headers(token, one_click_url):
    return {
        "List-Unsubscribe": f"<{one_click_url}>, <{unsubscribe_mailto(token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def newsletter_email(subscriber, subject, template_name, context):
    """Render ``template_name`` (.txt and .html) for one subscriber, with unsubscribe headers."""
    token, unsubscribe_page, one_click_url = unsubscribe_urls(subscriber)
    context = {**context, "subscriber": subscriber, "unsubscribe_url": unsubscribe_page}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template_name}.txt", context),
        to=[subscriber.email],
        headers=unsubscribe_headers(token, one_click_url),
    )
    message.attach_alternative(render_to_string(f"{template_name}.html", context), "text/html")
    return message


def confirmation_email(subscriber, confirmation_token):
    confirm_url = absolute_url(reverse("newsletter:confirm", args=[confirmation_token]))
    return newsletter_email(
        subscriber,
        "Bitte bestätige deine Anmeldung zum Newsletter",
        "newsletter/email/confirmation",
        {
            "confirm_url": confirm_url,
            "valid_hours": settings.NEWSLETTER_CONFIRMATION_VALID_HOURS,
        },
    )
