"""Editors work through the Wagtail admin forms; these tests post them as the browser would."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from blog.models import BlogPage
from tests.factories import CategoryFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )
    return client


def post_form(category, person, body=(), **fields):
    data = {
        "title": "Open Innovation Hour im Januar",
        "slug": "open-innovation-hour-im-januar",
        "teaser": "Eine Stunde, ein Thema.",
        "date": timezone.localdate().isoformat(),
        "authors": inline_formset([{"person": person.pk}], min=1),
        "body": streamfield(list(body)),
        "comment_notifications": "",
        "action-publish": "action-publish",
        **fields,
    }
    form_data = nested_form_data(data)
    form_data["categories"] = [category.pk]  # a multi-value field, not a nested one
    return form_data


def add_post_url(site_tree):
    return reverse("wagtailadmin_pages:add", args=("blog", "blogpage", site_tree.blog_index.pk))


def test_editor_publishes_post_from_the_admin(editor_client, site_tree, client):
    category = CategoryFactory(name="Open Innovation Hour")
    response = editor_client.post(
        add_post_url(site_tree),
        post_form(
            category,
            PersonFactory(name="Maria Gonçalves"),
            body=[
                (
                    "call_to_action",
                    {"label": "Anmelden", "link_url": "/#newsletter", "style": "primary"},
                )
            ],
        ),
    )
    assert response.status_code == 302
    post = BlogPage.objects.get(slug="open-innovation-hour-im-januar")
    assert post.live
    html = client.get("/beitraege/?filter=open-innovation-hour").content.decode()
    assert "Open Innovation Hour im Januar" in html


def test_future_date_from_the_admin_schedules_the_post(editor_client, site_tree):
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    response = editor_client.post(
        add_post_url(site_tree),
        post_form(CategoryFactory(), PersonFactory(), date=next_week.isoformat()),
    )
    assert response.status_code == 302
    post = BlogPage.objects.get(slug="open-innovation-hour-im-januar")
    assert not post.live
    start_of_day = datetime.datetime.combine(
        next_week, datetime.time.min, ZoneInfo("Europe/Berlin")
    )
    assert post.latest_revision.approved_go_live_at == start_of_day
    assert editor_client.get("/beitraege/").content.decode().count("Open Innovation Hour im") == 0


def test_cta_without_target_is_shown_as_error_and_nothing_is_saved(editor_client, site_tree):
    response = editor_client.post(
        add_post_url(site_tree),
        post_form(
            CategoryFactory(),
            PersonFactory(),
            body=[("call_to_action", {"label": "Ohne Ziel", "style": "primary"})],
        ),
    )
    assert response.status_code == 200
    assert "Die Seite konnte wegen Prüfungsfehlern nicht erstellt werden." in (
        response.content.decode()
    )
    cta_errors = response.context["form"].errors.as_data()["body"][0].block_errors[0]
    assert cta_errors.block_errors["link_page"].messages == [
        "Bitte ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse."
    ]
    assert not BlogPage.objects.filter(slug="open-innovation-hour-im-januar").exists()


def test_post_needs_an_author_and_a_category(editor_client, site_tree):
    data = post_form(CategoryFactory(), PersonFactory())
    data.pop("categories")
    data["authors-TOTAL_FORMS"] = "0"
    response = editor_client.post(add_post_url(site_tree), data)
    assert response.status_code == 200
    assert not BlogPage.objects.exists()
    form = response.context["form"]
    assert "categories" in form.errors
    assert form.formsets["authors"].non_form_errors()


def test_the_veroeffentlichung_tab_says_how_to_schedule(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/{site_tree.blog_index.pk}/edit/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Zeitgesteuert veröffentlichen" in page
    assert "„Zeitplan festlegen“" in page
