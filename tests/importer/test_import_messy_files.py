"""``import_jekyll`` on post files as editors really commit them, not as the seeds look."""

import datetime
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from blog.models import BlogPage
from home.models import CreditedImage, Person
from importer.jekyll import jekyll_url_name, read_post
from tests.factories import PersonFactory, png_bytes

DEFAULT_LINES = {
    "title": 'title: "Ein Beitrag"',
    "teaser": 'teaser: "Ein kurzer Teaser."',
    "author": 'author: "Maria Gonçalves"',
    "date": "date: 2026-01-15",
}


def post_text(body="Ein Absatz.", **lines):
    """A post's text. Each keyword is the raw front matter line for that key (``None`` leaves
    it out), so title is line 2, teaser 3, author 4, date 5 and further keys follow.
    ``body=None`` ends the file right after the closing ``---``, without a newline."""
    front_matter = "\n".join(line for line in {**DEFAULT_LINES, **lines}.values() if line)
    text = f"---\n{front_matter}\n---"
    return text if body is None else f"{text}\n\n{body}\n"


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def run_import(*args):
    """Run the command; return stdout, stderr and the CommandError it raised, if any."""
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("import_jekyll", *map(str, args), stdout=stdout, stderr=stderr)
    except CommandError as raised:
        error = raised
    return stdout.getvalue(), stderr.getvalue(), error


def imported_page(site_tree, path, *options):
    """Import one file that must import without errors or warnings; return its page."""
    _, stderr, error = run_import(path, *options)
    assert error is None and not stderr, stderr
    return BlogPage.objects.child_of(site_tree.blog_index).get(slug=jekyll_url_name(path))


def rich_text_of(page):
    return "".join(block.value.source for block in page.body if block.block_type == "paragraph")


@pytest.fixture
def assets(tmp_path):
    folder = tmp_path / "assets"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "x.png").write_bytes(png_bytes(colour=(10, 120, 200)))
    return folder


def test_byte_order_mark_and_windows_line_endings(site_tree, tmp_path, client):
    text = post_text(body="Erster Absatz.\n\n{% if page.x %}Zweiter{% endif %} Absatz.")
    post = write(tmp_path, "windows.md", "\ufeff" + text.replace("\n", "\r\n"))

    _, stderr, error = run_import(post)

    assert error is None, stderr
    page = BlogPage.objects.get(slug="windows")
    assert (page.title, page.teaser, page.date) == (
        "Ein Beitrag",
        "Ein kurzer Teaser.",
        datetime.date(2026, 1, 15),
    )
    assert "Erster Absatz." in rich_text_of(page) and "\r" not in rich_text_of(page)
    liquid_line = text.split("\n").index("{% if page.x %}Zweiter{% endif %} Absatz.") + 1
    assert f"{post}: warning: line {liquid_line}: Liquid tag {{% if page.x %}}" in stderr
    assert client.get(page.url).status_code == 200


def test_front_matter_without_body_or_newline_after_it(site_tree, tmp_path, client):
    post = write(tmp_path, "nur-kopf.md", post_text(body=None))

    page = imported_page(site_tree, post)

    assert page.title == "Ein Beitrag" and len(page.body) == 0
    assert client.get(page.url).status_code == 200


def test_decomposed_unicode_file_name_gives_the_composed_url(site_tree, tmp_path, client):
    decomposed = unicodedata.normalize("NFD", "Rückblick.md")
    assert decomposed != "Rückblick.md"
    title_line = unicodedata.normalize("NFD", "title: Rückblick auf 2025")
    post = write(tmp_path / "mac", decomposed, post_text(title=title_line))

    page = imported_page(site_tree, post)

    assert page.slug == "rückblick" and page.title == "Rückblick auf 2025"
    assert client.get("/beitraege/r%C3%BCckblick/").status_code == 200
    composed = write(tmp_path / "linux", "Rückblick.md", post_text(title="title: Neu"))
    stdout, _, error = run_import(composed)
    assert error is None and "updated /beitraege/r%C3%BCckblick/" in stdout
    assert [page.title for page in BlogPage.objects.all()] == ["Neu"]


