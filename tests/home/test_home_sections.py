"""The one-page home: sections editors arrange, each reachable by today's anchors."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings
from tests.factories import BlogPageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db

TODAYS_ANCHORS = ["about", "events", "team", "projects", "contact", "newsletter"]


def element_ids(html):
    return re.findall(r'\sid="([^"]+)"', html)


def test_demo_home_has_every_section_with_todays_anchor(client, shared_demo_site):
    html = client.get("/").content.decode()
    ids = element_ids(html)
    for anchor in TODAYS_ANCHORS:
        assert ids.count(anchor) == 1, anchor
    assert html.count("<h1") == 1
    for heading in (
        "Was wir tun",
        "Kommende Veranstaltungen",
        "Neueste Beiträge",
        "Unsere Formate",
        "Team",
        "Projekte",
        "Kontakt",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "<iframe" not in html
    assert 'href="https://www.openstreetmap.org/' in html


def test_editors_reorder_sections_and_the_page_follows(client, site_tree):
    home = site_tree.home
    home.body = [
        ("contact", {"heading": "Kontakt"}),
        ("hero", {"heading": "Willkommen", "intro": "", "actions": []}),
        ("what_we_do", {"heading": "Was wir tun", "cards": [{"title": "Vernetzen", "text": "x"}]}),
    ]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert html.index('id="contact"') < html.index("<h1") < html.index('id="about"')


def test_anchor_goes_to_the_first_section_of_its_kind_only(client, site_tree):
    home = site_tree.home
    contact = ("contact", {"heading": "Kontakt"})
    home.body = [contact, contact]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert element_ids(html).count("contact") == 1


def test_home_without_hero_still_has_one_h1(client, site_tree):
    home = site_tree.home
    home.body = [("latest_posts", {"heading": "Neueste Beiträge", "number": 3})]
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<h1 class="visually-hidden">Startseite</h1>' in html
    assert html.count("<h1") == 1


def test_contact_section_shows_the_site_settings(client, site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.office_address = "Innovation Office\nAlter Markt 13"
    settings.postal_address = "Stadt Bielefeld\n33597 Bielefeld"
    settings.opening_hours = "Di. 10–16 Uhr"
    settings.contact_email = "innovationen@bielefeld.de"
    settings.contact_phone = "0521 51-0"
    settings.save()
    home = site_tree.home
    home.body = [("contact", {"heading": "Kontakt", "map_url": "https://osm.org/go/x"})]
    home.save_revision().publish()
    section = client.get("/").content.decode().split('id="contact"')[1].split("</section>")[0]
    assert "<address>Innovation Office<br>Alter Markt 13</address>" in section
    assert "Stadt Bielefeld<br>33597 Bielefeld" in section
    assert "Di. 10–16 Uhr" in section
    assert 'href="mailto:innovationen@bielefeld.de"' in section
    assert 'href="tel:052151-0"' in section
    assert 'href="https://osm.org/go/x" rel="noopener"' in section


def test_hero_supplies_meta_description_and_social_image(site_tree):
    home = HomePage.objects.get(pk=site_tree.home.pk)
    assert home.meta_description == "Gemeinsam Bielefelds Zukunft gestalten."
    assert home.social_image is None


def test_home_queries_do_not_grow_with_the_number_of_posts(client, shared_demo_site):
    from blog.models import BlogIndexPage

    blog_index = BlogIndexPage.objects.get()

    def home_queries():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    before = home_queries()
    for number in range(8):
        BlogPageFactory(parent=blog_index, title=f"Zusatzbeitrag {number}")
    assert home_queries() == before
