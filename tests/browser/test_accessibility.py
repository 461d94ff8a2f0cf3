"""axe-core audits (WCAG 2.1 A and AA) of every public page type of the demo site."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from django.core.management import call_command

from blog.models import BlogPage
from events.models import EventPage
from formats.models import FormatPage
from home.models import SignLanguagePage
from methods.models import MethodPage
from tests.factories import DownloadFactory, ImageFactory, minimal_mp4_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def violations_on(page, axe):
    results = axe.run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def public_urls():
    event = EventPage.objects.live().order_by("date").first()
    return [
        "/",
        "/beitraege/",
        "/beitraege/?filter=ki-und-zivilgesellschaft",
        BlogPage.objects.get(slug="citizenlab-community-of-practice").url,
        BlogPage.objects.get(slug="community-of-practice-starter-kit").url,
        "/formate/",
        FormatPage.objects.get(slug="community-of-practice").url,
        "/downloads/",
        "/impressum/",
        "/leichte-sprache/",
        "/suche/?q=Community",
        "/veranstaltungen/",
        event.url,
        "/methoden/",
        "/methoden/?schwierigkeit=einfach",
        MethodPage.objects.live().first().url,
        "/autoren/",
        "/autoren/maria-goncalves/",
        "/newsletter/",
        "/barrierefreiheit/",
        "/kontakt/",
        "/gebaerdensprache/",
        "/gibt-es-nicht/",
    ]


def test_every_page_type_meets_wcag_21_aa(page, live_server):
    call_command("load_demo_content", verbosity=0)
    axe = Axe()
    report = {}
    for url in public_urls():
        page.goto(f"{live_server.url}{url}")
        found = violations_on(page, axe)
        if found:
            report[url] = found
    assert report == {}, "\n".join(f"{url}: {problems}" for url, problems in report.items())


def test_newsletter_form_in_its_error_state_meets_wcag_21_aa(page, live_server):
    call_command("load_demo_content", verbosity=0)
    page.goto(f"{live_server.url}/newsletter/")
    page.locator("#newsletter-email").fill("keine-adresse")
    page.locator("form.newsletter-form button[type=submit]").click()
    assert page.locator(".form-errors").is_visible()
    assert violations_on(page, Axe()) == []


@pytest.mark.parametrize("url", ["/barrierefreiheit/", "/kontakt/"])
def test_form_pages_in_their_error_state_meet_wcag_21_aa(page, live_server, url):
    call_command("load_demo_content", verbosity=0)
    page.goto(f"{live_server.url}{url}")
    page.locator("form.built-form input[type=email]").fill("keine-adresse")
    page.locator("form.built-form button[type=submit]").click()
    assert page.locator(".form-errors").is_visible()
    assert page.locator("[aria-invalid=true]").count() >= 2
    assert violations_on(page, Axe()) == []


def test_a_film_in_sign_language_meets_wcag_21_aa(page, live_server):
    call_command("load_demo_content", verbosity=0)
    film = DownloadFactory(file=ContentFile(minimal_mp4_bytes(), name="film.mp4"))
    sign_language_page = SignLanguagePage.objects.get()
    sign_language_page.body = [
        (
            "sign_language_video",
            {"title": "Film", "video": film, "poster": ImageFactory(), "captions": None},
        )
    ]
    sign_language_page.save_revision().publish()
    page.goto(f"{live_server.url}{sign_language_page.url}")
    assert violations_on(page, Axe()) == []


def test_the_audit_does_report_violations(page, live_server):
    """Guards the two audits above against passing because axe did not run."""
    call_command("load_demo_content", verbosity=0)
    page.goto(f"{live_server.url}/impressum/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert any(problem.startswith("image-alt") for problem in violations_on(page, Axe()))
