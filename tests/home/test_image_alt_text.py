"""Alt text is required unless an image is marked decorative: in the admin and on the page."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from formats.models import FormatPage
from home.blocks import MISSING_ALT_TEXT_MESSAGE
from home.models import StandardPage
from tests.factories import ImageFactory
from tests.home.test_blocks import list_items, page_with_body, parse_html, render_page

pytestmark = pytest.mark.django_db

HEADER_IMAGE_MESSAGE = (
    "Dieses Bild hat keine Beschreibung (Alternativtext). Bitte in der Bildverwaltung eine "
    "Beschreibung ergänzen oder das Titelbild als rein dekorativ markieren."
)


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )
    return client


def add_standard_page(editor_client, site_tree, body, action="action-publish"):
    data = nested_form_data(
        {
            "title": "Über uns",
            "slug": "ueber-uns",
            "intro": "",
            "body": streamfield(list(body)),
            "comment_notifications": "",
            action: action,
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site_tree.home.pk))
    return editor_client.post(url, data)


def image_block(image, caption="", **fields):
    """An image block as the editor's form sends it: Wagtail's ImageBlock next to a caption."""
    return ("image", {"image": {"image": image.pk, "alt_text": "", **fields}, "caption": caption})


def block_error_messages(response):
    """The German messages the admin puts next to the first body block's image fields."""
    body_errors = response.context["form"].errors.as_data()["body"][0]
    image_errors = body_errors.block_errors[0].block_errors["image"]
    return {name: error.messages for name, error in image_errors.block_errors.items()}


def test_image_without_any_alt_text_is_refused_next_to_the_alt_text_field(editor_client, site_tree):
    image = ImageFactory(description="")

    response = add_standard_page(editor_client, site_tree, [image_block(image)])

    assert response.status_code == 200
    assert block_error_messages(response) == {"alt_text": [MISSING_ALT_TEXT_MESSAGE]}
    html = response.content.decode()
    assert "Die Seite konnte wegen Prüfungsfehlern nicht erstellt werden." in html
    # The stream field's errors reach the editor's browser as JSON for the block widgets.
    assert json.dumps(MISSING_ALT_TEXT_MESSAGE)[1:-1] in html.replace("&quot;", '"')
    assert not StandardPage.objects.filter(slug="ueber-uns").exists()


def test_image_described_in_the_library_still_needs_alt_text_for_this_use(editor_client, site_tree):
    """The description is only the suggestion the chooser fills in; an editor who clears
    the alt text has not said what the image shows here."""
    image = ImageFactory(description="Zwei Menschen an einer Wand voller Notizzettel")

    response = add_standard_page(editor_client, site_tree, [image_block(image)])

    assert response.status_code == 200
    assert block_error_messages(response) == {"alt_text": [MISSING_ALT_TEXT_MESSAGE]}


@pytest.mark.parametrize(
    ("description", "expected"),
    [("Zwei Menschen an einer Wand voller Notizzettel",) * 2, ("", "")],
    ids=["description", "no-description-no-title"],
)
def test_choosing_an_image_suggests_its_description_as_alt_text(
    editor_client, description, expected
):
    image = ImageFactory(title="IMG_4711.jpg", description=description)

    response = editor_client.get(reverse("wagtailimages_chooser:chosen", args=(image.pk,)))

    assert response.json()["result"]["default_alt_text"] == expected


@pytest.mark.parametrize(
    "fields",
    [{"decorative": True}, {"alt_text": "Zwei Menschen kleben Notizzettel an eine Wand"}],
    ids=["decorative", "alt-text-on-the-block"],
)
def test_image_with_alt_text_or_marked_decorative_is_published(editor_client, site_tree, fields):
    image = ImageFactory(description="")

    response = add_standard_page(editor_client, site_tree, [image_block(image, **fields)])

    assert response.status_code == 302
    assert StandardPage.objects.get(slug="ueber-uns").live


