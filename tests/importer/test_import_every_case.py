"""``import_jekyll_site`` on top of the demo, with what the real site held and the corpus did not:
legal and landing pages, Markdown that only kramdown reads so, raw HTML, a pretix shop of
another organiser, broken and oversized images, namesake files, a link out of the folder."""

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from blog.models import BlogPage
from home.models import CreditedImage, CreditedImageRendition, StandardPage
from tests.importer import real_sized_site
from tests.importer.jekyll_site_import import CORPUS, blocks_of, rich_text_of, run_import

KRAMDOWN_POST = (
    """---
title: Wie kramdown schreibt
teaser: Alles, was die alte Seite anders las als CommonMark.
author: Jonas Weber
category: Open Innovation Hour
date: 2024-06-01
---

"""
    + real_sized_site.KRAMDOWN_CASES
)

BROKEN_IMAGES_POST = """---
title: Bilder, die nicht gehen
teaser: Ein Kopfbild zu groß, ein Bild kaputt.
author: Jonas Weber
date: 2024-06-02
header_image: /assets/images/riesig.png
---

![Kaputt](/assets/images/kaputt.jpg)

Der Text bleibt.
"""


def post_text(title, body="Text."):
    return (
        f"---\ntitle: {title}\nteaser: Kurz.\nauthor: Jonas Weber\ndate: 2024-06-03\n---\n\n"
        f"{body}\n"
    )


PAGES = {
    "impressum.md": "---\ntitle: Impressum\n---\n\nStadt Bielefeld, Amt für Innovation.\n",
    "datenschutz.md": "---\ntitle: Datenschutzerklärung\n---\n\n## Cookies\n\nKeine.\n",
    "jahresbericht-2024.md": (
        "---\ntitle: Jahres&shy;bericht 2024\ndescription: Was 2024 geschah.\n---\n\n"
        "Ein Jahr in Zahlen.\n"
    ),
    "workshops/index.md": "---\ntitle: Workshops\npermalink: /workshops/\n---\n\nZum Mitmachen.\n",
}


