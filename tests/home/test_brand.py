"""The OIC brand on every page: self-hosted fonts, logo, icons, the newsletter bar."""

import hashlib
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from home.models import SiteSettings

BRAND_DIR = Path(settings.BASE_DIR) / "website" / "demo_content" / "brand"


def static_file(url):
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not among the static files"
    return Path(path)


def test_pages_use_self_hosted_open_sans_and_nothing_from_elsewhere(client, site_tree):
    html = client.get("/").text
    assert not re.search(r'<(script|img|source|iframe)[^>]+(src|srcset)="(https?:)?//', html)
    assert not re.search(
        r'<link rel="(stylesheet|preload|icon|apple-touch-icon|manifest)" href="(https?:)?//', html
    )
    preloaded = re.findall(r'<link rel="preload" href="([^"]+\.woff2)" as="font"', html)
    assert {Path(url).name for url in preloaded} == {
        "OpenSans-Regular.woff2",
        "OpenSans-Bold.woff2",
    }
    css_path = static_file("/static/css/site.css")
    css = css_path.read_text(encoding="utf-8")
    faces = re.findall(r"@font-face \{[^}]*font-weight: (\d+);[^}]*url\(\"([^\"]+)\"\)", css)
    assert [weight for weight, _url in faces] == ["400", "600", "700"]
    for _weight, url in faces:
        assert (css_path.parent / url).resolve().exists()
    assert "fonts.googleapis" not in css


def test_header_and_footer_show_the_logo_with_the_organisations_name(client, site_tree):
    html = client.get("/").text
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert (
        '<img class="site-header__logo" src="/static/images/logo.svg" '
        'alt="Open Innovation City Bielefeld – Startseite"'
    ) in header
    assert (
        '<img class="site-footer__logo" src="/static/images/logo-light.png" '
        'alt="Open Innovation City Bielefeld – Eine Initiative der Stadt Bielefeld"'
    ) in footer


def test_pages_link_the_favicon_touch_icon_and_a_manifest_whose_icons_exist(client, site_tree):
    html = client.get("/").text
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    touch_icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', html).group(1)
    manifest_url = re.search(r'<link rel="manifest" href="([^"]+)"', html).group(1)
    assert static_file(icon).stat().st_size > 0
    assert static_file(touch_icon).stat().st_size > 0
    manifest_path = static_file(manifest_url)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["lang"] == "de"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for entry in manifest["icons"]:
        assert (manifest_path.parent / entry["src"]).exists()


def test_the_newsletter_bar_shows_the_editors_text_and_leads_to_the_sign_up(client, site_tree):
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.newsletter_bar_text = "Neu: unser Newsletter zur Open Innovation Hour."
    site_settings.save()
    html = client.get("/beitraege/").text
    bar = html.split('<aside class="newsletter-bar"', 1)[1].split("</aside>", 1)[0]
    assert "Neu: unser Newsletter zur Open Innovation Hour." in bar
    assert '<a class="button button--primary" href="/newsletter/">Newsletter abonnieren</a>' in bar
    assert "Newsletter-Hinweis schließen" in bar


def test_an_empty_bar_text_hides_the_bar(client, site_tree):
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.newsletter_bar_text = ""
    site_settings.save()
    assert "newsletter-bar" not in client.get("/").text


def test_the_demo_shows_the_brand_kits_illustrations(client, shared_demo_site):
    from blog.models import BlogPage

    graffiti = hashlib.sha1((BRAND_DIR / "graffiti.png").read_bytes()).hexdigest()
    ki = hashlib.sha1((BRAND_DIR / "ki.png").read_bytes()).hexdigest()
    posts = {post.slug: post for post in BlogPage.objects.select_related("header_image")}
    assert posts["community-of-practice-starter-kit"].header_image.file_hash == graffiti
    assert posts["ki-und-zivilgesellschaft-rueckblick"].header_image.file_hash == ki
    home_html = client.get("/").text
    hero = home_html.split('<section class="hero hero--image"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'<img alt="" class="hero__backdrop" fetchpriority="high"', hero)
    assert "Illustration: Open Innovation City Bielefeld" in hero
