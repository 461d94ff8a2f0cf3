import datetime
import re
import shutil
from io import StringIO

import frontmatter
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from blog.models import BlogPage
from downloads.models import Download
from home.models import Category, CreditedImage, Person
from importer.jekyll import jekyll_url_name, parse_liquid_include
from tests.factories import DownloadFactory, minimal_pdf_bytes, png_bytes

STARTER_KIT_SEED = "000_f16d077a1365393a.txt"
MEETUPS_SEED = "003_a5fff8d5073085d2.txt"
STARTER_KIT_URL = "/assets/downloads/OIC_CoP-Starter-Kit.pdf"


def run_import(*args):
    """Run the command; return stdout, stderr and the CommandError it raised, if any."""
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("import_jekyll", *map(str, args), stdout=stdout, stderr=stderr)
    except CommandError as raised:
        error = raised
    return stdout.getvalue(), stderr.getvalue(), error


def write_post(folder, name, body="Ein Absatz.", **front_matter):
    fields = {
        "title": "Ein Beitrag",
        "teaser": "Ein kurzer Teaser.",
        "author": "Maria Gonçalves",
        "category": "Formate",
        "date": "2026-01-15",
        **front_matter,
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    path = folder / name
    path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def assets(tmp_path):
    """A copy of the old site's /assets/ folder with the files the seed posts refer to."""
    folder = tmp_path / "assets"
    (folder / "images").mkdir(parents=True)
    (folder / "downloads").mkdir()
    (folder / "images" / "graffiti.png").write_bytes(png_bytes(colour=(200, 40, 40)))
    (folder / "images" / "ki.png").write_bytes(png_bytes(colour=(40, 200, 40)))
    (folder / "downloads" / "OIC_CoP-Starter-Kit.pdf").write_bytes(minimal_pdf_bytes("CoP"))
    return folder


@pytest.fixture
def seed_posts(seeds_dir, tmp_path):
    posts = tmp_path / "_posts"
    posts.mkdir()
    starter_kit = posts / "community-of-practice-starter-kit.md"
    meetups = posts / "ki-und-zivilgesellschaft-rueckblick.md"
    shutil.copy(seeds_dir / STARTER_KIT_SEED, starter_kit)
    shutil.copy(seeds_dir / MEETUPS_SEED, meetups)
    return starter_kit, meetups


def post_at(site_tree, path):
    return BlogPage.objects.child_of(site_tree.blog_index).get(slug=jekyll_url_name(path))


def blocks_of(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def rich_text_of(page):
    return "".join(value.source for value in blocks_of(page, "paragraph"))


def test_seed_posts_are_imported_with_fields_blocks_and_assets(
    site_tree, seed_posts, assets, client
):
    starter_kit, meetups = seed_posts

    stdout, stderr, error = run_import(starter_kit, meetups, "--assets", assets)

    assert error is None, stderr
    assert "warning" not in stderr
    assert f"created /beitraege/community-of-practice-starter-kit/ from {starter_kit}" in stdout
    assert f"created /beitraege/ki-und-zivilgesellschaft-rueckblick/ from {meetups}" in stdout

    kit_page, meetups_page = post_at(site_tree, starter_kit), post_at(site_tree, meetups)
    meetups_front_matter = frontmatter.load(meetups)
    assert meetups_front_matter["title"].startswith(" ")
    assert meetups_page.title == meetups_front_matter["title"].strip()
    assert meetups_page.teaser == meetups_front_matter["teaser"]
    assert meetups_page.date == datetime.date(2026, 1, 15)
    assert kit_page.date == datetime.date(2026, 2, 10)
    assert kit_page.live and meetups_page.live

    maria = Person.objects.get(name="Maria Gonçalves")
    assert kit_page.author_people == [maria] and meetups_page.author_people == [maria]
    category = meetups_page.categories.get()
    assert (category.name, category.slug) == (
        "KI und Zivilgesellschaft",
        "ki-und-zivilgesellschaft",
    )
    assert [c.name for c in kit_page.categories.all()] == ["Formate"]

    assert [(h["text"], h["level"]) for h in blocks_of(kit_page, "heading")][:4] == [
        ("Gemeinsam geht mehr", "h2"),
        ("Community of Practice", "h3"),
        ("Warum eine Community of Practice:", "h4"),  # #### as kramdown reads it
        ("Wie ihr eine Community of Practice startet, zeigen wir im CoP Starter Kit:", "h3"),
    ]
    assert ("Zahlen & Fakten", "h2") in [
        (h["text"], h["level"]) for h in blocks_of(meetups_page, "heading")
    ]

    [download_button] = blocks_of(kit_page, "call_to_action")
    kit = Download.objects.get()
    assert download_button["label"] == "Lade das CoP Starter Kit herunter"
    assert download_button["link_document"] == kit
    assert download_button["is_download"] and not download_button["link_url"]
    assert kit.file_extension == "pdf" and kit.file_hash

    [newsletter_button] = blocks_of(meetups_page, "call_to_action")
    assert newsletter_button["link_url"] == "/#newsletter"
    assert not newsletter_button["is_download"]

    assert kit_page.header_image.title == "graffiti"
    assert meetups_page.header_image.title == "ki"
    assert CreditedImage.objects.count() == 2

    kit_text = rich_text_of(kit_page)
    assert '<a href="mailto:maria.goncalves@bielefeld.de">Maria</a>' in kit_text
    assert '<a href="/beitraege/?filter=open-innovation-hour">' in kit_text
    assert "<li" in kit_text and "<b>Du hast Fragen zum CoP Starter Kit?</b>" in kit_text
    assert "oic-bielefeld.de" not in kit_text
    assert "mailto:innovationen@bielefeld.de" in rich_text_of(meetups_page)

    response = client.get(kit_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert kit_page.title in html
    assert kit.url in html and "Lade das CoP Starter Kit herunter" in html
    response = client.get(meetups_page.url)
    assert response.status_code == 200
    assert "KI und Zivilgesellschaft: Ein Rückblick" in response.content.decode()


def test_without_assets_folder_links_stay_urls_with_warnings(site_tree, seed_posts, client):
    starter_kit, _ = seed_posts

    stdout, stderr, error = run_import(starter_kit)

    assert error is None
    assert "created /beitraege/community-of-practice-starter-kit/" in stdout
    warnings = [line for line in stderr.splitlines() if "warning" in line]
    assert any(str(starter_kit) in line and STARTER_KIT_URL in line for line in warnings)
    assert any(
        str(starter_kit) in line and "/assets/images/graffiti.png" in line for line in warnings
    )
    page = post_at(site_tree, starter_kit)
    [button] = blocks_of(page, "call_to_action")
    assert button["link_url"] == STARTER_KIT_URL and button["link_document"] is None
    assert button["is_download"]
    assert page.header_image is None
    assert not Download.objects.exists() and not CreditedImage.objects.exists()
    assert client.get(page.url).status_code == 200


def test_missing_asset_is_a_warning_and_the_import_goes_on(site_tree, tmp_path):
    empty_assets = tmp_path / "assets"
    empty_assets.mkdir()
    post = write_post(
        tmp_path,
        "fehlend.md",
        header_image="/assets/images/nicht-da.png",
        body="Siehe [Kit](/assets/downloads/weg.pdf).\n\n![Foto](/assets/images/weg.png)",
    )

    stdout, stderr, error = run_import(post, "--assets", empty_assets)

    assert error is None and "created /beitraege/fehlend/" in stdout
    for missing in [
        "/assets/images/nicht-da.png",
        "/assets/downloads/weg.pdf",
        "/assets/images/weg.png",
    ]:
        assert any(str(post) in line and missing in line for line in stderr.splitlines())
    page = post_at(site_tree, post)
    assert page.header_image is None and not blocks_of(page, "image")
    assert '<a href="/assets/downloads/weg.pdf">Kit</a>' in rich_text_of(page)


def test_reimport_updates_the_same_page(site_tree, seed_posts, assets, client):
    starter_kit, _ = seed_posts
    run_import(starter_kit, "--assets", assets)
    page = post_at(site_tree, starter_kit)
    revisions = page.revisions.count()
    starter_kit.write_text(
        starter_kit.read_text(encoding="utf-8")
        .replace("Das Community of Practice Starter Kit", "Das neue CoP Starter Kit")
        .replace('category: "Formate"', "categories: [Formate, Rückblick]"),
        encoding="utf-8",
    )

    stdout, stderr, error = run_import(starter_kit, "--assets", assets)

    assert error is None, stderr
    assert "updated /beitraege/community-of-practice-starter-kit/" in stdout
    assert BlogPage.objects.count() == 1
    updated = BlogPage.objects.get()
    assert updated.pk == page.pk
    assert updated.title == "Das neue CoP Starter Kit"
    assert [c.slug for c in updated.categories.order_by("name")] == ["formate", "rückblick"]
    assert updated.authors.count() == 1
    assert updated.revisions.count() == revisions + 1
    assert Download.objects.count() == 1 and CreditedImage.objects.count() == 1
    response = client.get(updated.url)
    assert response.status_code == 200 and "Das neue CoP Starter Kit" in response.content.decode()


def test_existing_documents_and_images_are_reused_by_content(site_tree, tmp_path, assets):
    existing = DownloadFactory(title="Schon da")
    existing.get_file_hash()
    (assets / "downloads" / "kopie.pdf").write_bytes(minimal_pdf_bytes("Schon da"))
    post = write_post(tmp_path, "kopie.md", body="Das [Kit](/assets/downloads/kopie.pdf).")

    _, stderr, error = run_import(post, "--assets", assets)

    assert error is None, stderr
    assert Download.objects.get() == existing
    assert f'<a linktype="document" id="{existing.pk}">Kit</a>' in rich_text_of(
        post_at(site_tree, post)
    )


def test_url_name_follows_jekyll(site_tree, tmp_path, client):
    post = write_post(tmp_path, "Foo_Bar-EU.md", title="Europa")

    stdout, _, error = run_import(post)

    assert error is None
    assert "created /beitraege/foo-bar-eu/" in stdout
    page = BlogPage.objects.get(slug="foo-bar-eu")
    assert page.url == "/beitraege/foo-bar-eu/"
    assert client.get("/beitraege/foo-bar-eu/").status_code == 200
    assert jekyll_url_name("_posts/Rückblick  2025!.markdown") == "rückblick-2025"


def test_future_date_is_scheduled_not_live(site_tree, tmp_path, client):
    publication_date = timezone.localdate() + datetime.timedelta(days=30)
    post = write_post(tmp_path, "zukunft.md", title="Bald", date=publication_date.isoformat())

    _, stderr, error = run_import(post)

    assert error is None, stderr
    page = post_at(site_tree, post)
    assert not page.live
    assert timezone.localdate(page.go_live_at) == publication_date
    assert page.get_latest_revision().approved_go_live_at == page.go_live_at
    assert client.get("/beitraege/zukunft/").status_code == 404


def test_reimport_with_a_future_date_takes_a_live_post_offline_until_then(
    site_tree, tmp_path, client
):
    post = write_post(tmp_path, "verschoben.md", date="2026-01-15")
    run_import(post)
    assert client.get("/beitraege/verschoben/").status_code == 200
    publication_date = timezone.localdate() + datetime.timedelta(days=7)
    write_post(tmp_path, "verschoben.md", date=publication_date.isoformat())

    stdout, stderr, error = run_import(post)

    assert error is None, stderr
    assert "updated /beitraege/verschoben/" in stdout
    page = post_at(site_tree, post)
    assert not page.live and timezone.localdate(page.go_live_at) == publication_date
    assert client.get("/beitraege/verschoben/").status_code == 404


def test_multiline_button_include_with_single_quotes_and_options(site_tree, tmp_path, client):
    body = (
        "Alle Formate auf einen Blick:\n\n"
        "{% include cta-button.html\n"
        "   url='https://oic-bielefeld.de/formate/'  new_tab=true\n"
        "   text='Zu den Formaten' secondary=true %}\n\n"
        "{% if page.extra %}Danach{% endif %} geht es weiter."
    )
    post = write_post(tmp_path, "knopf.md", body=body)

    _, stderr, error = run_import(post)

    assert error is None, stderr
    page = post_at(site_tree, post)
    assert [block.block_type for block in page.body] == ["paragraph", "call_to_action", "paragraph"]
    [button] = blocks_of(page, "call_to_action")
    assert button["label"] == "Zu den Formaten"
    assert button["link_url"] == "/formate/"
    assert button["style"] == "secondary" and button["open_in_new_tab"]
    assert not button["is_download"]
    file_lines = post.read_text(encoding="utf-8").splitlines()
    unknown_tag_line = file_lines.index("{% if page.extra %}Danach{% endif %} geht es weiter.") + 1
    assert f"{post}: warning: line {unknown_tag_line}: Liquid tag {{% if page.extra %}}" in stderr
    assert "Danach geht es weiter." in rich_text_of(page)
    html = client.get(page.url).content.decode()
    assert 'href="/formate/"' in html and 'target="_blank"' in html


def test_markdown_becomes_editable_rich_text_and_blocks(site_tree, tmp_path, assets, client):
    (assets / "images" / "bild.png").write_bytes(png_bytes(colour=(1, 2, 3)))
    body = "\n".join(
        [
            "# Große Überschrift",
            "Ein Absatz mit *Betonung*, ~~alt~~ und [Kit](https://oic-bielefeld.de"
            + STARTER_KIT_URL
            + ").",
            "-\tPunkt eins",
            "-\tPunkt zwei",
            "",
            "#### Kleine Überschrift",
            "",
            '![Alternativtext](/assets/images/bild.png "Die Bildunterschrift")',
            "",
            "| a | b |",
            "| - | - |",
            "| 1 | 2 |",
            "",
            "<script>alert('x')</script>",
            "",
            "> Ein Zitat.",
            ">",
            "> — Etienne Wenger",
        ]
    )
    teaser = "Für alle Bielefelder*innen und Expert*innen."
    post = write_post(tmp_path, "markdown.md", body=body, teaser=f'"{teaser}"')

    _, stderr, error = run_import(post, "--assets", assets)

    assert error is None, stderr
    page = post_at(site_tree, post)
    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "heading",
        "image",
        "paragraph",
        "quote",
    ]
    assert [(h["text"], h["level"]) for h in blocks_of(page, "heading")] == [
        ("Große Überschrift", "h2"),
        ("Kleine Überschrift", "h4"),
    ]
    assert page.teaser == teaser
    [image] = blocks_of(page, "image")
    # kramdown shows an image title as a tooltip, not as a visible caption.
    assert image["caption"] == ""
    assert image["image"].title == "Die Bildunterschrift"
    assert image["image"].description == "Alternativtext"
    assert (image["image"].contextual_alt_text, image["image"].decorative) == (
        "Alternativtext",
        False,
    )
    [quote] = blocks_of(page, "quote")
    quote_html = re.sub(r' data-block-key="[^"]*"', "", quote["text"].source)
    assert (quote_html, quote["source"]) == ("<p>Ein Zitat.</p>", "Etienne Wenger")

    text = rich_text_of(page)
    kit = Download.objects.get()
    assert f'<a linktype="document" id="{kit.pk}">Kit</a>' in text
    assert "<i>Betonung</i>" in text
    assert re.search(r"</p><ul><li[^>]*>Punkt eins</li><li[^>]*>Punkt zwei</li></ul>", text)
    assert "alert" not in text
    allowed_tags = {"p", "b", "i", "ul", "ol", "li", "a", "br"}
    assert set(re.findall(r"</?([a-z0-9]+)", text)) <= allowed_tags
    assert "table" in stderr and "raw HTML" not in stderr

    html = client.get(page.url).content.decode()
    assert "Die Bildunterschrift" not in html and kit.url in html


def test_refused_document_is_reported_and_the_post_imported(site_tree, tmp_path, assets):
    (assets / "downloads" / "kaputt.pdf").write_bytes(png_bytes())
    post = write_post(
        tmp_path,
        "kaputt.md",
        body='{% include cta-button.html text="Kit" url="/assets/downloads/kaputt.pdf" %}',
    )

    stdout, stderr, error = run_import(post, "--assets", assets)

    assert error is None and "created /beitraege/kaputt/" in stdout
    assert f"{post}: warning:" in stderr and "/assets/downloads/kaputt.pdf refused" in stderr
    [button] = blocks_of(post_at(site_tree, post), "call_to_action")
    assert button["link_url"] == "/assets/downloads/kaputt.pdf"
    assert not Download.objects.exists()


def test_bad_files_are_reported_and_the_good_ones_imported(site_tree, tmp_path, client):
    good = write_post(tmp_path, "gut.md", title="Guter Beitrag")
    missing = tmp_path / "fehlt.md"
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("---\ntitle: Rückblick\n---\n".encode("latin-1"))
    broken_yaml = tmp_path / "yaml.md"
    broken_yaml.write_text('---\ntitle: "Ok"\nteaser: a: b\ndate: 2026-01-01\n---\nText\n')
    no_title = write_post(tmp_path, "ohne-titel.md", title=None)
    bad_date = write_post(tmp_path, "datum.md", date="2026-02-30")
    bad_files = [missing, latin1, broken_yaml, no_title, bad_date]

    stdout, stderr, error = run_import(*bad_files[:3], good, *bad_files[3:])

    assert str(error) == "5 of 6 files failed to import."
    assert f"created /beitraege/gut/ from {good}" in stdout
    assert client.get("/beitraege/gut/").status_code == 200
    errors = {line.split(": ", 1)[0]: line for line in stderr.splitlines()}
    assert set(errors) == {str(path) for path in bad_files}
    assert "not found" in errors[str(missing)]
    assert "UTF-8" in errors[str(latin1)] and "line 2" in errors[str(latin1)]
    assert "line 3" in errors[str(broken_yaml)] and "YAML" in errors[str(broken_yaml)]
    assert "title" in errors[str(no_title)]
    assert "2026-02-30" in errors[str(bad_date)]
    assert BlogPage.objects.count() == 1


def test_missing_blog_index_is_a_command_error(db, tmp_path):
    post = write_post(tmp_path, "beitrag.md")

    with pytest.raises(CommandError, match="blog index"):
        call_command("import_jekyll", str(post), stdout=StringIO(), stderr=StringIO())


def test_parent_must_be_a_blog_index(site_tree, tmp_path):
    post = write_post(tmp_path, "beitrag.md")

    with pytest.raises(CommandError, match=f"Page {site_tree.home.pk} is not a blog index"):
        call_command(
            "import_jekyll", str(post), "--parent", str(site_tree.home.pk), stdout=StringIO()
        )
    assert not BlogPage.objects.exists()
    assert not Category.objects.exists()


@pytest.mark.parametrize(
    "tag",
    [
        '{% include cta-button.html text="Kit" url="/kit.pdf" download=true %}',
        "{%- include cta-button.html download=true url='/kit.pdf'\n     text='Kit' -%}",
    ],
)
def test_parse_liquid_include_reads_attributes_in_any_order_and_quoting(tag):
    include = parse_liquid_include(tag)

    assert include.template == "cta-button.html"
    assert include.params == {"text": "Kit", "url": "/kit.pdf", "download": True}
    assert parse_liquid_include("{% if page.x %}") is None


def test_a_teaser_of_todays_length_is_imported_whole(site_tree, tmp_path):
    teaser = "Ein Satz über offene Innovation in Bielefeld. " * 9  # 414 characters
    path = write_post(tmp_path, "langer-teaser.md", title="Langer Teaser", teaser=teaser)

    _, stderr, error = run_import(path)

    assert error is None and "teaser" not in stderr
    assert BlogPage.objects.get(slug="langer-teaser").teaser == teaser.strip()


def test_a_teaser_over_the_limit_is_shortened_and_kept_whole_in_the_body(site_tree, tmp_path):
    teaser = " ".join(f"Wort{number}" for number in range(100))
    path = write_post(tmp_path, "sehr-lang.md", title="Sehr lang", teaser=teaser)

    _, stderr, error = run_import(path)

    assert error is None
    post = BlogPage.objects.get(slug="sehr-lang")
    assert len(post.teaser) <= 500 and post.teaser.endswith("…")
    assert teaser.startswith(post.teaser.removesuffix("…"))
    assert teaser in post.body[0].value.source
    assert f"line 3: the teaser has {len(teaser)} characters" in stderr


def test_a_folder_imports_the_posts_in_it_by_name(site_tree, tmp_path):
    folder = tmp_path / "_beitraege"
    folder.mkdir()
    write_post(folder, "b-zweiter.md", title="Zweiter")
    write_post(folder, "a-erster.md", title="Erster")
    (folder / "notizen.txt").write_text("keine Beitrag")

    stdout, _, error = run_import(folder)

    assert error is None
    assert stdout.index("/beitraege/a-erster/") < stdout.index("/beitraege/b-zweiter/")
    assert sorted(BlogPage.objects.values_list("title", flat=True)) == ["Erster", "Zweiter"]


def test_a_folder_without_posts_is_named(site_tree, tmp_path):
    _, _, error = run_import(tmp_path)

    assert str(error) == f"{tmp_path} is a folder without Markdown posts (*.md)."


def test_an_inline_raw_image_in_a_paragraph_does_not_stop_the_batch(site_tree, tmp_path, assets):
    inline = write_post(
        tmp_path,
        "bild-im-text.md",
        title="Bild im Text",
        body='Ein Absatz mit <img src="/assets/images/graffiti.png" alt="Graffiti"> mitten drin.',
    )
    other = write_post(tmp_path, "danach.md", title="Danach")

    stdout, stderr, error = run_import(inline, other, "--assets", assets)

    assert "/beitraege/danach/" in stdout
    assert "Traceback" not in stderr
    assert BlogPage.objects.filter(slug="danach").exists()
