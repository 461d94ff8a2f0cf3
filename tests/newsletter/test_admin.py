"""Editors see sign-ups, the proof of consent and the export in the admin; nobody else does."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from newsletter.models import ConsentText, Subscriber

pytestmark = pytest.mark.django_db

CONSENT_HTML = (
    '<p>Ich möchte den Newsletter erhalten. <a href="/datenschutz/">Datenschutzerklärung</a></p>'
)
INDEX_URL = "/admin/newsletter/subscriber/"


def action_url(action, subscriber):
    return reverse(f"newsletter_subscriber_modeladmin_{action}", args=(subscriber.pk,))


def subscriber(email, status=Subscriber.Status.CONFIRMED, *, days_ago=1, **fields):
    signed_up_at = timezone.now() - datetime.timedelta(days=days_ago)
    defaults = {
        "first_name": "",
        "consent_text": ConsentText.version_for(CONSENT_HTML),
        "consent_page_url": "https://oic-bielefeld.de/formate/",
        "signed_up_at": signed_up_at,
        "confirmation_sent_at": signed_up_at,
    }
    if status in (Subscriber.Status.CONFIRMED, Subscriber.Status.UNSUBSCRIBED):
        defaults["confirmed_at"] = signed_up_at + datetime.timedelta(minutes=10)
    if status == Subscriber.Status.UNSUBSCRIBED:
        defaults["unsubscribed_at"] = signed_up_at + datetime.timedelta(days=1)
    return Subscriber.objects.create(email=email, status=status, **{**defaults, **fields})


@pytest.fixture
def people():
    return {
        "anna": subscriber("anna@example.org", first_name="Anna", days_ago=3),
        "ben": subscriber("ben@example.org", first_name="Ben", days_ago=2),
        "carla": subscriber("carla@example.org", Subscriber.Status.PENDING, first_name="Carla"),
        "dora": subscriber("dora@example.org", Subscriber.Status.UNSUBSCRIBED, days_ago=40),
    }


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    )
    return client


@pytest.fixture
def newsletter_client(client, django_user_model):
    user = django_user_model.objects.create_user("newsletter", "n@example.org", "pw")
    user.groups.add(Group.objects.get(name="Newsletter"))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """An admin user whose group has admin access and page rights, but no subscriber rights."""
    user = django_user_model.objects.create_user("redaktion", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Redaktion"))
    client.force_login(user)
    return client


def listed_emails(response):
    return {
        person.email
        for person in Subscriber.objects.all()
        if f"{person.email}</a>" in response.content.decode()
    }


def test_superuser_sees_the_newsletter_menu(superuser_client):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Newsletter"' in html
    assert '"Abonnent*innen"' in html
    assert INDEX_URL in html


def test_list_shows_subscribers_newest_first_with_counts_per_status(superuser_client, people):
    response = superuser_client.get(INDEX_URL)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(email) for email in ("carla@", "ben@", "anna@", "dora@")]
    assert positions == sorted(positions)
    counts = response.context["status_counts"]
    assert {row["label"]: row["count"] for row in counts} == {
        "Unbestätigt": 1,
        "Bestätigt": 2,
        "Abgemeldet": 1,
        "Unzustellbar": 0,
    }
    assert "Unbestätigt: <strong data-status-count>1</strong>" in html
    assert "Bestätigt: <strong data-status-count>2</strong>" in html
    assert "Abgemeldet: <strong data-status-count>1</strong>" in html


def test_list_filters_by_status(superuser_client, people):
    response = superuser_client.get(INDEX_URL, {"status__exact": "confirmed"})
    assert listed_emails(response) == {"anna@example.org", "ben@example.org"}


def test_list_searches_email_and_first_name(superuser_client, people):
    assert listed_emails(superuser_client.get(INDEX_URL, {"q": "carla@"})) == {"carla@example.org"}
    assert listed_emails(superuser_client.get(INDEX_URL, {"q": "Ben"})) == {"ben@example.org"}


def test_inspect_view_shows_the_proof_of_consent(superuser_client, people):
    anna = people["anna"]
    response = superuser_client.get(action_url("inspect", anna))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nachweis der Einwilligung" in html
    assert "anna@example.org" in html
    assert "Anna" in html
    assert "Bestätigt am" in html
    assert "https://oic-bielefeld.de/formate/" in html
    assert f"Version {anna.consent_text.pk}" in html
    assert CONSENT_HTML in html  # the HTML the person saw, not escaped
    assert "IP-Adresse" not in html


def test_inspect_view_shows_the_ip_address_when_stored(superuser_client):
    person = subscriber("eva@example.org", signup_ip_address="192.0.2.7")
    html = superuser_client.get(action_url("inspect", person)).content.decode()
    assert "IP-Adresse bei der Anmeldung" in html
    assert "192.0.2.7" in html


def test_csv_export_holds_only_confirmed_addresses(superuser_client, people):
    # The filter on the list (unsubscribed) does not change what is exported.
    response = superuser_client.get(INDEX_URL, {"status__exact": "unsubscribed", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    content = b"".join(response.streaming_content).decode()
    # German Excel: UTF-8 with a byte order mark, semicolons between the columns.
    assert content.startswith("\ufeffE-Mail-Adresse;Vorname;Bestätigt am;")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))
    assert list(rows[0]) == [
        "E-Mail-Adresse",
        "Vorname",
        "Bestätigt am",
        "Version des Einwilligungstexts",
        "Seite der Anmeldung",
    ]
    assert {row["E-Mail-Adresse"] for row in rows} == {"anna@example.org", "ben@example.org"}
    anna = next(row for row in rows if row["E-Mail-Adresse"] == "anna@example.org")
    confirmed_at = timezone.localtime(people["anna"].confirmed_at)
    assert anna["Bestätigt am"] == confirmed_at.strftime("%Y-%m-%d %H:%M:%S")
    assert anna["Version des Einwilligungstexts"] == str(people["anna"].consent_text_id)
    assert anna["Seite der Anmeldung"] == "https://oic-bielefeld.de/formate/"


def test_csv_export_leaves_a_missing_first_name_empty(superuser_client):
    subscriber("ohne-name@example.org")
    response = superuser_client.get(INDEX_URL, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content), delimiter=";"))
    assert rows[0]["Vorname"] == ""


def test_xlsx_export_holds_only_confirmed_addresses(superuser_client, people):
    response = superuser_client.get(INDEX_URL, {"q": "carla", "export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "E-Mail-Adresse"
    assert {row[0] for row in rows[1:]} == {"anna@example.org", "ben@example.org"}
    ben = next(row for row in rows[1:] if row[0] == "ben@example.org")
    expected = timezone.make_naive(people["ben"].confirmed_at).replace(microsecond=0)
    assert ben[2].replace(microsecond=0) == expected


def test_delete_through_the_admin_erases_the_entry(superuser_client, people):
    carla = people["carla"]
    confirmation = superuser_client.get(action_url("delete", carla))
    assert confirmation.status_code == 200
    assert "endgültig gelöscht" in confirmation.content.decode()

    response = superuser_client.post(action_url("delete", carla))
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="carla@example.org").exists()


def test_deletion_log_does_not_keep_the_address(superuser_client, people):
    from wagtail.models import ModelLogEntry

    superuser_client.post(action_url("delete", people["dora"]))
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert "dora" not in entry.label


def test_subscribers_cannot_be_added_or_edited(superuser_client, people):
    html = superuser_client.get(INDEX_URL).content.decode()
    create_url = reverse("newsletter_subscriber_modeladmin_create")
    assert create_url not in html
    assert action_url("edit", people["anna"]) not in html

    assert superuser_client.get(create_url).status_code in (302, 403)
    response = superuser_client.post(
        create_url,
        {"email": "neu@example.org", "status": "confirmed", "consent_text": people["anna"].pk},
    )
    assert response.status_code in (302, 403)
    assert not Subscriber.objects.filter(email="neu@example.org").exists()

    edit_url = action_url("edit", people["carla"])
    assert superuser_client.get(edit_url).status_code in (302, 403)
    superuser_client.post(edit_url, {"email": "carla@example.org", "status": "confirmed"})
    assert Subscriber.objects.get(email="carla@example.org").status == "pending"


def test_newsletter_group_is_created_with_its_permissions():
    group = Group.objects.get(name="Newsletter")
    permissions = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("wagtailadmin", "access_admin") in permissions
    # Wagtail's own later migrations give every admin group the image and document choosers.
    assert {perm for perm in permissions if perm[0] == "newsletter"} == {
        ("newsletter", "view_subscriber"),
        ("newsletter", "delete_subscriber"),
        ("newsletter", "send_mailing"),
        ("newsletter", "view_delivery"),
    }


def test_newsletter_group_member_can_work_with_subscribers(newsletter_client, people):
    home = newsletter_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Abonnent*innen"' in home
    assert newsletter_client.get(INDEX_URL).status_code == 200
    assert newsletter_client.get(action_url("inspect", people["anna"])).status_code == 200
    response = newsletter_client.get(INDEX_URL, {"export": "csv"})
    assert b"anna@example.org" in b"".join(response.streaming_content)
    newsletter_client.post(action_url("delete", people["anna"]))
    assert not Subscriber.objects.filter(email="anna@example.org").exists()


def assert_denied(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403
    assert b"@example.org" not in response.content


def test_other_admin_users_see_and_reach_nothing(editor_client, people):
    home = editor_client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert b"Abonnent*innen" not in home.content
    assert INDEX_URL.encode() not in home.content

    anna = people["anna"]
    assert_denied(editor_client.get(INDEX_URL))
    assert_denied(editor_client.get(INDEX_URL, {"export": "csv"}))
    assert_denied(editor_client.get(INDEX_URL, {"export": "xlsx"}))
    assert_denied(editor_client.get(action_url("inspect", anna)))
    assert_denied(editor_client.get(action_url("delete", anna)))
    assert_denied(editor_client.post(action_url("delete", anna)))
    assert Subscriber.objects.filter(email="anna@example.org").exists()


def test_dashboard_panel_shows_the_last_30_days(superuser_client, people):
    subscriber("alt@example.org", days_ago=45)  # signed up and confirmed before the window
    subscriber(
        "spaet@example.org",
        days_ago=35,
        confirmed_at=timezone.now() - datetime.timedelta(days=5),
    )
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Newsletter: letzte 30 Tage" in html
    # In the window: anna, ben, carla signed up; anna, ben and spaet confirmed.
    assert "<td data-newsletter-signups>3</td>" in html
    assert "<td data-newsletter-confirmations>3</td>" in html


def test_dashboard_panel_is_absent_for_other_admin_users(editor_client, people):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Newsletter: letzte 30 Tage" not in html