def test_files_that_are_not_posts_get_one_line_each_and_the_run_goes_on(site_tree, tmp_path):
    collection = tmp_path / "_posts"
    good = write(collection, "gut.md", post_text())
    no_extension = write(collection, "README", post_text())
    (collection / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00\xff\xfe")
    no_front_matter = write(collection, "notizen.md", "# Nur Notizen\n\nOhne Kopf.\n")

    stdout, stderr, error = run_import(*sorted(collection.iterdir()))

    assert str(error) == "3 of 4 files failed to import."
    assert f"created /beitraege/gut/ from {good}" in stdout
    assert sorted(stderr.splitlines()) == sorted(
        [
            f"{collection / '.DS_Store'}: not a post: the file name has no extension "
            "(Jekyll publishes posts named like NAME.md)",
            f"{no_extension}: not a post: the file name has no extension "
            "(Jekyll publishes posts named like NAME.md)",
            f"{no_front_matter}: line 1: not a post: no YAML front matter (a post starts with "
            "a --- line; Jekyll copies other files as they are)",
        ]
    )
    assert BlogPage.objects.count() == 1


@pytest.mark.parametrize(
    "line",
    [
        'header_image: " "',
        'header_image: ""',
        "header_image:",
        "header_image: null",
        "header_image: ~",
    ],
)
def test_empty_header_image_means_none_without_a_warning(site_tree, tmp_path, assets, line):
    post = write(tmp_path, "ohne-bild.md", post_text(header_image=line))

    page = imported_page(site_tree, post, "--assets", assets)

    assert page.header_image is None


@pytest.mark.parametrize(
    "url",
    [
        "/assets/images/x.png",
        "assets/images/x.png",
        "../assets/images/x.png",
        "./assets/images/x.png",
    ],
)
def test_relative_header_image_is_the_site_asset(site_tree, tmp_path, assets, url):
    post = write(tmp_path, "relativ.md", post_text(header_image=f"header_image: {url}"))

    page = imported_page(site_tree, post, "--assets", assets)

    assert page.header_image.title == "x" and CreditedImage.objects.count() == 1


def test_missing_header_image_is_a_warning_and_the_post_imported(site_tree, tmp_path, assets):
    post = write(
        tmp_path, "fehlt.md", post_text(header_image="header_image: assets/images/weg.png")
    )

    stdout, stderr, error = run_import(post, "--assets", assets)

    assert error is None and "created /beitraege/fehlt/" in stdout
    [warning] = stderr.splitlines()
    assert warning.startswith(f"{post}: warning: line 6: /assets/images/weg.png not found")
    assert BlogPage.objects.get().header_image is None


def test_one_person_named_twice_in_a_post_is_one_author(site_tree, tmp_path):
    post = write(tmp_path, "zwei.md", post_text(author="authors: [Jan Schmidt, JAN  schmidt]"))

    page = imported_page(site_tree, post)

    assert [person.name for person in page.author_people] == ["Jan Schmidt"]
    assert Person.objects.count() == 1


def test_author_spelled_without_accent_is_the_existing_person(site_tree, tmp_path):
    maria = PersonFactory(name="Maria Gonçalves")
    post = write(tmp_path, "ohne-akzent.md", post_text(author="author: maria goncalves"))

    page = imported_page(site_tree, post)

    assert page.author_people == [maria]
    assert Person.objects.count() == 1


def test_author_matching_several_people_takes_the_first_with_a_warning(site_tree, tmp_path):
    first = PersonFactory(name="Maria Gonçalves")
    PersonFactory(name="Maria Goncalves")
    post = write(tmp_path, "zwei-marias.md", post_text(author="author: MARIA GONÇALVES"))

    _, stderr, error = run_import(post)

    assert error is None
    assert BlogPage.objects.get().author_people == [first]
    assert f"{post}: warning: author 'MARIA GONÇALVES' could be any of" in stderr
    assert Person.objects.count() == 2


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("title: „Hallo Welt“", "Hallo Welt"),
        ("title: “Hallo Welt”", "Hallo Welt"),
        ('title: „Hallo Welt"', "Hallo Welt"),
        ('title: "Hallo Welt“', "Hallo Welt"),
        ("title: »Ein „kurzer“ Titel«", "Ein „kurzer“ Titel"),
        ("title: „Projekt #1: Start“", "Projekt #1: Start"),
        ("title: „Ja“, sagte sie, „gern“", "„Ja“, sagte sie, „gern“"),
    ],
)
def test_typographic_quotes_used_as_yaml_quotes(site_tree, tmp_path, line, title):
    post = write(tmp_path, "zitat.md", post_text(title=line))

    assert imported_page(site_tree, post).title == title


@pytest.mark.parametrize(
    "line",
    [
        r'teaser: "Für Bürger\*innen"',
        r"teaser: Für Bürger\*innen",
        r"teaser: 'Für Bürger\*innen'",
        r"teaser: „Für Bürger\*innen“",
        r'teaser:"Für Bürger\*innen"',
    ],
)
def test_markdown_escapes_in_the_front_matter_are_read_as_markdown(site_tree, tmp_path, line):
    post = write(tmp_path, "gendern.md", post_text(teaser=line))

    assert imported_page(site_tree, post).teaser == "Für Bürger*innen"


