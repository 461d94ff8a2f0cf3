"""The data migration to Wagtail's ImageBlock: stored bodies and revisions, both directions."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from home.models import StandardPage
from tests.factories import ImageFactory
from tests.home.test_blocks import list_items, page_with_body, render_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def stored_body(page):
    """The body as the database holds it, read past the block definitions."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT body FROM {StandardPage._meta.db_table} WHERE page_ptr_id = %s", [page.pk]
        )
        body = cursor.fetchone()[0]
    return json.loads(body) if isinstance(body, str) else body


def test_former_image_blocks_are_converted_and_can_be_converted_back(client, site_tree):
    described = ImageFactory(description="Publikum beim Meetup")
    undescribed = ImageFactory(description="")
    former_body = [
        {
            "type": "image",
            "id": "1",
            "value": {
                "image": described.pk,
                "alt_text": "",
                "is_decorative": False,
                "caption": "Volles Haus",
            },
        },
        {
            "type": "gallery",
            "id": "2",
            "value": {
                "heading": "",
                "images": list_items(
                    {"image": undescribed.pk, "alt_text": "Die Bühne", "is_decorative": False},
                    {"image": described.pk, "alt_text": "", "is_decorative": True},
                ),
            },
        },
    ]
    page = page_with_body(site_tree)
    revision = page.save_revision()
    revision.content["body"] = json.dumps(former_body)
    revision.save()
    call_command("migrate", "home", "0001", verbosity=0)
    StandardPage.objects.filter(pk=page.pk).update(body=former_body)

    call_command("migrate", verbosity=0)

    image, gallery = stored_body(page)
    assert image["value"] == {
        "image": {"image": described.pk, "alt_text": "Publikum beim Meetup", "decorative": False},
        "caption": "Volles Haus",
    }
    assert [item["value"]["image"] for item in gallery["value"]["images"]] == [
        {"image": undescribed.pk, "alt_text": "Die Bühne", "decorative": False},
        {"image": described.pk, "alt_text": "", "decorative": True},
    ]
    revision.refresh_from_db()
    assert json.loads(revision.content["body"]) == stored_body(page)
    _, stream = render_page(client, page)
    assert [img.attrs["alt"] for img in stream.find_all("img")] == [
        "Publikum beim Meetup",
        "Die Bühne",
        "",
    ]
    assert "Volles Haus" in stream.find("figcaption").text

    call_command("migrate", "home", "0001", verbosity=0)

    assert stored_body(page) == former_body
    revision.refresh_from_db()
    assert json.loads(revision.content["body"]) == former_body
    call_command("migrate", verbosity=0)
