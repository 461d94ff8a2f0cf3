"""The sign-up form where editors place it: page bodies, the footer, the standalone page."""

import pytest

from home.models import SiteSettings
from newsletter.blocks import DEFAULT_CONSENT_HTML
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NEWSLETTER_BLOCK = (
    "newsletter",
    {
        "heading": "Bleib informiert",
        "text": "Einmal im Monat.",
        "button_label": "Jetzt anmelden",
        "consent_text": DEFAULT_CONSENT_HTML,
    },
)


@pytest.fixture
def page_with_form(site_tree):
    return StandardPageFactory(
        parent=site_tree.home, title="Mitmachen", slug="mitmachen", body=[NEWSLETTER_BLOCK]
    )


def enable_footer_form(site):
    settings = SiteSettings.for_site(site)
    settings.footer_newsletter = [NEWSLETTER_BLOCK]
    settings.save()


def test_block_renders_an_accessible_form_without_javascript(client, page_with_form):
    html = client.get(page_with_form.url).content.decode()
    section = html.split('<section class="newsletter" id="newsletter"')[1].split("</section>")[0]
    assert 'aria-labelledby="newsletter-heading"' in section
    assert '<h2 id="newsletter-heading">Bleib informiert</h2>' in section
    assert 'action="/newsletter/anmelden/" method="post"' in section
    assert "csrfmiddlewaretoken" not in section  # cacheable: see oic_cms/same_origin.py
    assert '<label for="newsletter-email">E-Mail-Adresse' in section
    assert '<label for="newsletter-first_name">Vorname (freiwillig)</label>' in section
    assert '<label for="newsletter-consent">Ja, ich willige ein.' in section
    assert " checked" not in section
    assert 'href="/datenschutz/"' in section
    assert 'aria-describedby="newsletter-consent-text"' in section
    assert ">Jetzt anmelden</button>" in section
    assert "<script" not in section


def test_the_form_carries_the_consent_text_and_page_it_was_shown_on(client, page_with_form):
    from django.core import signing

    from newsletter.forms import SIGNUP_CONTEXT_SALT

    html = client.get(page_with_form.url).content.decode()
    signed = html.split('name="context" value="')[1].split('"')[0]
    payload = signing.loads(signed.replace("&quot;", '"'), salt=SIGNUP_CONTEXT_SALT)
    assert payload["consent"] == DEFAULT_CONSENT_HTML
    assert payload["page"] == page_with_form.full_url


def test_footer_form_appears_on_pages_without_their_own_form(client, site_tree, page_with_form):
    enable_footer_form(site_tree.site)
    plain_page = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")

    plain = client.get(plain_page.url).content.decode()
    assert plain.count('id="newsletter"') == 1
    assert 'class="footer-newsletter"' in plain
    assert client.get("/newsletter/").content.decode().count('<form class="newsletter-form"') == 1

    with_own_form = client.get(page_with_form.url).content.decode()
    assert with_own_form.count('id="newsletter"') == 1
    assert 'class="footer-newsletter"' not in with_own_form


def test_two_forms_on_one_page_get_distinct_ids(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.home, title="Zweimal", slug="zweimal", body=[NEWSLETTER_BLOCK] * 2
    )
    html = client.get(page.url).content.decode()
    assert html.count('id="newsletter"') == 1
    assert 'for="newsletter-2-email"' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/?newsletter=true", "/#newsletter"),
        ("/beitraege/?filter=formate&newsletter=true", "/beitraege/?filter=formate#newsletter"),
    ],
)
def test_old_deep_links_jump_to_the_form(client, site_tree, url, expected):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_standalone_signup_page(client, site_tree):
    response = client.get("/newsletter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<section id="newsletter"' in html
    assert "<h1" in html and html.count("<h1") == 1
    assert 'content="noindex"' in html


def test_newsletter_block_is_offered_to_editors(site_tree):
    from home.blocks import BodyStreamBlock

    block = BodyStreamBlock().child_blocks["newsletter"]
    assert block.label == "Newsletter-Anmeldung"
    assert block.meta.icon == "mail"
    assert block.is_previewable
