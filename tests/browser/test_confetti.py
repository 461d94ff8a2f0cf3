"""The confetti effect plays at the end of a festive post, and never for reduced motion."""

import pytest
from playwright.sync_api import expect

from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize(("motion", "expected_canvases"), [("no-preference", 1), ("reduce", 0)])
def test_confetti_respects_reduced_motion(
    browser, live_server, site_tree, motion, expected_canvases
):
    post = BlogPageFactory(parent=site_tree.blog_index, title="Geschafft!", celebrate=True)
    context = browser.new_context(reduced_motion=motion, viewport={"width": 1000, "height": 4000})
    page = context.new_page()
    page.goto(f"{live_server.url}{post.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Geschafft!")
    page.wait_for_timeout(400)
    assert page.locator("canvas.confetti__canvas").count() == expected_canvases
    context.close()
