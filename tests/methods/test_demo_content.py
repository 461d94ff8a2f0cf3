"""The demo Methodenkoffer: five real methods below the home page, safe to load again."""

import pytest
from wagtail.models import Page

from home.models import Category, CreditedImage, Person
from methods.models import MethodIndexPage, MethodPage
from tests.factories import PersonFactory
from website.demo_content.methods import load_demo_methods

pytestmark = pytest.mark.django_db


def content_counts():
    return {
        "pages": Page.objects.count(),
        "methods": MethodPage.objects.count(),
        "images": CreditedImage.objects.count(),
        "people": Person.objects.count(),
        "categories": Category.objects.count(),
    }


def test_demo_methods_load_again_without_duplicates(client, site_tree):
    maria = PersonFactory(name="Maria Gonçalves")
    messages = []
    index = load_demo_methods(site_tree.home, messages.append)
    first = content_counts()
    assert "created /methoden/" in messages
    messages.clear()
    load_demo_methods(site_tree.home, messages.append)
    assert content_counts() == first
    assert messages == []

    assert index.url == "/methoden/" and index.show_in_menus and index.live
    assert first["methods"] == 5
    methods = MethodPage.objects.child_of(index).live()
    assert {method.slug for method in methods} >= {"brainwriting-6-3-5", "woop-plan"}
    for method in methods:
        method.full_clean()
        assert [author.person for author in method.authors.all()] == [maria]
        assert method.header_image and method.header_image.credit
        assert method.categories.filter(name="Methoden").exists()
        assert client.get(method.url).status_code == 200, method.url

    response = client.get("/methoden/")
    assert "5 Methoden gefunden" in response.content.decode()
    for query in ("dauer=bis-30", "dauer=30-60", "dauer=ueber-60", "schwierigkeit=mittel"):
        html = client.get(f"/methoden/?{query}").content.decode()
        assert "Keine Methode gefunden" not in html, query
    html = client.get("/methoden/?filter=community-of-practice").content.decode()
    assert "WOOP-Plan" in html


def test_demo_methods_create_their_author_when_missing(site_tree):
    load_demo_methods(site_tree.home, lambda message: None)
    assert Person.objects.filter(name="Maria Gonçalves").count() == 1
    assert MethodIndexPage.objects.count() == 1
