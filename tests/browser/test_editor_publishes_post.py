"""An editor composes a post with a call to action in the admin; a visitor finds it by filter."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from blog.models import BlogIndexPage, BlogPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EDITOR_PASSWORD = "redaktion-2026-sicher"


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
    get_user_model().objects.create_superuser(
        "redaktion", "redaktion@bielefeld.de", EDITOR_PASSWORD
    )
    return live_server.url


def log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Benutzername").fill("redaktion")
    page.get_by_label("Passwort").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_editor_publishes_post_with_cta_that_visitors_find_by_category(page, browser, demo_site):
    blog_index = BlogIndexPage.objects.get()
    log_in(page, demo_site)
    page.goto(f"{demo_site}/admin/pages/{blog_index.pk}/add_subpage/")
    expect(page).to_have_url(re.compile(r"/admin/pages/add/blog/blogpage/"))

    page.locator("#id_title").fill("Open Innovation Hour im Dezember")
    page.locator("#id_teaser").fill("Wir laden ein: eine Stunde, ein Thema, viele Perspektiven.")
    page.get_by_role("button", name="Person auswählen").click()
    page.get_by_role("dialog").get_by_role("link", name="Maria Gonçalves").click()
    expect(page.locator("#id_authors-0-person-title")).to_have_text("Maria Gonçalves")
    page.get_by_label("Open Innovation Hour").check()

    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Block einfügen").first.click()
    page.get_by_role("option", name=re.compile("Button \\(Call to Action\\)")).click()
    page.locator("input[name='body-0-value-label']").fill("Jetzt anmelden")
    page.locator("input[name='body-0-value-link_url']").fill("/#newsletter")

    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_role("status")).to_contain_text("wurde erstellt und veröffentlicht")

    post = BlogPage.objects.get(title="Open Innovation Hour im Dezember")
    assert post.live

    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(f"{demo_site}/beitraege/?filter=open-innovation-hour")
    post_link = visitor.get_by_role("link", name="Open Innovation Hour im Dezember")
    expect(post_link).to_be_visible()
    visitor.goto(f"{demo_site}/beitraege/?filter=ki-und-zivilgesellschaft")
    expect(visitor.get_by_role("link", name="Open Innovation Hour im Dezember")).to_have_count(0)

    visitor.goto(f"{demo_site}/beitraege/?filter=open-innovation-hour")
    visitor.get_by_role("link", name="Open Innovation Hour im Dezember").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Open Innovation Hour im Dezember")
    expect(visitor.get_by_role("link", name="Jetzt anmelden")).to_have_attribute(
        "href", "/#newsletter"
    )
    visitor.context.close()


def test_the_editor_sees_an_unsaved_change_in_the_preview_panel(page, demo_site):
    """The preview is the public page, with its Content-Security-Policy, framed by the admin:
    it must allow that frame ('self'), where public pages refuse every frame."""
    post = BlogPage.objects.get(slug="community-of-practice-starter-kit")
    log_in(page, demo_site)
    page.goto(f"{demo_site}/admin/pages/{post.pk}/edit/")
    page.locator("#id_title").fill("Das Starter Kit in der Vorschau")
    page.get_by_role("button", name="Vorschau").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Das Starter Kit in der Vorschau", timeout=15_000
    )
