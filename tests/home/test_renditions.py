"""Renditions made ahead by the task worker when an image is uploaded or its focal point set."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from home.models import CreditedImage
from home.renditions import TEMPLATE_RENDITION_SPECS
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def rendition_specs(image):
    return {(r.filter_spec, r.focal_point_key) for r in image.renditions.all()}


def upload(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Innovation Office",
            "file": SimpleUploadedFile("office.png", png_bytes(480, 360), "image/png"),
            "description": "Das Innovation Office am Alter Markt",
            "credit": "© OIC Bielefeld",
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CreditedImage.objects.get(title="Innovation Office")


def test_an_upload_gets_every_size_the_templates_show(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.PREPARE_IMAGE_RENDITIONS = True
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(admin_client)
    assert {spec for spec, _ in rendition_specs(image)} == set(TEMPLATE_RENDITION_SPECS)
    assert len(TEMPLATE_RENDITION_SPECS) == 43


def test_a_new_focal_point_gets_its_own_cropped_sizes(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.PREPARE_IMAGE_RENDITIONS = True
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(admin_client)
    before = rendition_specs(image)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": image.title,
                "description": image.description,
                "credit": image.credit,
                "collection": 1,
                "focal_point_x": 360,
                "focal_point_y": 90,
                "focal_point_width": 60,
                "focal_point_height": 60,
            },
        )
    assert response.status_code == 302
    added = rendition_specs(image) - before
    assert {spec for spec, _ in added} == {s for s in TEMPLATE_RENDITION_SPECS if "fill-" in s}


def test_without_the_setting_renditions_wait_for_the_first_view(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.PREPARE_IMAGE_RENDITIONS = False
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(admin_client)
    assert rendition_specs(image) == set()