@pytest.fixture
def old_site(tmp_path):
    site = Path(shutil.copytree(CORPUS, tmp_path / "site"))
    (site / "_config.yml").write_text(
        "title: OIC\nkramdown:\n  smart_quotes: sbquo,lsquo,bdquo,ldquo\n", encoding="utf-8"
    )
    (site / "_includes").mkdir()
    (site / "_includes" / "pretix-widget.html").write_text(
        '<div class="pretix-widget-compat" '
        'event="https://pretix.eu/oic-werkstatt/{{ include.event }}/"></div>\n',
        encoding="utf-8",
    )
    posts = site / "_beitraege"
    (posts / "kramdown.md").write_text(KRAMDOWN_POST, encoding="utf-8")
    (posts / "kaputte-bilder.md").write_text(BROKEN_IMAGES_POST, encoding="utf-8")
    (posts / "Dup-Post.md").write_text(post_text("Der erste"), encoding="utf-8")
    (posts / "dup_post.md").write_text(post_text("Der zweite"), encoding="utf-8")
    outside = tmp_path / "geheim.md"
    outside.write_text(post_text("Nicht von dieser Seite"), encoding="utf-8")
    (posts / "ausserhalb.md").symlink_to(outside)
    for name, text in PAGES.items():
        (site / name).parent.mkdir(exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    images = site / "assets" / "images"
    # 12,000 × 12,000 one-bit pixels: a few kilobytes on disk, 144 million pixels to decode.
    Image.new("1", (12_000, 12_000)).save(images / "riesig.png")
    (images / "kaputt.jpg").write_bytes(b"\xff\xd8\xff\xe0 no image after all")
    return site


@pytest.fixture
def imported(shared_demo_site, old_site):
    return run_import(old_site)


def kramdown_page():
    return BlogPage.objects.get(slug="kramdown")


def test_nothing_that_an_editor_could_fix_is_refused(imported):
    stdout, stderr, error = imported
    failed = stdout.splitlines()[stdout.splitlines().index("Failed (4):") + 1 :]
    # Only the corpus' four files that cannot be represented (no name, impossible dates, a
    # broken quote) fail; every new case here arrives.
    assert [line.split(":")[0].strip() for line in failed] == [
        "_data/team.yml",
        "_beitraege/falsches-datum.md",
        "_beitraege/offenes-anfuehrungszeichen.md",
        "_data/events.yml",
    ], stdout
    assert "Traceback" not in stderr and "unexpected error" not in stderr


def test_headings_keep_their_level_and_link(imported):
    headings = [(h["text"], h["level"], h["link"]) for h in blocks_of(kramdown_page(), "heading")]
    assert headings == [
        ("Mehr im Bericht", "h2", "https://example.org/bericht"),
        ("Vierte Ebene", "h4", ""),
        ("Fünfte Ebene", "h4", ""),
    ]
    assert (
        "_beitraege/kramdown.md: warning: line 13: heading level 5 shown as level 4"
        in (imported[1])
    )


def test_a_quote_keeps_its_link_and_its_source(imported, client):
    [quote] = blocks_of(kramdown_page(), "quote")
    html = re.sub(r' data-block-key="[^"]*"', "", quote["text"].source)
    assert html == '<p>Ein Zitat mit <a href="https://example.org/quelle">Quelle</a>.</p>'
    assert quote["source"] == "Etienne Wenger"
    page = client.get("/beitraege/kramdown/").content.decode()
    assert '<blockquote><p>Ein Zitat mit <a href="https://example.org/quelle">Quelle</a>' in (
        re.sub(r' data-block-key="[^"]*"', "", page)
    )


def test_typography_breaks_notes_and_attribute_lists_as_kramdown_wrote_them(imported):
    text = rich_text_of(kramdown_page())
    # German quotes from _config.yml's smart_quotes; kramdown's ellipsis and en dash.
    assert "Sie sagte: „Gemeinsam geht mehr“ … und dann – Stille." in text
    assert "Erste Zeile<br/>1) keine Liste" in text and "<ol>" not in text
    assert "Ein Satz mit Fußnote[1]." in text and "[1] Die Anmerkung." in text
    assert "Ein Absatz mit Klasse." in text and "{:" not in text
    stderr = imported[1]
    assert "_beitraege/kramdown.md: warning: line 26: footnotes: kept as numbered notes" in stderr
    assert "_beitraege/kramdown.md: warning: line 29: kramdown attribute list" in stderr


def test_raw_html_becomes_image_link_break_and_video(imported):
    page = kramdown_page()
    text = rich_text_of(page)
    assert '<a href="/beitraege/ki-meetup-rueckblick/">Rückblick</a> und<br/>ein Umbruch.' in (
        text.replace("\n", " ")
    )
    assert "<img" not in text
    images = blocks_of(page, "image")
    assert [image["image"].contextual_alt_text for image in images] == ["Publikum im Saal", "Bühne"]
    [video] = blocks_of(page, "video")
    assert (video["url"], video["title"]) == (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "Mitschnitt",
    )
    assert '<a href="https://karten.example.org/bielefeld">' in text
    assert (
        "embedded frame https://karten.example.org/bielefeld is not a video; kept as a link"
        in imported[1]
    )


def test_an_image_title_is_the_images_title_not_a_caption(imported):
    [_, stage] = blocks_of(kramdown_page(), "image")
    assert (stage["caption"], stage["image"].title) == ("", "Das Innovation Office")


def test_pretix_keeps_the_organiser_of_the_old_include(imported, client):
    [registration] = blocks_of(kramdown_page(), "pretix_registration")
    assert registration["event"] == "https://pretix.eu/oic-werkstatt/werkstatt-1/"
    html = client.get("/beitraege/kramdown/").content.decode()
    assert 'data-pretix-event="https://pretix.eu/oic-werkstatt/werkstatt-1/"' in html


def test_an_oversized_or_broken_image_is_left_out_and_the_post_arrives(imported, client):
    stdout, stderr, _ = imported
    page = BlogPage.objects.get(slug="kaputte-bilder")
    assert page.live and page.header_image is None and not blocks_of(page, "image")
    assert "Der Text bleibt." in rich_text_of(page)
    assert (
        "_beitraege/kaputte-bilder.md: warning: line 6: /assets/images/riesig.png refused (more "
        "pixels than can be processed safely, a possible decompression bomb); the image is left out"
    ) in stderr
    assert (
        "_beitraege/kaputte-bilder.md: warning: line 9: /assets/images/kaputt.jpg refused (not "
        "an image file that can be read); the image is left out"
    ) in stderr
    assert client.get("/beitraege/kaputte-bilder/").status_code == 200


def test_a_link_out_of_the_site_folder_is_refused(imported):
    assert (
        "_beitraege/ausserhalb.md: refused: a link to a file outside the site's folder"
        in imported[1]
    )
    assert not BlogPage.objects.filter(title="Nicht von dieser Seite").exists()


def test_two_files_of_one_address_are_both_kept_and_both_reported(imported, client):
    stderr = imported[1]
    assert (
        BlogPage.objects.get(slug="dup-post").title,
        BlogPage.objects.get(slug="dup-post-2").title,
    ) == (
        "Der erste",
        "Der zweite",
    )
    assert (
        "_beitraege/Dup-Post.md: warning: dup_post.md has the same address (dup-post); it is "
        "imported as dup-post-2"
    ) in stderr
    assert (
        "_beitraege/dup_post.md: warning: Dup-Post.md has the same address (dup-post); this file "
        "is imported as dup-post-2, without a redirect from the old address"
    ) in stderr
    assert "Der erste" in client.get("/beitraege/dup-post/").content.decode()


def test_legal_pages_replace_the_demos_placeholders(imported, client):
    impressum = client.get("/impressum/").content.decode()
    assert "Stadt Bielefeld, Amt für Innovation." in impressum
    assert "Vertretungsberechtigt" not in impressum  # the demo's placeholder text
    datenschutz = StandardPage.objects.get(slug="datenschutz")
    assert datenschutz.title == "Datenschutzerklärung"
    assert [block.block_type for block in datenschutz.body] == ["heading", "paragraph"]


def test_other_top_level_pages_stay_at_their_address(imported, client):
    report = client.get("/jahresbericht-2024/")
    assert report.status_code == 200
    page = StandardPage.objects.get(slug="jahresbericht-2024")
    assert (page.title, page.intro) == ("Jahres\u00adbericht 2024", "Was 2024 geschah.")
    assert "Zum Mitmachen." in client.get("/workshops/").content.decode()
    response = client.get("/workshops/index.html")
    assert (response.status_code, response["Location"]) == (301, "/workshops/")


def test_old_image_addresses_lead_to_the_original(imported, client):
    image = CreditedImage.objects.get(title="Das Innovation Office")
    response = client.get("/assets/images/beitraege/meetup.jpg")
    assert (response.status_code, response["Location"]) == (301, image.file.url)
    assert not Redirect.objects.filter(old_path="/assets/images/riesig.png").exists()


def test_alt_text_warnings_are_one_counted_line_per_post_unless_verbose(shared_demo_site, old_site):
    _, stderr, _ = run_import(old_site)
    gallery_lines = [line for line in stderr.splitlines() if "galerie-barcamp" in line]
    assert gallery_lines == [
        "_beitraege/galerie-barcamp.md: warning: 3 images without alt text (line 9), marked "
        "decorative until an editor describes them; --verbose names each"
    ]
    _, verbose, _ = run_import(old_site, "--verbose")
    assert (
        len([line for line in verbose.splitlines() if "galerie-barcamp.md: warning" in line]) == 3
    )


def test_the_import_makes_the_sizes_its_pages_show(shared_demo_site, old_site, client):
    demo_images = set(CreditedImage.objects.values_list("pk", flat=True))
    stdout, _, _ = run_import(old_site)
    assert re.search(r"^image sizes: made for (\d+) of \1 images$", stdout, re.M), stdout
    imported_renditions = CreditedImageRendition.objects.exclude(image__in=demo_images)
    made_by_the_import = imported_renditions.count()
    for path in ["/beitraege/galerie-barcamp/", "/beitraege/kramdown/", "/beitraege/"]:
        assert client.get(path).status_code == 200
    assert made_by_the_import > 0
    assert imported_renditions.count() == made_by_the_import


def test_a_second_run_changes_nothing(imported, old_site):
    last_revision = Revision.objects.order_by("pk").last()
    stdout, _, _ = run_import(old_site)
    assert not Revision.objects.filter(pk__gt=last_revision.pk).exists(), stdout
    for line in stdout.splitlines()[2:12]:
        kind, created, updated = re.match(r"(\D+?)\s+(\d+)\s+(\d+)", line).groups()
        assert (created, updated) == ("0", "0"), line