def test_quotes_inside_double_quotes_stay_escaped(site_tree, tmp_path):
    post = write(tmp_path, "haus.md", post_text(teaser=r'teaser: "Das \"Haus\" der Bürger\*innen"'))

    assert imported_page(site_tree, post).teaser == 'Das "Haus" der Bürger*innen'


def test_missing_space_after_the_colon(site_tree, tmp_path, assets):
    post = write(
        tmp_path,
        "eng.md",
        post_text(title="title:Eng", teaser='teaser:"Kurz."', header_image='header_image:""'),
    )

    page = imported_page(site_tree, post, "--assets", assets)

    assert (page.title, page.teaser, page.header_image) == ("Eng", "Kurz.", None)


def test_markdown_escaped_key(site_tree, tmp_path, assets):
    post = write(
        tmp_path, "schluessel.md", post_text(header_image=r"header\_image: /assets/images/x.png")
    )

    page = imported_page(site_tree, post, "--assets", assets)

    assert page.header_image.title == "x"


def test_times_and_numbers_stay_text(site_tree, tmp_path):
    post = write(tmp_path, "uhrzeit.md", post_text(title="title: 18:00", time="time: 18:00"))

    page = imported_page(site_tree, post)

    assert page.title == "18:00"
    front_matter = read_post(post).front_matter
    assert front_matter["time"] == "18:00" and front_matter["date"] == datetime.date(2026, 1, 15)


@pytest.mark.parametrize(
    "teaser",
    [
        'teaser: "Ein langer Teaser,\n  der weitergeht."',
        'teaser: "Ein langer Teaser, \\\n  der\\ weitergeht."',
        "teaser: 'Ein langer Teaser,\n  der weitergeht.'",
    ],
)
def test_quoted_value_continued_on_indented_lines(site_tree, tmp_path, teaser):
    post = write(tmp_path, "lang.md", post_text(teaser=teaser))

    assert imported_page(site_tree, post).teaser == "Ein langer Teaser, der weitergeht."


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ({"title": 'title: "Hallo'}, 'line 2: the quote " is not closed on this line'),
        # YAML alone would read the title "Hallo teaser: Welt" and go on.
        ({"title": 'title: "Hallo', "teaser": 'teaser: Welt"'}, "line 2: the quote "),
        ({"teaser": "teaser: 'Kurz"}, "line 3: the quote ' is not closed on this line"),
        (
            {"date": "date: 2025-24-09"},
            "line 5: invalid date '2025-24-09' (month must be in 1..12), expected YYYY-MM-DD",
        ),
        (
            {"title": r"title: Rückblick", "teaser": "teaser: Fazit: gut"},
            "line 3: invalid YAML front matter: mapping values are not allowed here",
        ),
        (
            {"title": 'title: "Das "Haus" am See"'},
            "line 2: invalid YAML front matter: expected <block end>, but found '<scalar>' "
            '(text after a closing quote? write a quote inside a quoted value as \\")',
        ),
    ],
)
def test_broken_front_matter_is_one_line_with_the_file_line(site_tree, tmp_path, lines, message):
    good = write(tmp_path, "gut.md", post_text())
    broken = write(tmp_path, "kaputt.md", post_text(**lines))

    stdout, stderr, error = run_import(broken, good)

    assert str(error) == "1 of 2 files failed to import."
    [line] = stderr.splitlines()
    assert line.startswith(f"{broken}: {message}")
    assert "created /beitraege/gut/" in stdout and BlogPage.objects.count() == 1


WARNED_LINES = {
    "title": "title: Wir sind #OIC",
    "teaser": r'teaser: "Bürger\_innen"',
    "category": "category: Formate",
    "again": "category: Rückblick",
}


def test_repairs_that_could_be_wrong_are_warnings_with_their_line(tmp_path):
    post = write(tmp_path, "vielleicht.md", post_text(**WARNED_LINES))

    read = read_post(post)

    assert (read.title, read.teaser, read.categories) == ("Wir sind", "Bürger_innen", ["Rückblick"])
    assert read.warnings == [
        (
            "the text after “#” is a YAML comment and left out (#OIC); "
            "put the value in quotes to keep it",
            2,
        ),
        ("\\_ is read as _ (as in Markdown), not as YAML's no-break space", 3),
        ("category is given again (first on line 6); the value on this line is used", 7),
    ]


def test_repair_warnings_are_reported_by_the_command(site_tree, tmp_path):
    post = write(tmp_path, "vielleicht.md", post_text(**WARNED_LINES))

    _, stderr, error = run_import(post)

    assert error is None
    assert f"{post}: warning: line 2: the text after “#” is a YAML comment" in stderr
    assert f"{post}: warning: line 3: \\_ is read as _" in stderr
    assert f"{post}: warning: line 7: category is given again" in stderr
