import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, BlogPage
from tests.factories import BlogPageFactory, CategoryFactory, ImageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_post_shows_fields_authors_and_categories(client, site_tree):
    maria = PersonFactory(name="Maria Gonçalves", role="Projektleitung", email="maria@bielefeld.de")
    guest = PersonFactory(name="Jan Gast", role="Gastautor", photo=ImageFactory())
    category = CategoryFactory(name="KI und Zivilgesellschaft")
    post = BlogPageFactory(
        parent=site_tree.blog_index,
        title="Zehn Meetups",
        teaser="Ein Rückblick auf ein thematisches Format.",
        date=datetime.date(2026, 1, 15),
        authors=[maria, guest],
        categories=[category],
        header_image=ImageFactory(description="Menschen im Innovation Office", credit="© Foto OIC"),
    )
    html = client.get(post.url).content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Zehn Meetups</h1>" in html
    assert '<time datetime="2026-01-15">15. Januar 2026</time>' in html
    assert (
        '<a class="pill" href="/beitraege/?filter=ki-und-zivilgesellschaft">'
        "KI und Zivilgesellschaft</a>" in html
    )
    assert "Von Maria Gonçalves und Jan Gast" in html
    assert html.index('card__name">Maria Gonçalves') < html.index('card__name">Jan Gast')
    assert '<a href="mailto:maria@bielefeld.de">' in html
    assert "Gastautor" in html
    assert 'alt="Menschen im Innovation Office"' in html
    assert "Bild: © Foto OIC" in html
    assert '<meta name="description" content="Ein Rückblick auf ein thematisches Format.">' in html
    assert (
        '<meta property="og:description" content="Ein Rückblick auf ein thematisches Format.">'
        in html
    )
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert f'<link rel="canonical" href="{post.full_url}">' in html


def test_share_image_address_is_absolute_wherever_media_are_served(client, site_tree, settings):
    post = BlogPageFactory(parent=site_tree.blog_index, header_image=ImageFactory())
    settings.WAGTAILADMIN_BASE_URL = "https://oic-bielefeld.de"
    html = client.get(post.url).content.decode()
    # The site's public address, not the host this request happened to name.
    assert re.search(
        r'<meta property="og:image" content="https://oic-bielefeld\.de/media/images/[^"/]+\.jpg">',
        html,
    )
    # Media in a bucket or behind a CDN bring their own absolute address.
    settings.MEDIA_URL = "https://medien.example.org/"
    html = client.get(post.url).content.decode()
    assert re.search(
        r'<meta property="og:image" content="https://medien\.example\.org/images/[^"/]+\.jpg">',
        html,
    )


def test_decorative_header_image_has_empty_alt(client, site_tree):
    post = BlogPageFactory(
        parent=site_tree.blog_index,
        header_image=ImageFactory(description="Bunte Kreise"),
        header_image_is_decorative=True,
    )
    html = client.get(post.url).content.decode()
    assert 'alt=""' in html
    assert 'alt="Bunte Kreise"' not in html


def test_related_posts_link_each_other_with_the_right_label(client, site_tree):
    announcement = BlogPageFactory(
        parent=site_tree.blog_index, title="Einladung zur Hour", date=datetime.date(2026, 3, 1)
    )
    review = BlogPageFactory(
        parent=site_tree.blog_index, title="So war die Hour", date=datetime.date(2026, 3, 20)
    )
    announcement.related_post = review
    announcement.save_revision().publish()

    announcement_html = client.get(announcement.url).content.decode()
    assert f'<a href="{review.url}">Zum Rückblick: So war die Hour</a>' in announcement_html
    review_html = client.get(review.url).content.decode()
    assert f'<a href="{announcement.url}">Zur Ankündigung: Einladung zur Hour</a>' in review_html

    review.unpublish()
    assert "Zum Rückblick" not in client.get(announcement.url).content.decode()


def test_future_date_schedules_publication_for_that_day(site_tree):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    post = BlogPage(
        title="Kommt morgen",
        teaser="Angekündigt.",
        date=tomorrow,
    )
    post.categories = [CategoryFactory()]
    site_tree.blog_index.add_child(instance=post)
    post.full_clean()
    post.save_revision().publish()
    post.refresh_from_db()

    assert post.live is False
    expected = datetime.datetime.combine(tomorrow, datetime.time.min, ZoneInfo("Europe/Berlin"))
    assert post.latest_revision.approved_go_live_at == expected


def test_teaser_is_required_and_limited_to_500_characters(site_tree):
    """Today's site has teasers of up to 420 characters; 500 is the limit."""
    from django.core.exceptions import ValidationError

    post = BlogPage(title="Lang", slug="lang", teaser="x" * 500)
    post.full_clean(exclude=["path", "depth"])
    post.teaser = "x" * 501
    with pytest.raises(ValidationError) as error:
        post.full_clean(exclude=["path", "depth"])
    assert "teaser" in error.value.message_dict
    post.teaser = ""
    with pytest.raises(ValidationError) as error:
        post.full_clean(exclude=["path", "depth"])
    assert "teaser" in error.value.message_dict


class TestPageTypeRules(WagtailPageTestCase):
    def test_posts_live_only_under_the_listing(self):
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, {})
        self.assertCanNotCreateAt(Page, BlogPage)
