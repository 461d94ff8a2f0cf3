import pytest
from django.contrib.auth import get_user_model

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_editor_finds_categories_in_the_admin(client):
    client.force_login(get_user_model().objects.create_superuser("r", "r@bielefeld.de", "pw"))
    CategoryFactory(name="KI und Zivilgesellschaft")
    CategoryFactory(name="Rückblick")
    response = client.get("/admin/snippets/home/category/?q=Zivil")
    assert response.status_code == 200
    html = response.content.decode()
    assert "KI und Zivilgesellschaft" in html
    assert "Rückblick" not in html


def test_new_category_gets_todays_slug_from_its_name(client):
    client.force_login(get_user_model().objects.create_superuser("r", "r@bielefeld.de", "pw"))
    response = client.post(
        "/admin/snippets/home/category/add/", {"name": "Open Innovation Hour", "slug": ""}
    )
    assert response.status_code == 302
    from home.models import Category

    assert Category.objects.get().slug == "open-innovation-hour"
