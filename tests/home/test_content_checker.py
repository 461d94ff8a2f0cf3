"""Editors get Wagtail's userbar with the full WCAG 2.1 A/AA content checker; visitors get
neither the userbar nor a relaxed Content-Security-Policy."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import StandardPageFactory
from tests.home.test_blocks import parse_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def impressum(site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    page.save_revision().publish()
    return page


def axe_configuration(response):
    document = parse_html(response.content.decode())
    script = next(
        element
        for element in document.iter()
        if element.attrs.get("id") == "checker-axe-configuration"
    )
    return json.loads(script.text)


def test_visitors_get_no_userbar_and_the_strict_policy(client, impressum):
    response = client.get(impressum.url)

    html = response.content.decode()
    assert "wagtail-userbar" not in html
    assert "checker-axe-configuration" not in html
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_editors_check_pages_against_every_wcag_21_aa_rule_in_german(client, impressum):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )

    response = client.get(impressum.url)

    assert response.status_code == 200
    configuration = axe_configuration(response)
    options = configuration["options"]
    assert options["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    # Wagtail's own checks keep running next to the WCAG rules.
    for rule in ("heading-order", "p-as-heading", "alt-text-quality", "empty-meta-description"):
        assert options["rules"][rule] == {"enabled": True}
    messages = configuration["messages"]
    assert messages["image-alt"]["error_name"] == "Bild ohne Alternativtext"
    assert messages["color-contrast"]["error_name"] == "Zu wenig Kontrast"
    assert messages["heading-order"]["error_name"] == "Überschriften-Ebene übersprungen"
    # The userbar loads its scripts and styles from our origin: the strict policy stays (the
    # browser test shows the checker runs under it).
    assert (
        response["Content-Security-Policy"]
        == Client().get(impressum.url)["Content-Security-Policy"]
    )


def test_editors_without_admin_access_get_no_userbar(client, impressum):
    client.force_login(get_user_model().objects.create_user("leser", "l@bielefeld.de", "pw"))

    response = client.get(impressum.url)

    assert "checker-axe-configuration" not in response.content.decode()
    assert "unsafe-inline" not in response["Content-Security-Policy"]
