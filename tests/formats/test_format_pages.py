import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from formats.models import DownloadsPage, FormatIndexPage, FormatPage
from tests.factories import (
    BlogPageFactory,
    CategoryFactory,
    DownloadFactory,
    FormatPageFactory,
    PersonFactory,
)
from website.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop_format(site_tree):
    category = CategoryFactory(name="Community of Practice")
    kit = DownloadFactory(title="CoP Starter Kit", description="Anleitung in zehn Schritten")
    maria = PersonFactory(name="Maria Gonçalves", email="maria@bielefeld.de")
    format_page = FormatPageFactory(
        parent=site_tree.format_index,
        title="Community of Practice",
        slug="community-of-practice",
        teaser="Selbstorganisierte Lerngruppen.",
        category=category,
        contact_person=maria,
        kits=[kit],
    )
    return format_page, category, kit


def test_format_page_shows_kit_contact_and_newest_posts(client, site_tree, cop_format):
    format_page, category, kit = cop_format
    for day in range(1, 6):
        BlogPageFactory(
            parent=site_tree.blog_index,
            title=f"CoP-Treffen {day}",
            date=datetime.date(2026, 1, day),
            categories=[category],
        )
    BlogPageFactory(parent=site_tree.blog_index, title="Anderes Thema")

    response = client.get("/formate/community-of-practice/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Community of Practice</h1>" in html
    assert f'href="{kit.url}" download' in html
    assert "(PDF, " in html and kit.type_and_size in html
    assert "Anleitung in zehn Schritten" in html
    assert "Du hast Fragen? Dann melde dich bei Maria Gonçalves" in html
    assert "Weitere Beiträge zu diesem Format" in html
    newest = html.split("Weitere Beiträge zu diesem Format")[1]
    assert "CoP-Treffen 5" in newest and "CoP-Treffen 3" in newest
    assert "CoP-Treffen 2" not in newest and "Anderes Thema" not in newest
    assert 'href="/beitraege/?filter=community-of-practice"' in newest


def test_kit_download_returns_the_pdf(client, cop_format):
    _, _, kit = cop_format
    response = client.get(kit.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_format_index_lists_formats(client, cop_format):
    html = client.get("/formate/").content.decode()
    assert '<a href="/formate/community-of-practice/">Community of Practice</a>' in html
    assert "Selbstorganisierte Lerngruppen." in html


def test_downloads_page_lists_kits_by_format(client, site_tree, cop_format):
    format_page, _, kit = cop_format
    FormatPageFactory(parent=site_tree.format_index, title="MeetUps", slug="meetups")
    downloads = DownloadsPage(title="Downloads", slug="downloads")
    site_tree.home.add_child(instance=downloads)
    downloads.save_revision().publish()

    html = client.get("/downloads/").content.decode()
    assert '<a href="/formate/community-of-practice/">Community of Practice</a>' in html
    assert kit.type_and_size in html
    assert "MeetUps" not in html.split("<main")[1]  # a format without kits is left out


class TestFormatPageTypeRules(WagtailPageTestCase):
    def test_structure(self):
        self.assertAllowedParentPageTypes(FormatPage, {FormatIndexPage})
        self.assertAllowedParentPageTypes(FormatIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FormatIndexPage, {FormatPage})