def test_a_draft_may_still_lack_alt_text(editor_client, site_tree):
    """Like Wagtail's own required fields: checked when publishing, not when saving a draft."""
    image = ImageFactory(description="")

    response = add_standard_page(
        editor_client, site_tree, [image_block(image)], action="action-save-draft"
    )

    assert response.status_code == 302
    assert not StandardPage.objects.get(slug="ueber-uns").live


def test_gallery_image_without_alt_text_is_refused(editor_client, site_tree):
    described = ImageFactory(description="Publikum beim Meetup")
    undescribed = ImageFactory(description="")
    gallery = (
        "gallery",
        {
            "heading": "",
            "images": streamfield(
                [
                    ("item", image_block(described, alt_text=described.description)[1]),
                    ("item", image_block(undescribed)[1]),
                ]
            ),
        },
    )

    response = add_standard_page(editor_client, site_tree, [gallery])

    assert response.status_code == 200
    gallery_errors = response.context["form"].errors.as_data()["body"][0].block_errors[0]
    item_errors = gallery_errors.block_errors["images"].block_errors
    assert list(item_errors) == [1]
    image_errors = item_errors[1].block_errors["image"].block_errors
    assert image_errors["alt_text"].messages == [MISSING_ALT_TEXT_MESSAGE]


def test_block_alt_text_overrides_the_image_description(client, site_tree):
    image = ImageFactory(description="Ein Whiteboard")
    page = page_with_body(
        site_tree,
        (
            "image",
            {
                "image": {
                    "image": image.pk,
                    "alt_text": "Das Whiteboard nach dem Workshop: drei Spalten voller Ideen",
                    "decorative": False,
                },
                "caption": "",
            },
        ),
    )

    _, stream = render_page(client, page)

    alt = stream.find("img").attrs["alt"]
    assert alt == "Das Whiteboard nach dem Workshop: drei Spalten voller Ideen"


def test_decorative_images_render_empty_alt_even_with_alt_text(client, site_tree):
    image = ImageFactory(description="Ein Whiteboard")
    gallery_images = list_items(
        {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""},
        {"image": {"image": image.pk, "alt_text": "Zweites Bild", "decorative": False}},
    )
    page = page_with_body(
        site_tree,
        (
            "image",
            {"image": {"image": image.pk, "alt_text": "Wird nicht gelesen", "decorative": True}},
        ),
        ("gallery", {"heading": "", "images": gallery_images}),
    )

    _, stream = render_page(client, page)

    alts = [img.attrs["alt"] for img in stream.find_all("img")]
    assert alts == ["", "", "Zweites Bild"]


def format_page_form(image, decorative):
    data = {
        "title": "Lean Coffee",
        "slug": "lean-coffee",
        "teaser": "Ein Format ohne Agenda.",
        "header_image": image.pk,
        "body": streamfield([]),
        "kits": inline_formset([]),
        "comment_notifications": "",
        "action-publish": "action-publish",
    }
    if decorative:
        data["header_image_is_decorative"] = "on"
    return nested_form_data(data)


@pytest.mark.parametrize("decorative", [False, True])
def test_header_image_needs_a_description_unless_decorative(editor_client, site_tree, decorative):
    image = ImageFactory(description="")
    url = reverse(
        "wagtailadmin_pages:add", args=("formats", "formatpage", site_tree.format_index.pk)
    )

    response = editor_client.post(url, format_page_form(image, decorative))

    if decorative:
        assert response.status_code == 302
        assert FormatPage.objects.get(slug="lean-coffee").live
    else:
        assert response.status_code == 200
        assert response.context["form"].errors["header_image"] == [HEADER_IMAGE_MESSAGE]
        document = parse_html(response.content.decode())
        field = next(
            element
            for element in document.iter()
            if element.attrs.get("data-contentpath") == "header_image"
        )
        assert HEADER_IMAGE_MESSAGE in field.find("div", class_="w-field__errors").text
        assert not FormatPage.objects.exists()
