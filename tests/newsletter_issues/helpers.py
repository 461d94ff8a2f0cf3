"""An issue, its subscribers and the users who compose and send it, as the tests need them."""

from wagtail.models import Page

from newsletter_issues.models import NewsletterIndexPage, NewsletterIssuePage
from tests.factories import PageFactory
from tests.newsletter.test_admin import subscriber

INTRO = "<p>Liebe Leser*innen, hier ist, was bei uns los war.</p>"


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "Newsletter"
    slug = "newsletter"


def issue_body(**posts):
    return [
        ("intro", INTRO),
        ("posts", {"heading": "Neu im Blog", "selection": "since_last_issue", "count": 5, **posts}),
        ("events", {"heading": "Kommende Veranstaltungen", "count": 4}),
        ("closing", "<p>Bis bald!</p>"),
    ]


def publish_issue(index, title="Ausgabe Januar", **fields):
    issue = NewsletterIssuePage(title=title, body=issue_body(), **fields)
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return Page.objects.get(pk=issue.pk).specific


def subscribers(confirmed=3, **others):
    """``confirmed`` confirmed addresses, plus one per other status named (pending=…)."""
    made = [subscriber(f"leser{number}@example.org") for number in range(confirmed)]
    for status, email in others.items():
        made.append(subscriber(email, status))
    return made
