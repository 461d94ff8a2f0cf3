"""The messages of a newsletter issue: one rendering, personalised per recipient."""

import re
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.html import escape

from .emails import absolute_url, unsubscribe_headers, unsubscribe_urls

# Stands in the rendered issue where each recipient's own unsubscribe link goes.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/personal-link"
RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')
TEST_SUBJECT_PREFIX = "[Test] "


def with_absolute_links(html):
    """Mail clients know no "current site": every link and image address must be absolute."""
    return RELATIVE_LINK.sub(lambda match: f'{match[1]}{escape(absolute_url(match[2]))}"', html)


def sender_domain():
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


def list_id():
    return settings.NEWSLETTER_LIST_ID or (
        f"Newsletter der Open Innovation City Bielefeld <oic-newsletter.{sender_domain()}>"
    )


def delivery_message_id(delivery):
    """Fixed per delivery: a message sent again after a crash (see newsletter/mailings.py)
    carries the same Message-ID, by which mail clients recognise it as the same message."""
    return f"<newsletter.{delivery.mailing_id}.{delivery.pk}@{sender_domain()}>"


def personalised(mailing, unsubscribe_url):
    html = mailing.html_body.replace(UNSUBSCRIBE_PLACEHOLDER, escape(unsubscribe_url))
    text = mailing.text_body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url)
    return html, text


def issue_message(mailing, delivery):
    """The issue for one subscriber: their own unsubscribe link, RFC 8058 and 2919 headers."""
    subscriber = delivery.subscriber
    token, unsubscribe_page, one_click_url = unsubscribe_urls(subscriber)
    html, text = personalised(mailing, unsubscribe_page)
    message = EmailMultiAlternatives(
        subject=mailing.subject,
        body=text,
        to=[subscriber.email],
        headers={
            **unsubscribe_headers(token, one_click_url),
            "List-Id": list_id(),
            "List-Archive": f"<{mailing.issue_url}>",
            "Message-ID": delivery_message_id(delivery),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def test_message(rendered, address):
    """A test of the current draft for one address; its unsubscribe link leads to the sign-up
    page, since the address need not be a subscriber."""
    signup = absolute_url(reverse("newsletter:signup"))
    html = rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(signup))
    text = rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, signup)
    message = EmailMultiAlternatives(
        subject=TEST_SUBJECT_PREFIX + rendered.subject,
        body=text,
        to=[address],
        headers={"List-Id": list_id()},
    )
    message.attach_alternative(html, "text/html")
    return message
