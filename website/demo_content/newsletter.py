"""The demo's newsletter: the archive at /newsletter/ and one issue as a draft, not sent."""

from newsletter_issues.models import NewsletterIndexPage, NewsletterIssuePage

from .records import demo_child_page, demo_object, page_key

SAMPLE_ISSUE_SLUG = "ausgabe-1"


def load_demo_newsletter(home, log):
    index = demo_child_page(
        home,
        NewsletterIndexPage,
        "newsletter",
        log,
        title="Newsletter",
        intro=(
            "Was in der Open Innovation City los ist, einmal im Monat per E-Mail. Hier stehen "
            "alle bisherigen Ausgaben."
        ),
    )
    demo_object(
        page_key(NewsletterIssuePage, SAMPLE_ISSUE_SLUG),
        lambda: (
            NewsletterIssuePage.objects.child_of(index).filter(slug=SAMPLE_ISSUE_SLUG).first()
            if index
            else None
        ),
        lambda: sample_issue(index, log),
    )


def sample_issue(index, log):
    """A draft for editors to try the preview and the test e-mail on; nobody gets it."""
    if index is None:
        return None
    issue = NewsletterIssuePage(
        title="Newsletter Nr. 1",
        slug=SAMPLE_ISSUE_SLUG,
        live=False,
        subject="Neues aus der Open Innovation City Bielefeld",
        preheader="Neue Beiträge und die nächsten Termine",
        body=[
            (
                "intro",
                "<p>Hallo,</p><p>schön, dass du dabei bist! Hier ist, was seit dem letzten "
                "Newsletter bei uns passiert ist und was als Nächstes kommt.</p>",
            ),
            ("posts", {"heading": "Neu im Blog", "selection": "since_last_issue", "count": 5}),
            ("events", {"heading": "Kommende Veranstaltungen", "count": 4}),
            (
                "closing",
                "<p>Bis bald in Bielefeld!<br/>Dein Team der Open Innovation City</p>",
            ),
        ],
    )
    index.add_child(instance=issue)
    issue.save_revision()
    log(f"created draft newsletter issue {issue.title!r}")
    return NewsletterIssuePage.objects.get(pk=issue.pk)
