"""A visitor finds the Community of Practice format and downloads its starter kit."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_downloads_the_cop_starter_kit(page, live_server, tmp_path):
    call_command("load_demo_content", verbosity=0)

    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Formate"
    ).click()
    page.get_by_role("link", name="Community of Practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Community of Practice")

    kit_link = page.get_by_role("region", name="Zum Herunterladen").get_by_role("link")
    expect(kit_link).to_contain_text("CoP Starter Kit")
    expect(kit_link).to_contain_text("PDF, ")
    with page.expect_download() as download_info:
        kit_link.click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    assert download.suggested_filename.endswith(".pdf")
    content = saved.read_bytes()
    assert content.startswith(b"%PDF-")
    assert b"CoP Starter Kit" in content  # the document title in the PDF's metadata
