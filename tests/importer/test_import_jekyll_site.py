"""``import_jekyll_site`` on tests/importer/jekyll_site: the pages, URLs and redirects one run
makes of the old site. The corpus is imported once for the module; see ``imported``."""

import datetime
import zoneinfo

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from blog.models import BlogPage
from downloads.models import Download
from events.models import EventPage
from home.models import Person
from methods.models import MethodPage
from projects.models import Project
from tests.conftest import make_site_tree
from tests.importer.jekyll_site_import import (
    CORPUS,
    RETROSPECTIVE,
    add_sections,
    blocks_of,
    post,
    rich_text_of,
    run_import,
    summary_row,
)


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """The corpus imported once for the module's tests, which only look at the result.

    Kept in a transaction around the tests, which each run in a savepoint of their own, and
    rolled back at the end, the way Django's ``TestCase.setUpTestData`` works.
    """
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        site_tree = add_sections(make_site_tree())
        site_tree.stdout, site_tree.stderr, site_tree.error = run_import(CORPUS)
        site_tree.media = media
        yield site_tree
        transaction.set_rollback(True)


@pytest.fixture
def imported_site(imported, db, settings):
    settings.MEDIA_ROOT = imported.media
    return imported


def test_every_post_method_person_event_and_project_arrives(imported_site, client):
    stdout, error = imported_site.stdout, imported_site.error

    assert str(error) == "4 of the site's files or entries failed to import."
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
        "ohne-dauer",
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
    # The import is the switch-over, not an editor's draft: what it creates is on the site.
    assert all(Person.objects.values_list("live", flat=True))
    assert all(Project.objects.values_list("live", flat=True))
    assert summary_row(stdout, "posts") == {
        "created": 8,
        "updated": 0,
        "unchanged": 0,
        "skipped": 2,
        "failed": 2,
    }
    assert summary_row(stdout, "methods")["failed"] == 0
    assert summary_row(stdout, "events")["failed"] == 1
    assert summary_row(stdout, "persons")["failed"] == 1
    assert "missing assets: 1" in stdout
    for url in [RETROSPECTIVE, "/beitraege/foo-bar-eu/", "/methoden/lego-serious-play/"]:
        assert client.get(url).status_code == 200, url


def test_each_problem_is_one_line_with_file_line_and_reason(imported_site):
    stderr = imported_site.stderr
    problems = [line for line in stderr.splitlines() if ": warning: " not in line]
    assert "index.md" not in stderr  # the home page answers at the same path

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
            "_data/team.yml: line 13: the entry has no name",
            "_data/events.yml: line 21: invalid date '2025-24-09', expected YYYY-MM-DD",
        ]
    )


def test_a_post_keeps_its_fields_blocks_and_links(imported_site, client):
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
    # The Markdown image title was a tooltip on the old site: the image's title, no caption.
    assert (image["image"].description, image["image"].title, image["caption"]) == (
        "Publikum im Saal",
        "Volles Haus im Innovation Office",
        "",
    )
    [gallery] = blocks_of(page, "gallery")
    assert [item["caption"] for item in gallery["images"]] == ["Die Bühne", ""]
    assert [item["image"].title for item in gallery["images"]] == ["eins", "zwei"]
    # The gallery's caption describes its image; an image without one is marked decorative.
    assert [
        (item["image"].contextual_alt_text, item["image"].decorative) for item in gallery["images"]
    ] == [("Die Bühne", False), ("", True)]
    [quote] = blocks_of(page, "quote")
    assert quote["text"].source == (
        "<p>KI ist ein Werkzeug.</p><p>Wir entscheiden, wofür wir es einsetzen.</p>"
    )
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
    assert "Mitschnitt des MeetUps" in html and "Publikum im Saal" in html


def test_the_announcement_keeps_its_registration_and_button(imported_site, client):
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


def test_messy_files_still_become_their_posts(imported_site, client):
    stderr = imported_site.stderr

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


def test_a_future_post_is_scheduled_not_live(imported_site, client):
    future = post("zukunft")

    assert not future.live
    assert timezone.localtime(future.go_live_at) == datetime.datetime(
        2099, 1, 1, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")
    )
    assert client.get("/beitraege/zukunft/").status_code == 404


def test_a_method_without_facts_is_imported_and_shown_without_them(imported_site, client):
    """Today's method files have no Steckbrief; the method arrives with what it has."""
    method = MethodPage.objects.get(title="Methode ohne Dauer")
    assert method.duration_minutes is None and method.difficulty == ""
    assert (method.min_participants, method.max_participants) == (5, 5)

    response = client.get(method.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<dd>5 Personen</dd>" in content
    assert "<dt>Dauer</dt>" not in content and "<dt>Schwierigkeit</dt>" not in content


def test_methods_get_their_steckbrief(imported_site, client):

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


def test_team_events_and_projects_from_the_data_files(imported_site, client):
    stderr = imported_site.stderr

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
    assert meetup.format == imported_site.meetups and meetup.kind == "meetup" and meetup.featured
    assert meetup.registration_url == "https://pretix.eu/oic-bielefeld/meetup-11/"
    assert "<b>Stadtverwaltung</b>" in meetup.description
    hour = EventPage.objects.get(title="Open Innovation Hour im Juni")
    assert (hour.start_time, hour.end_time, hour.attendance_mode) == (
        datetime.time(12, 0),
        datetime.time(13, 0),
        "online",
    )
    assert hour.format == imported_site.open_innovation_hour and hour.kind == "open-innovation-hour"
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


def test_every_old_url_answers(imported_site, client):
    document = Download.objects.get(title="OIC Leitfaden Beteiligung")

    redirects = {
        "/feed.xml": "/beitraege/feed/",
        "/open-innovation-hour/": None,
        "/mitmachen/": None,
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

    # Its title names the format page that open-innovation-hour.md gave its text: it stays a
    # page of its own, at its address.
    mitmachen = client.get("/mitmachen/")
    assert mitmachen.status_code == 200
    assert "Mach mit bei der Open Innovation Hour." in mitmachen.content.decode()
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
    # Where the address stayed, only Jekyll's file spelling of it is redirected.
    assert set(
        Redirect.objects.filter(old_path__startswith="/beitraege/ki-meetup").values_list(
            "old_path", flat=True
        )
    ) == {
        "/beitraege/ki-meetup-ankuendigung/index.html",
        "/beitraege/ki-meetup-rueckblick/index.html",
    }
    response = client.get("/beitraege/ki-meetup-rueckblick/index.html")
    assert (response.status_code, response["Location"]) == (301, RETROSPECTIVE)
    listing = client.get("/beitraege/?filter=rueckblick").content.decode()
    assert "Rückblick: KI-MeetUp #10" in listing and "Foo Bar EU" not in listing


def test_the_summary_names_every_failure_with_its_reason(imported_site):
    lines = imported_site.stdout.splitlines()
    failed = lines[lines.index("Failed (4):") + 1 :]

    assert failed == [
        "  _data/team.yml: line 13: the entry has no name",
        "  _beitraege/falsches-datum.md: line 5: invalid date '2025-24-09' (month must be in "
        "1..12), expected YYYY-MM-DD",
        '  _beitraege/offenes-anfuehrungszeichen.md: line 2: the quote " is not closed on this '
        "line",
        "  _data/events.yml: line 21: invalid date '2025-24-09', expected YYYY-MM-DD",
    ]
