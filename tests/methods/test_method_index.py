"""The Methodenkoffer at /methoden/: filters by facts and category, pagination, the fragment."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory, ImageFactory
from tests.methods.factories import MethodPageFactory

pytestmark = pytest.mark.django_db


def titles_in(response):
    html = response.content.decode()
    return [
        line.split(">", 2)[2].split("<")[0]
        for line in html.splitlines()
        if 'class="card__title"' in line
    ]


def results_region(html):
    return html.split("<div data-method-results>")[1].split("</section>")[0]


@pytest.fixture
def toolbox(method_index):
    """Five methods whose facts tell them apart (A–Z: the order of the listing)."""
    ideas = CategoryFactory(name="Ideenfindung")
    cop = CategoryFactory(name="Community of Practice")
    specs = [
        ("Brainwriting 6-3-5", 40, 4, 8, "einfach", [ideas]),
        ("Design Thinking im Kurzformat", 120, 4, 20, "anspruchsvoll", [ideas]),
        ("Lean Coffee", 45, 3, 10, "einfach", [cop]),
        ("Walt-Disney-Methode", 90, 3, 12, "mittel", [ideas]),
        ("WOOP-Plan", 20, 1, 12, "einfach", [cop]),
    ]
    for title, minutes, smallest, largest, difficulty, categories in specs:
        MethodPageFactory(
            parent=method_index,
            title=title,
            duration_minutes=minutes,
            min_participants=smallest,
            max_participants=largest,
            difficulty=difficulty,
            categories=categories,
        )
    return {"ideas": ideas, "cop": cop}


ALL_TITLES = [
    "Brainwriting 6-3-5",
    "Design Thinking im Kurzformat",
    "Lean Coffee",
    "Walt-Disney-Methode",
    "WOOP-Plan",
]


def test_index_lists_every_method_a_to_z_with_its_facts(client, toolbox):
    response = client.get("/methoden/")
    assert response.status_code == 200
    assert titles_in(response) == ALL_TITLES
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "<h1>Methodenkoffer</h1>" in html
    assert '<meta name="description" content="Kreativmethoden für eure Treffen.">' in html
    assert "5 Methoden gefunden" in html
    assert "<dt>Dauer</dt><dd>120 Minuten</dd>" in html
    assert "<dt>Gruppe</dt><dd>1–12 Personen</dd>" in html
    assert "<dt>Schwierigkeit</dt><dd>anspruchsvoll</dd>" in html
    assert '<script src="/static/js/method-filter.js" defer></script>' in html


def test_filter_form_works_without_javascript(client, toolbox):
    html = client.get("/methoden/").content.decode()
    form = html.split('<form class="method-filter"')[1].split("</form>")[0]
    assert 'action="/methoden/" method="get"' in form
    assert "<legend>Methoden filtern</legend>" in form
    for field_id, name, label in [
        ("method-filter-dauer", "dauer", "Dauer"),
        ("method-filter-gruppe", "gruppe", "Gruppengröße"),
        ("method-filter-schwierigkeit", "schwierigkeit", "Schwierigkeit"),
        ("method-filter-kategorie", "filter", "Kategorie"),
    ]:
        assert f'<label for="{field_id}">{label}</label>' in form
        assert f'id="{field_id}" name="{name}"' in form
    assert '<button type="submit">Filtern</button>' in form
    assert '<option value="">beliebig</option>' in form
    assert '<option value="">alle</option>' in form
    assert 'min="1" max="999"' in form
    assert '<p class="field__hint" id="method-filter-gruppe-hint">Anzahl der Teilnehmenden</p>' in (
        form
    )
    # Categories without methods here are not offered.
    CategoryFactory(name="Rückblick")
    html = client.get("/methoden/").content.decode()
    form = html.split('<form class="method-filter"')[1].split("</form>")[0]
    assert '<option value="ideenfindung">Ideenfindung</option>' in form
    assert "Rückblick" not in form

    # What the browser sends for the form: every field, the empty ones too.
    response = client.get("/methoden/?dauer=&gruppe=&schwierigkeit=einfach&filter=")
    assert response.status_code == 200
    assert titles_in(response) == ["Brainwriting 6-3-5", "Lean Coffee", "WOOP-Plan"]
    assert '<option value="einfach" selected>einfach</option>' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dauer=bis-30", ["WOOP-Plan"]),
        ("dauer=30-60", ["Brainwriting 6-3-5", "Lean Coffee"]),
        ("dauer=ueber-60", ["Design Thinking im Kurzformat", "Walt-Disney-Methode"]),
        ("gruppe=1", ["WOOP-Plan"]),
        ("gruppe=4", ALL_TITLES),
        (
            "gruppe=9",
            ["Design Thinking im Kurzformat", "Lean Coffee", "Walt-Disney-Methode", "WOOP-Plan"],
        ),
        ("gruppe=13", ["Design Thinking im Kurzformat"]),
        ("gruppe=21", []),
        ("schwierigkeit=einfach", ["Brainwriting 6-3-5", "Lean Coffee", "WOOP-Plan"]),
        ("schwierigkeit=mittel", ["Walt-Disney-Methode"]),
        ("schwierigkeit=anspruchsvoll", ["Design Thinking im Kurzformat"]),
        ("filter=community-of-practice", ["Lean Coffee", "WOOP-Plan"]),
        (
            "filter=IDEENFINDUNG",
            ["Brainwriting 6-3-5", "Design Thinking im Kurzformat", "Walt-Disney-Methode"],
        ),
    ],
)
def test_each_filter_alone(client, toolbox, query, expected):
    response = client.get(f"/methoden/?{query}")
    assert response.status_code == 200
    assert titles_in(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dauer=30-60&schwierigkeit=einfach", ["Brainwriting 6-3-5", "Lean Coffee"]),
        ("dauer=30-60&gruppe=10", ["Lean Coffee"]),
        ("filter=ideenfindung&schwierigkeit=einfach&gruppe=4", ["Brainwriting 6-3-5"]),
        ("filter=ideenfindung&dauer=ueber-60&gruppe=15", ["Design Thinking im Kurzformat"]),
        ("filter=community-of-practice&dauer=ueber-60", []),
    ],
)
def test_filters_combine(client, toolbox, query, expected):
    response = client.get(f"/methoden/?{query}")
    assert response.status_code == 200
    assert titles_in(response) == expected


def test_active_filters_are_shown_and_removable(client, toolbox):
    html = client.get("/methoden/?dauer=30-60&schwierigkeit=einfach&gruppe=4").content.decode()
    region = results_region(html)
    assert "Aktive Filter:" in region
    assert "2 Methoden gefunden" in region
    expected_links = {
        "Dauer: 30 bis 60 Minuten": "/methoden/?gruppe=4&amp;schwierigkeit=einfach",
        "Gruppengröße: 4 Personen": "/methoden/?dauer=30-60&amp;schwierigkeit=einfach",
        "Schwierigkeit: einfach": "/methoden/?dauer=30-60&amp;gruppe=4",
    }
    for label, href in expected_links.items():
        assert (
            f'<a href="{href}" data-method-link><span class="visually-hidden">'
            f"Filter entfernen: </span>{label} " in region
        )
    assert '<a class="active-filters__reset" href="/methoden/"' in region

    html = client.get("/methoden/?gruppe=1").content.decode()
    assert "Gruppengröße: 1 Person " in html
    assert "active-filters__reset" not in html
    assert "Aktive Filter" not in client.get("/methoden/").content.decode()


def test_no_match_offers_to_remove_the_filters(client, toolbox):
    html = client.get("/methoden/?filter=community-of-practice&dauer=ueber-60").content.decode()
    assert "Keine Methode gefunden" in html
    assert "Keine Methode passt zu diesen Filtern." in html


def test_a_category_without_methods_is_a_valid_empty_filter(client, toolbox):
    CategoryFactory(name="Rückblick")
    response = client.get("/methoden/?filter=rueckblick")
    assert response.status_code == 200
    assert titles_in(response) == []
    assert '<option value="rückblick" selected>Rückblick</option>' in response.content.decode()


def test_category_links_on_a_method_lead_to_the_filtered_index(client, toolbox):
    html = client.get("/methoden/lean-coffee/").content.decode()
    assert '<a href="/methoden/?filter=community-of-practice">Community of Practice</a>' in html
    response = client.get("/methoden/?filter=community-of-practice")
    assert titles_in(response) == ["Lean Coffee", "WOOP-Plan"]


def test_unpublished_and_private_methods_are_not_listed(client, toolbox):
    from wagtail.models import PageViewRestriction

    from methods.models import MethodPage

    MethodPage.objects.get(title="Lean Coffee").unpublish()
    PageViewRestriction.objects.create(
        page=MethodPage.objects.get(title="Walt-Disney-Methode"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    assert titles_in(client.get("/methoden/")) == [
        "Brainwriting 6-3-5",
        "Design Thinking im Kurzformat",
        "WOOP-Plan",
    ]
    assert titles_in(client.get("/methoden/?filter=community-of-practice")) == ["WOOP-Plan"]


@pytest.mark.parametrize(
    "query",
    [
        "dauer=lang",
        "dauer=bis-31",
        "gruppe=abc",
        "gruppe=-3",
        "gruppe=0",
        "gruppe=1.5",
        "gruppe=1.0",
        "gruppe=1000",
        "gruppe=99999999999999999999999",
        "gruppe=%EF%BC%95",  # a full-width digit five
        "schwierigkeit=x",
        "schwierigkeit=leicht",
        "filter=gibt-es-nicht",
        "page=99",
        "page=0",
        "page=abc",
        "page=" + "9" * 5000,
        "partial=2",
        "filter=" + "x" * 5000,
        "gruppe=" + "1" * 5000,
        "dauer=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "schwierigkeit=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "filter=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "gruppe=%3Cscript%3E",
        "dauer=%00",
        "gruppe=%00",
        "schwierigkeit=%00",
        "filter=%00",
        "page=%00",
    ],
)
def test_bad_values_give_404_and_echo_nothing(client, toolbox, query):
    response = client.get(f"/methoden/?{query}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "x" * 100 not in html and "1" * 100 not in html
    assert "\x00" not in html
    # With ``partial`` in the query already, a second one is a parameter given twice.
    twice = query.startswith("partial=")
    assert client.get(f"/methoden/?{query}&partial=1").status_code == (400 if twice else 404)


@pytest.mark.parametrize(
    "query",
    [
        "dauer=bis-30&dauer=ueber-60",
        "filter=ideenfindung&filter=community-of-practice",
        "gruppe=4&gruppe=4",
        "page=1&page=1",
    ],
)
def test_a_parameter_given_twice_is_a_400(client, toolbox, query):
    """Django reads the last value; the page cache would key both orders alike."""
    assert client.get(f"/methoden/?{query}").status_code == 400


def test_other_parameters_are_ignored(client, toolbox):
    response = client.get("/methoden/?utm_source=newsletter&dauer=bis-30")
    assert response.status_code == 200
    assert titles_in(response) == ["WOOP-Plan"]


def test_canonical_address_names_the_filters_in_a_fixed_order(client, toolbox):
    html = client.get("/methoden/?schwierigkeit=einfach&gruppe=&dauer=30-60").content.decode()
    assert (
        '<link rel="canonical" href="http://localhost/methoden/?dauer=30-60&amp;'
        'schwierigkeit=einfach">' in html
    )
    assert '<link rel="canonical" href="http://localhost/methoden/">' in (
        client.get("/methoden/?page=1").content.decode()
    )


def test_partial_request_returns_only_the_results_fragment(client, toolbox):
    response = client.get("/methoden/?schwierigkeit=einfach&partial=1")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert html.lstrip().startswith('<h2 class="method-results__count"')
    assert "3 Methoden gefunden" in html
    assert "data-method-count" in html
    for part in ("<html", "<head", "<body", "<form", "<h1", "site-header", "site-footer"):
        assert part not in html
    assert titles_in(response) == ["Brainwriting 6-3-5", "Lean Coffee", "WOOP-Plan"]
    # Links in the fragment are full-page addresses, shareable and usable without JavaScript.
    assert 'href="/methoden/"' in html
    assert "partial" not in html

    assert "1 Methode gefunden" in client.get("/methoden/?dauer=bis-30&partial=1").content.decode()


def test_full_page_has_the_live_region_around_the_results(client, toolbox):
    html = client.get("/methoden/?schwierigkeit=einfach").content.decode()
    section = html.split('<section class="method-results"')[1].split("</section>")[0]
    assert 'aria-labelledby="method-results-count"' in section
    assert '<p class="visually-hidden" role="status" aria-live="polite" data-method-status>' in (
        section
    )
    assert '<h2 class="method-results__count" id="method-results-count"' in section
    assert "3 Methoden gefunden" in section


def test_twelve_a_page_and_the_pages_keep_the_filters(client, method_index):
    category = CategoryFactory(name="Methoden")
    for number in range(1, 15):
        MethodPageFactory(
            parent=method_index,
            title=f"Methode {number:02d}",
            difficulty="einfach",
            categories=[category],
        )
    MethodPageFactory(parent=method_index, title="Methode 99", difficulty="mittel")

    first = client.get("/methoden/?schwierigkeit=einfach")
    assert titles_in(first) == [f"Methode {number:02d}" for number in range(1, 13)]
    html = first.content.decode()
    assert "14 Methoden gefunden" in html
    assert '<nav class="pagination" aria-label="Seiten">' in html
    assert 'href="?schwierigkeit=einfach&amp;page=2" rel="next"' in html
    assert (
        '<a href="?schwierigkeit=einfach" aria-current="page">'
        '<span class="visually-hidden">Seite </span>1</a>' in html
    )

    second = client.get("/methoden/?schwierigkeit=einfach&page=2")
    assert titles_in(second) == ["Methode 13", "Methode 14"]
    html = second.content.decode()
    assert 'href="?schwierigkeit=einfach" rel="prev"' in html
    assert "<title>Methodenkoffer · Seite 2 ·" in html
    assert client.get("/methoden/?schwierigkeit=einfach&page=3").status_code == 404

    # The fragment the script fetches links whole pages, never the fragment itself.
    fragment = client.get("/methoden/?partial=1&schwierigkeit=einfach&page=2").content.decode()
    assert '<a href="?schwierigkeit=einfach" rel="prev">' in fragment
    assert "partial" not in fragment
    unfiltered = client.get("/methoden/?partial=1&page=2").content.decode()
    assert '<a href="/methoden/" rel="prev">' in unfiltered


def test_long_results_elide_pages_and_keep_the_filter_in_every_link(
    client, method_index, monkeypatch
):
    monkeypatch.setattr("methods.models.METHODS_PER_PAGE", 1)
    category = CategoryFactory(name="Ideenfindung")
    for number in range(1, 12):
        MethodPageFactory(parent=method_index, title=f"Methode {number:02d}", categories=[category])
    MethodPageFactory(parent=method_index, title="Ohne Kategorie")

    html = client.get("/methoden/?filter=ideenfindung&page=6").content.decode()
    pagination = html.split('<nav class="pagination"')[1].split("</nav>")[0]
    links = re.findall(
        r'<a href="([^"]*)"[^>]*><span class="visually-hidden">Seite </span>(\d+)</a>', pagination
    )
    assert links == [
        ("?filter=ideenfindung", "1"),
        *((f"?filter=ideenfindung&amp;page={number}", str(number)) for number in (4, 5, 6, 7, 8)),
        ("?filter=ideenfindung&amp;page=11", "11"),
    ]
    assert pagination.count('<li><span class="pagination__gap">…</span></li>') == 2
    assert '<a href="?filter=ideenfindung&amp;page=6" aria-current="page">' in pagination
    assert 'href="?filter=ideenfindung&amp;page=5" rel="prev"' in pagination
    assert 'href="?filter=ideenfindung&amp;page=7" rel="next"' in pagination


def index_query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_the_number_of_methods(client, method_index):
    categories = [CategoryFactory(name="Methoden"), CategoryFactory(name="Ideenfindung")]
    image = ImageFactory()

    def add_methods(count):
        for _ in range(count):
            MethodPageFactory(parent=method_index, categories=categories, header_image=image)

    add_methods(3)
    client.get("/methoden/")  # renditions are created on the first view
    few = index_query_count(client, "/methoden/")
    few_filtered = index_query_count(client, "/methoden/?filter=methoden&dauer=30-60&gruppe=5")
    few_partial = index_query_count(client, "/methoden/?schwierigkeit=mittel&partial=1")
    add_methods(17)
    client.get("/methoden/?page=2")
    many = index_query_count(client, "/methoden/")
    many_filtered = index_query_count(client, "/methoden/?filter=methoden&dauer=30-60&gruppe=5")
    many_partial = index_query_count(client, "/methoden/?schwierigkeit=mittel&partial=1")
    second_page = index_query_count(client, "/methoden/?page=2")
    assert few == many
    assert few_filtered == many_filtered
    assert few_partial == many_partial
    assert second_page <= many
