"""``import_jekyll_site`` on tests/blog/jekyll_site, a small copy of the old site with the
mistakes its editors really commit. Tests look at the pages, URLs and redirects that result."""

import datetime
import re
import shutil
import zoneinfo
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from blog.authors import AuthorIndexPage
from blog.models import BlogPage
from downloads.models import Download
from events.models import EventPage
from home.models import CreditedImage, Person
from methods.models import MethodIndexPage, MethodPage
from projects.models import Project
from tests.events.factories import EventIndexPageFactory
from tests.factories import CategoryFactory, FormatPageFactory, PageFactory

CORPUS = Path(__file__).parent / "jekyll_site"
RETROSPECTIVE = "/beitraege/ki-meetup-rueckblick/"


class MethodIndexPageFactory(PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Methodenkoffer"
    slug = "methoden"


class AuthorIndexPageFactory(PageFactory):
    class Meta:
        model = AuthorIndexPage

    title = "Autor*innen"
    slug = "autoren"


@pytest.fixture
def old_site(tmp_path):
    """A copy of the corpus, so a test may edit it."""
    return Path(shutil.copytree(CORPUS, tmp_path / "site"))


@pytest.fixture
def new_site(site_tree):
    """The new site's skeleton as editors set it up before the switch."""
    format_index = site_tree.format_index
    site_tree.open_innovation_hour = FormatPageFactory(
        parent=format_index,
        title="Open Innovation Hour",
        slug="open-innovation-hour",
        category=CategoryFactory(name="Open Innovation Hour"),
    )
    site_tree.meetups = FormatPageFactory(
        parent=format_index,
        title="MeetUps",
        slug="meetups",
        category=CategoryFactory(name="KI und Zivilgesellschaft"),
    )
    site_tree.methods = MethodIndexPageFactory(parent=site_tree.home)
    site_tree.events = EventIndexPageFactory(parent=site_tree.home)
    site_tree.authors = AuthorIndexPageFactory(parent=site_tree.home)
    return site_tree


def run_import(root, *options):
    """Run the command; return stdout, stderr and the CommandError it raised, if any."""
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("import_jekyll_site", str(root), *options, stdout=stdout, stderr=stderr)
    except CommandError as raised:
        error = raised
    return stdout.getvalue(), stderr.getvalue(), error


def summary_row(stdout, kind):
    """``{"created": 3, …}`` from the summary's row for ``kind`` (``posts``, ``images`` …)."""
    lines = stdout.splitlines()
    header = lines[lines.index("Summary:") + 1].split()
    row = next(line for line in lines if line.startswith(kind + " "))
    return dict(zip(header, map(int, row[len(kind) :].split()), strict=True))


def post(slug):
    return BlogPage.objects.get(slug=slug)


def blocks_of(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def rich_text_of(page):
    """The page's text blocks without Draftail's random ``data-block-key`` attributes."""
    html = "".join(block.value.source for block in page.body if block.block_type == "paragraph")
    return re.sub(r' data-block-key="[^"]*"', "", html)


def test_every_post_method_person_event_and_project_arrives(new_site, old_site, client):
    stdout, stderr, error = run_import(old_site)

    assert str(error) == "5 of the site's files or entries failed to import."
    assert sorted(BlogPage.objects.values_list("slug", flat=True)) == [
        "foo-bar-eu",
        "galerie-barcamp",
        "ki-meetup-ankuendigung",
        "ki-meetup-rueckblick",
        "nur-kopfdaten",
        "rückblick-sommerfest",
        "windows",
        "zukunft",
    ]
    assert sorted(MethodPage.objects.values_list("slug", flat=True)) == [
        "lego-serious-play",
        "walt-disney-methode",
    ]
    assert sorted(Person.objects.values_list("name", flat=True)) == [
        "Jonas Weber",
        "Maria Gonçalves",
    ]
    assert sorted(EventPage.objects.values_list("title", flat=True)) == [
        "KI-MeetUp #11: KI in der Verwaltung",
        "Open Innovation Hour im Juni",
    ]
    assert sorted(Project.objects.values_list("title", flat=True)) == ["Citizen Lab", "KoSI-Lab"]
    assert summary_row(stdout, "posts") == {
        "created": 8,
        "updated": 0,
        "unchanged": 0,
        "skipped": 2,
        "failed": 2,
    }
    assert summary_row(stdout, "methods")["failed"] == 1
    assert summary_row(stdout, "events")["failed"] == 1
    assert summary_row(stdout, "persons")["failed"] == 1
    assert "missing assets: 1" in stdout
    for url in [RETROSPECTIVE, "/beitraege/foo-bar-eu/", "/methoden/lego-serious-play/"]:
        assert client.get(url).status_code == 200, url


def test_each_problem_is_one_line_with_file_line_and_reason(new_site, old_site):
    _, stderr, _ = run_import(old_site)
    problems = [line for line in stderr.splitlines() if ": warning: " not in line]

    assert sorted(problems) == sorted(
        [
            "_beitraege/LIESMICH: skipped: not a post: the file name has no extension (Jekyll "
            "publishes posts named like NAME.md)",
            "_beitraege/entwurf.md: line 1: skipped: not a post: no YAML front matter (a post "
            "starts with a --- line; Jekyll copies other files as they are)",
            "_beitraege/falsches-datum.md: line 5: invalid date '2025-24-09' (month must be in "
            "1..12), expected YYYY-MM-DD",
            '_beitraege/offenes-anfuehrungszeichen.md: line 2: the quote " is not closed on '
            "this line",
            "_methoden/ohne-dauer.md: the method has no duration (dauer: 45, in minutes)",
            "_data/team.yml: line 13: the entry has no name",
            "_data/events.yml: line 21: invalid date '2025-24-09', expected YYYY-MM-DD",
        ]
    )


def test_a_post_keeps_its_fields_blocks_and_links(new_site, old_site, client):
    run_import(old_site)
    page = post("ki-meetup-rueckblick")

    maria = Person.objects.get(name="Maria Gonçalves")
    assert [author.person for author in page.authors.all()] == [
        maria,
        Person.objects.get(name="Jonas Weber"),
    ]
    assert sorted(page.categories.values_list("name", flat=True)) == [
        "KI und Zivilgesellschaft",
        "Rückblick",
    ]
    assert page.date == datetime.date(2025, 3, 20) and page.celebrate
    assert page.teaser.startswith("Was wir beim zehnten MeetUp")
    assert (page.header_image.credit, page.header_image.credit_url) == (
        "Foto: Jonas Weber / OIC",
        "https://example.org/jonas",
    )
    assert page.related_post == post("ki-meetup-ankuendigung")
    assert post("ki-meetup-ankuendigung").related_post == page

    [image] = blocks_of(page, "image")
    assert (image["image"].description, image["caption"]) == (
        "Publikum im Saal",
        "Volles Haus im Innovation Office",
    )
    [gallery] = blocks_of(page, "gallery")
    assert [item["caption"] for item in gallery["images"]] == ["Die Bühne", ""]
    assert [item["image"].title for item in gallery["images"]] == ["eins", "zwei"]
    [quote] = blocks_of(page, "quote")
    assert quote["text"] == "KI ist ein Werkzeug.\n\nWir entscheiden, wofür wir es einsetzen."
    assert quote["source"] == "Maria Gonçalves"
    [video] = blocks_of(page, "video")
    assert (video["url"], video["title"]) == (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "Mitschnitt des MeetUps",
    )
    [button] = blocks_of(page, "call_to_action")
    assert button["link_document"].title == "meetup-10-folien" and button["is_download"]

    text = rich_text_of(page)
    assert "Verwaltungs\u00addigitalisierung" in text and "&shy;" not in text
    assert "<ul><li>Datenschutz</li><li>Transparenz</li><li>Beteiligung</li></ul>" in text
    assert "Erste Zeile mit hartem Umbruch<br/>zweite Zeile." in text
    assert "Eine Zeile mit<br/>Umbruch" in text
    assert '<a href="https://example.org/bericht">Bericht</a>' in text
    assert '<a href="mailto:kontakt@oic-bielefeld.de">kontakt@oic-bielefeld.de</a>' in text
    assert "{% include newsletter-box.html heading=&quot;Bleib informiert&quot; %}" in text

    response = client.get(RETROSPECTIVE)
    html = response.content.decode()
    assert "Mitschnitt des MeetUps" in html and "Volles Haus im Innovation Office" in html


def test_the_announcement_keeps_its_registration_and_button(new_site, old_site, client):
    run_import(old_site)
    page = post("ki-meetup-ankuendigung")

    assert page.header_image is None
    assert [author.person.name for author in page.authors.all()] == ["Maria Gonçalves"]
    [registration] = blocks_of(page, "pretix_registration")
    assert dict(registration) == {
        "event": "https://pretix.eu/oic-bielefeld/meetup-10/",
        "items": "12,13",
        "voucher": "OIC2025",
        "disable_vouchers": True,
    }
    [button] = blocks_of(page, "call_to_action")
    assert (button["link_url"], button["style"], button["open_in_new_tab"]) == (
        "/#newsletter",
        "secondary",
        False,
    )
    html = client.get(page.url).content.decode()
    assert 'data-pretix-event="https://pretix.eu/oic-bielefeld/meetup-10/"' in html
    assert 'data-pretix-items="12,13"' in html and "data-pretix-disable-vouchers" in html
    assert 'href="https://pretix.eu/oic-bielefeld/meetup-10/redeem?voucher=OIC2025"' in html


def test_messy_files_still_become_their_posts(new_site, old_site, client):
    _, stderr, _ = run_import(old_site)

    windows = post("windows")
    assert windows.title == "Windows-Zeilenenden"
    assert windows.header_image == post("ki-meetup-rueckblick").header_image
    assert "Ein Absatz unter Windows." in rich_text_of(windows)
    assert list(post("nur-kopfdaten").body) == [] and post("nur-kopfdaten").header_image is None
    assert post("foo-bar-eu").header_image is None
    barcamp = post("galerie-barcamp")
    assert barcamp.title == "Galerie: Bilder vom Barcamp"
    assert barcamp.teaser == "Alle Bürger*innen waren eingeladen."
    [gallery] = blocks_of(barcamp, "gallery")
    assert [item["image"].title for item in gallery["images"]] == ["B", "a", "c"]
    summer = post("rückblick-sommerfest")
    assert summer.header_image is None
    assert (
        "_beitraege/Rückblick-Sommerfest.md: warning: line 7: /assets/images/beitraege/fehlt.jpg "
        "not found" in stderr.replace("Ru\u0308ckblick", "Rückblick")
    )
    assert client.get("/beitraege/r%C3%BCckblick-sommerfest/").status_code == 200


def test_a_future_post_is_scheduled_not_live(new_site, old_site, client):
    run_import(old_site)
    future = post("zukunft")

    assert not future.live
    assert timezone.localtime(future.go_live_at) == datetime.datetime(
        2099, 1, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")
    )
    assert client.get("/beitraege/zukunft/").status_code == 404


def test_methods_get_their_steckbrief(new_site, old_site, client):
    run_import(old_site)

    disney = MethodPage.objects.get(slug="walt-disney-methode")
    assert (disney.duration_minutes, disney.min_participants, disney.max_participants) == (
        45,
        4,
        12,
    )
    assert (disney.material_list, disney.difficulty) == (["Flipchart", "Stifte"], "einfach")
    assert [author.person.name for author in disney.authors.all()] == ["Maria Gonçalves"]
    lego = MethodPage.objects.get(slug="lego-serious-play")
    assert (lego.duration_minutes, lego.min_participants, lego.max_participants) == (90, 3, 999)
    assert (lego.materials, lego.difficulty) == ("LEGO-Steine", "anspruchsvoll")
    assert client.get("/methoden/walt-disney-methode/").status_code == 200


def test_team_events_and_projects_from_the_data_files(new_site, old_site, client):
    _, stderr, _ = run_import(old_site)

    maria = Person.objects.get(name="Maria Gonçalves")
    assert (maria.role, maria.email, maria.show_in_team) == (
        "Projektleitung",
        "maria@oic-bielefeld.de",
        True,
    )
    assert maria.expertise == "Open Innovation\nCommunities of Practice"
    assert maria.photo.title == "maria"
    jonas = Person.objects.get(name="Jonas Weber")
    assert jonas.email == "" and jonas.expertise == "KI\nBeteiligung"
    assert "'jonas(at)oic-bielefeld.de' is not an e-mail address" in stderr

    meetup = EventPage.objects.get(title__startswith="KI-MeetUp #11")
    assert (meetup.date, meetup.start_time, meetup.duration_minutes) == (
        datetime.date(2099, 5, 14),
        datetime.time(18, 0),
        120,
    )
    assert meetup.format == new_site.meetups and meetup.kind == "meetup" and meetup.featured
    assert meetup.registration_url == "https://pretix.eu/oic-bielefeld/meetup-11/"
    assert "<b>Stadtverwaltung</b>" in meetup.description
    hour = EventPage.objects.get(title="Open Innovation Hour im Juni")
    assert (hour.start_time, hour.end_time, hour.attendance_mode) == (
        datetime.time(12, 0),
        datetime.time(13, 0),
        "online",
    )
    assert hour.format == new_site.open_innovation_hour and hour.kind == "open-innovation-hour"
    assert client.get(meetup.url).status_code == 200

    lab = Project.objects.get(title="KoSI-Lab")
    assert (lab.status, lab.start_date, lab.responsible_person) == (
        "laeuft",
        datetime.date(2024, 9, 1),
        maria,
    )
    assert (lab.link_url, lab.link_text) == (RETROSPECTIVE, "Zum Rückblick")
    citizen = Project.objects.get(title="Citizen Lab")
    assert (citizen.status, citizen.responsible_text) == ("abgeschlossen", "Die Community selbst")


def test_every_old_url_answers(new_site, old_site, client):
    run_import(old_site)
    document = Download.objects.get(title="OIC Leitfaden Beteiligung")

    redirects = {
        "/feed.xml": "/beitraege/feed/",
        "/open-innovation-hour/": None,
        "/ki/": "/formate/meetups/",
        "/autoren/jonas/": "/autoren/jonas-weber/",
        "/assets/downloads/OIC%20Leitfaden%20Beteiligung.pdf": document.url,
        "/beitraege/ru-ckblick-sommerfest/": "/beitraege/r%C3%BCckblick-sommerfest/",
    }
    for old_url, new_url in redirects.items():
        response = client.get(old_url)
        if new_url is None:
            assert response.status_code in {200, 301}, old_url
            continue
        assert response.status_code == 301, old_url
        assert response["Location"] == new_url, old_url
        assert client.get(new_url).status_code == 200, new_url

    assert client.get("/open-innovation-hour/").status_code == 301
    assert client.get("/open-innovation-hour/", follow=True).redirect_chain[-1][0] == (
        "/formate/open-innovation-hour/"
    )
    for same_path in [
        RETROSPECTIVE,
        "/methoden/",
        "/methoden/lego-serious-play/",
        "/autoren/maria-goncalves/",
        "/beitraege/?filter=rückblick",
        "/beitraege/?filter=rueckblick",
        "/beitraege/?filter=r%C3%BCckblick",
        "/beitraege/?filter=ki-und-zivilgesellschaft",
        "/suche/?q=MeetUp",
    ]:
        response = client.get(same_path)
        assert response.status_code == 200, same_path
    assert not Redirect.objects.filter(old_path__startswith="/beitraege/ki-meetup").exists()
    listing = client.get("/beitraege/?filter=rueckblick").content.decode()
    assert "Rückblick: KI-MeetUp #10" in listing and "Foo Bar EU" not in listing


def test_second_run_creates_nothing_and_no_revision(new_site, old_site):
    run_import(old_site)
    counts = [
        model.objects.count()
        for model in (BlogPage, MethodPage, EventPage, Person, Project, CreditedImage, Download)
    ]
    revisions, redirects = Revision.objects.count(), Redirect.objects.count()

    stdout, _, _ = run_import(old_site)

    assert counts == [
        model.objects.count()
        for model in (BlogPage, MethodPage, EventPage, Person, Project, CreditedImage, Download)
    ]
    assert (Revision.objects.count(), Redirect.objects.count()) == (revisions, redirects)
    for kind, number in [("posts", 8), ("methods", 2), ("events", 2), ("persons", 2)]:
        row = summary_row(stdout, kind)
        assert (row["created"], row["updated"], row["unchanged"]) == (0, 0, number), kind
    assert summary_row(stdout, "images")["created"] == 0


def test_an_edited_source_file_updates_only_its_page(new_site, old_site):
    run_import(old_site)
    source = old_site / "_beitraege" / "Foo_Bar-EU.md"
    source.write_text(source.read_text().replace("Ein Absatz", "Ein neuer Absatz"))
    revisions = {page.slug: page.revisions.count() for page in BlogPage.objects.all()}

    stdout, _, _ = run_import(old_site)

    after = {page.slug: page.revisions.count() for page in BlogPage.objects.all()}
    assert {slug for slug in after if after[slug] != revisions[slug]} == {"foo-bar-eu"}
    assert "Ein neuer Absatz" in rich_text_of(post("foo-bar-eu"))
    row = summary_row(stdout, "posts")
    assert (row["updated"], row["unchanged"]) == (1, 7)


def test_dry_run_changes_nothing_and_prints_the_same_summary(new_site, old_site, settings):
    media = Path(settings.MEDIA_ROOT)
    files_before = {path for path in media.rglob("*") if path.is_file()}

    dry_stdout, dry_stderr, dry_error = run_import(old_site, "--dry-run")

    assert BlogPage.objects.count() == 0 and Person.objects.count() == 0
    assert not CreditedImage.objects.exists() and not Redirect.objects.exists()
    assert {path for path in media.rglob("*") if path.is_file()} == files_before
    assert dry_stdout.startswith("Dry run, nothing was changed. Summary:")
    stdout, stderr, error = run_import(old_site)
    assert dry_stdout.splitlines()[1:] == stdout.splitlines()[1:]
    assert (str(dry_error), dry_stderr) == (str(error), stderr)


def test_the_command_names_a_missing_folder(new_site, tmp_path):
    _, _, error = run_import(tmp_path / "gibt-es-nicht")

    assert str(error) == f"{tmp_path / 'gibt-es-nicht'} is not a folder."
