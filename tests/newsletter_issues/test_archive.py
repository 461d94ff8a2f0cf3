"""Sent issues stay readable on the site: /newsletter/<slug>/, listed at /newsletter/, in RSS."""

import pytest
from django.core.management import call_command

from newsletter_issues.models import NewsletterIndexPage, NewsletterIssuePage
from tests.newsletter_issues.helpers import NewsletterIndexPageFactory, publish_issue, subscribers
from tests.newsletter_issues.test_sending import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(site_tree):
    return NewsletterIndexPageFactory(parent=site_tree.home)


def test_a_sent_issue_is_listed_readable_and_in_the_feed(client, index):
    subscribers(confirmed=1)
    sent = publish_issue(index, title="Ausgabe Januar", slug="januar")
    send(sent)
    publish_issue(index, title="Noch nicht versendet", slug="februar")

    listing = client.get("/newsletter/")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert 'href="/newsletter/januar/"' in html
    assert "Noch nicht versendet" not in html
    assert '<form class="newsletter-form"' in html
    assert 'type="application/rss+xml"' in html

    page = client.get("/newsletter/januar/")
    assert page.status_code == 200
    assert "Liebe Leser*innen" in page.content.decode()
    assert "Newsletter vom" in page.content.decode()

    feed = client.get("/newsletter/feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert "/newsletter/januar/</guid>" in feed.content.decode()
    assert "Noch nicht versendet" not in feed.content.decode()


def test_without_an_archive_page_newsletter_is_the_sign_up_page(client, site_tree):
    response = client.get("/newsletter/")

    assert response.status_code == 200
    assert '<form class="newsletter-form"' in response.content.decode()


def test_the_issue_page_types_fit_the_tree(site_tree, index):
    assert NewsletterIndexPage.can_exist_under(site_tree.home)
    assert not NewsletterIndexPage.can_create_at(site_tree.home), "one archive per site"
    assert NewsletterIssuePage.can_create_at(index)
    assert not NewsletterIssuePage.can_exist_under(site_tree.home)


def test_the_demo_adds_the_archive_and_one_unsent_draft_once(db, settings, seeds_dir):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    index = NewsletterIndexPage.objects.get()
    assert index.live and index.url == "/newsletter/"
    (issue,) = NewsletterIssuePage.objects.all()
    assert not issue.live
    assert issue.sent_mailing() is None
    assert issue.render_newsletter().subject == "Neues aus der Open Innovation City Bielefeld"
