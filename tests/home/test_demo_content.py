import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from blog.models import BlogPage
from downloads.models import Download
from home.models import Category, CreditedImage, Person

pytestmark = pytest.mark.django_db


def content_counts():
    return {
        "pages": Page.objects.count(),
        "posts": BlogPage.objects.count(),
        "images": CreditedImage.objects.count(),
        "documents": Download.objects.count(),
        "people": Person.objects.count(),
        "categories": Category.objects.count(),
    }


def test_demo_content_builds_the_whole_site_and_can_load_again(client):
    call_command("load_demo_content", verbosity=0)
    first = content_counts()
    call_command("load_demo_content", verbosity=0)
    assert content_counts() == first
    assert first["posts"] == 4
    assert first["documents"] == 1

    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"
    for url in (
        "/",
        "/beitraege/",
        "/beitraege/?filter=open-innovation-hour",
        "/beitraege/?filter=ki-und-zivilgesellschaft",
        "/beitraege/community-of-practice-starter-kit/",
        "/beitraege/ki-und-zivilgesellschaft-rueckblick/",
        "/beitraege/citizenlab-community-of-practice/",
        "/beitraege/kosi-lab-fortbildung-labore-sozialer-innovation/",
        "/formate/",
        "/formate/community-of-practice/",
        "/formate/open-innovation-hour/",
        "/formate/meetups/",
        "/downloads/",
        "/veranstaltungen/",
        "/veranstaltungen/kalender.ics",
        "/methoden/",
        "/methoden/woop-plan/",
        "/autoren/",
        "/autoren/maria-goncalves/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/kontakt/",
        "/gebaerdensprache/",
    ):
        assert client.get(url).status_code == 200, url


def test_scraped_report_is_cleaned_of_navigation_labels(client, shared_demo_site):
    html = client.get(
        "/beitraege/kosi-lab-fortbildung-labore-sozialer-innovation/"
    ).content.decode()
    main = html.split("<main")[1].split("</main>")[0]
    assert "Neue Ideen finden Stadt!" in main
    for label in ("Sprungmarken", "Servicenavigation", "Bereichsnavigation", "Hauptinhalt"):
        assert label not in main
    assert "kosilab_schultze_Difu_Fortbildung" not in main


def test_citizenlab_article_keeps_headings_lists_and_the_quotation(client, shared_demo_site):
    main = client.get("/beitraege/citizenlab-community-of-practice/").content.decode()
    assert '<h2 id="die-vorteile-einer-community">Die Vorteile einer Community</h2>' in main
    assert "<li>sich durch relevante Beispiele inspirieren zu lassen</li>" in main
    assert (
        "<cite>Wenger, Etienne: Communities of Practice: Learning, Meaning, and Identity." in main
    )


def test_cop_format_page_offers_the_kit_built_from_the_seed(client, shared_demo_site):
    kit = Download.objects.get()
    with kit.file.open("rb") as kit_file:
        assert kit_file.read(5) == b"%PDF-"
    html = client.get("/formate/community-of-practice/").content.decode()
    assert kit.url in html
    assert "Welche Struktur hilft:" in html
    assert "Erstellt gemeinsam einen WOOP-Plan" in html


def test_local_admin_is_only_created_with_debug_on(settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = False
    call_command("load_demo_content", "--with-local-admin", verbosity=0)
    assert not get_user_model().objects.filter(username="admin").exists()
    settings.DEBUG = True
    call_command("load_demo_content", "--with-local-admin", verbosity=0)
    assert get_user_model().objects.get(username="admin").is_superuser
