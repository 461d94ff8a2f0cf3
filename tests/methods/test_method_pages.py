"""A method's page: its Steckbrief, authors, categories; validation and page type rules."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from methods.models import MethodIndexPage, MethodPage
from tests.factories import CategoryFactory, HomePageFactory, ImageFactory, PersonFactory
from tests.methods.factories import MethodIndexPageFactory, MethodPageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db

ORDER_MESSAGE = "Die höchste Zahl an Teilnehmenden darf nicht kleiner sein als die niedrigste."


@pytest.fixture
def walt_disney(method_index):
    maria = PersonFactory(name="Maria Gonçalves", role="Open Innovation City Bielefeld")
    guest = PersonFactory(name="Jonas Weber", role="Gastautor")
    return MethodPageFactory(
        parent=method_index,
        title="Walt-Disney-Methode",
        slug="walt-disney-methode",
        teaser="Träumen, planen, prüfen – aber nacheinander.",
        duration_minutes=45,
        min_participants=4,
        max_participants=12,
        materials="Drei markierte Plätze\n\n  Flipchart  \nModerationskarten",
        difficulty="mittel",
        authors=[maria, guest],
        categories=[CategoryFactory(name="Ideenfindung"), CategoryFactory(name="Rückblick")],
        header_image=ImageFactory(title="Drei Stühle", credit="Foto: OIC"),
        body=[("paragraph", "<p>Jede Rolle hat ihren eigenen Ort im Raum.</p>")],
    )


def test_method_page_shows_its_steckbrief(client, walt_disney):
    response = client.get("/methoden/walt-disney-methode/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Walt-Disney-Methode</h1>" in html
    facts = html.split('<dl class="method-facts">')[1].split("</dl>")[0]
    assert "<dt>Dauer</dt><dd>45 Minuten</dd>" in facts
    assert "<dt>Gruppengröße</dt><dd>4–12 Personen</dd>" in facts
    assert "<dt>Schwierigkeit</dt><dd>mittel</dd>" in facts
    assert (
        "<dt>Material</dt><dd><ul><li>Drei markierte Plätze</li><li>Flipchart</li>"
        "<li>Moderationskarten</li></ul></dd>" in facts
    )
    assert "Jede Rolle hat ihren eigenen Ort im Raum." in html


def test_method_page_shows_authors_categories_teaser_and_header_image(client, walt_disney):
    html = client.get("/methoden/walt-disney-methode/").content.decode()
    assert (
        '<meta name="description" content="Träumen, planen, prüfen – aber nacheinander.">' in html
    )
    assert '<p class="lead">Träumen, planen, prüfen – aber nacheinander.</p>' in html
    authors = html.split('<section class="authors"')[1].split("</section>")[0]
    assert "Die Autor*innen" in authors
    assert authors.count('<div class="person-card">') == 2
    assert '<p class="person-card__name">Maria Gonçalves</p>' in authors
    assert '<p class="person-card__role">Gastautor</p>' in authors
    assert '<a href="/methoden/?filter=ideenfindung">Ideenfindung</a>' in html
    assert '<a href="/methoden/?filter=r%C3%BCckblick">Rückblick</a>' in html
    figure = html.split('<figure class="figure article__image">')[1].split("</figure>")[0]
    assert "<picture>" in figure and 'sizes="(min-width: 50rem) 46rem, 100vw"' in figure
    assert "Foto: OIC" in figure and "Bild: Foto:" not in figure
    assert '<meta property="og:type" content="article">' in html


@pytest.mark.parametrize(
    ("smallest", "largest", "label"),
    [(1, 1, "1 Person"), (6, 6, "6 Personen"), (1, 12, "1–12 Personen")],
)
def test_group_size_reads_naturally(method_index, smallest, largest, label):
    method = MethodPageFactory(
        parent=method_index, min_participants=smallest, max_participants=largest
    )
    assert method.participants_label == label


def test_method_without_materials_shows_no_material_entry(client, method_index):
    method = MethodPageFactory(parent=method_index, materials="")
    assert "<dt>Material</dt>" not in client.get(method.url).content.decode()


def test_more_minimum_than_maximum_participants_is_refused_in_german(method_index):
    method = MethodPageFactory(parent=method_index)
    method.min_participants, method.max_participants = 10, 4
    with pytest.raises(ValidationError) as error:
        method.full_clean()
    assert error.value.message_dict == {"max_participants": [ORDER_MESSAGE]}

    method.min_participants = method.max_participants = 4
    method.full_clean()


def test_the_database_refuses_participants_out_of_order_too(method_index):
    method = MethodPageFactory(parent=method_index)
    with pytest.raises(IntegrityError), transaction.atomic():
        MethodPage.objects.filter(pk=method.pk).update(min_participants=20, max_participants=3)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("duration_minutes", 0),
        ("duration_minutes", 481),
        ("min_participants", 0),
        ("max_participants", 1000),
        ("difficulty", "leicht"),
        ("teaser", ""),
    ],
)
def test_facts_out_of_range_are_refused(method_index, field, value):
    method = MethodPageFactory(parent=method_index)
    setattr(method, field, value)
    with pytest.raises(ValidationError) as error:
        method.full_clean()
    assert field in error.value.message_dict


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )
    return client


def method_form(person, category, **fields):
    data = {
        "title": "Lean Coffee",
        "slug": "lean-coffee",
        "teaser": "Ein Treffen ohne vorbereitete Tagesordnung.",
        "date": "2026-02-01",
        "authors": inline_formset([{"person": person.pk}], min=1),
        "duration_minutes": "45",
        "min_participants": "3",
        "max_participants": "10",
        "difficulty": "einfach",
        "materials": "Haftnotizen\nStifte",
        "body": streamfield([]),
        "comment_notifications": "",
        "action-publish": "action-publish",
        **fields,
    }
    form_data = nested_form_data(data)
    form_data["categories"] = [category.pk]
    return form_data


def test_editor_publishes_a_method_from_the_admin(editor_client, method_index, client):
    url = reverse("wagtailadmin_pages:add", args=("methods", "methodpage", method_index.pk))
    response = editor_client.post(url, method_form(PersonFactory(), CategoryFactory()))
    assert response.status_code == 302
    method = MethodPage.objects.get(slug="lean-coffee")
    assert method.live and method.duration_minutes == 45
    assert "Lean Coffee" in client.get("/methoden/?dauer=30-60&gruppe=10").content.decode()


def test_admin_shows_the_german_error_for_participants_out_of_order(editor_client, method_index):
    url = reverse("wagtailadmin_pages:add", args=("methods", "methodpage", method_index.pk))
    form_data = method_form(
        PersonFactory(), CategoryFactory(), min_participants="12", max_participants="4"
    )
    response = editor_client.post(url, form_data)
    assert response.status_code == 200
    assert ORDER_MESSAGE in response.content.decode()
    assert not MethodPage.objects.filter(slug="lean-coffee").exists()


def test_editor_sees_the_steckbrief_panel(editor_client, method_index):
    url = reverse("wagtailadmin_pages:add", args=("methods", "methodpage", method_index.pk))
    html = editor_client.get(url).content.decode()
    for label in ("Steckbrief", "Dauer in Minuten", "Mindestens", "Höchstens", "Material"):
        assert label in html


@pytest.mark.search_index
def test_methods_are_found_by_the_site_search(client, walt_disney):
    html = client.get("/suche/?q=Walt-Disney").content.decode()
    assert 'href="/methoden/walt-disney-methode/"' in html


def test_method_hidden_from_search_engines_is_not_in_the_sitemap(client, walt_disney):
    assert "/methoden/walt-disney-methode/" in client.get("/sitemap.xml").content.decode()
    walt_disney.hide_from_search_engines = True
    walt_disney.save_revision().publish()
    assert "/methoden/walt-disney-methode/" not in client.get("/sitemap.xml").content.decode()


class TestMethodPageTypeRules(WagtailPageTestCase):
    def test_methods_live_only_in_the_toolbox(self):
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedSubpageTypes(MethodPage, set())
        self.assertAllowedSubpageTypes(MethodIndexPage, {MethodPage})
        self.assertCanCreateAt(MethodIndexPage, MethodPage)
        self.assertCanNotCreateAt(Page, MethodPage)
        self.assertCanNotCreateAt(HomePage, MethodPage)
        self.assertCanNotCreateAt(Page, MethodIndexPage)

    def test_one_toolbox_below_the_home_page(self):
        self.assertAllowedParentPageTypes(MethodIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, MethodIndexPage)
        home = HomePageFactory(parent=Page.get_first_root_node())
        MethodIndexPageFactory(parent=home)
        self.assertFalse(MethodIndexPage.can_create_at(home))
