"""Form pages through the public URLs and the admin: sending, spam traps, limits, mail, export."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.utils import get_forms_for_user

from formpages.models import FormPageField, Submission
from oic_cms.form_tokens import issue_form_token
from tests.editorial.accounts import make_user

from .factories import contact_form, visitor_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(site_tree):
    return contact_form(site_tree.home)


def send(client, page, **overrides):
    return client.post(f"/formulare/{page.pk}/senden/", visitor_post(**overrides))


def test_the_page_is_cacheable_and_shows_an_accessible_form(client, form_page):
    response = client.get(form_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in html
    assert response.cookies == {}
    assert f'action="/formulare/{form_page.pk}/senden/"' in html
    assert 'data-form-token-url="/formulare/formular-token/"' in html
    for field in ("name", "e_mail", "nachricht", "einwilligung"):
        assert f'<label for="form-{form_page.pk}-{field}">' in html
    assert 'autocomplete="email"' in html


def test_a_visitor_sends_the_form_and_it_is_stored_and_mailed(client, form_page):
    response = send(client, form_page)

    assert response.status_code == 200
    assert "Deine Nachricht ist bei uns angekommen" in response.content.decode()
    submission = Submission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.form_data == {
        "name": "Maria Muster",
        "e_mail": "maria@example.org",
        "nachricht": "Die Schrift im Footer ist sehr klein.",
        "einwilligung": True,
    }
    (message,) = mail.outbox
    assert message.to == ["team@oic-bielefeld.de"]
    assert message.reply_to == ["maria@example.org"]
    assert message.subject == "Neuer Eingang: Kontakt"
    assert "Nachricht: Die Schrift im Footer ist sehr klein." in message.body
    assert "Einwilligung: ja" in message.body
    assert "nach 180 Tagen gelöscht" in message.body


def test_errors_are_named_next_to_the_fields_and_in_a_summary(client, form_page):
    response = send(client, form_page, e_mail="maria@", nachricht="", einwilligung="")

    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    assert "Bitte gib eine gültige E-Mail-Adresse an" in html
    assert "Bitte fülle das Feld „Nachricht“ aus." in html
    assert "Bitte bestätige deine Einwilligung." in html
    prefix = f"form-{form_page.pk}"
    assert re.search(
        rf'<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="{prefix}-nachricht_error"'
        rf'|<textarea[^>]*aria-describedby="{prefix}-nachricht_error"[^>]*aria-invalid="true"',
        html,
    )
    assert f'href="#{prefix}-e_mail"' in html
    assert 'value="Maria Muster"' in html  # what was typed stays
    assert not Submission.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "trap",
    [{"website": "https://spam.example"}, {"form_token": None}],
    ids=["honeypot", "sent-too-fast"],
)
def test_bots_get_the_thank_you_page_and_nothing_is_stored(client, form_page, trap):
    if trap.get("form_token", "") is None:
        trap = {"form_token": issue_form_token()}
    response = send(client, form_page, **trap)

    assert response.status_code == 200
    assert "Danke!" in response.content.decode()
    assert not Submission.objects.exists()
    assert not mail.outbox


def test_without_script_the_visitor_is_asked_to_press_once_more(client, form_page):
    response = send(client, form_page, form_token="")

    html = response.content.decode()
    assert "Fast fertig" in html
    assert re.search(r'name="form_token" value="[^"]+"', html)
    assert not Submission.objects.exists()


def test_a_replayed_form_token_stores_nothing_more(client, form_page):
    post = visitor_post()
    for _ in range(2):
        client.post(f"/formulare/{form_page.pk}/senden/", post)

    assert Submission.objects.count() == 1


def test_posts_from_other_sites_are_refused(client, form_page):
    response = client.post(
        f"/formulare/{form_page.pk}/senden/",
        visitor_post(),
        headers={"Sec-Fetch-Site": "cross-site"},
    )

    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_sendings_per_client_are_limited(client, form_page, settings):
    settings.FORM_RATE_LIMIT_PER_CLIENT = 2
    statuses = [send(client, form_page).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert Submission.objects.count() == 2


def test_unpublished_or_unknown_pages_take_no_posts(client, form_page):
    form_page.unpublish()

    assert send(client, form_page).status_code == 404
    assert client.post("/formulare/999999/senden/", visitor_post()).status_code == 404


def test_a_field_labelled_like_the_honeypot_keeps_its_own_name(client, site_tree):
    page = contact_form(site_tree.home, slug="projekt", title="Projekt")
    FormPageField.objects.create(
        page=page, label="Website", field_type="url", required=False, sort_order=9
    )

    response = send(client, page, website_angabe="https://oic-bielefeld.de")

    assert response.status_code == 200
    assert Submission.objects.get().form_data["website_angabe"] == "https://oic-bielefeld.de"


def test_the_moderation_sees_submissions_the_redaktion_does_not(form_page):
    moderator = make_user("mod", "Moderation")
    editor = make_user("red", "Redaktion")

    assert list(get_forms_for_user(moderator)) == [form_page.page_ptr]
    assert not get_forms_for_user(editor).exists()


def test_the_csv_export_opens_in_german_excel_and_xlsx_is_offered(client, form_page, admin_user):
    send(client, form_page)
    client.force_login(admin_user)
    url = f"/admin/forms/submissions/{form_page.pk}/"

    csv_response = client.get(url, {"export": "csv"})
    body = b"".join(csv_response.streaming_content)
    xlsx_response = client.get(url, {"export": "xlsx"})

    assert body.startswith(b"\xef\xbb\xbf")
    heading, row = body.decode("utf-8-sig").splitlines()
    assert heading.split(";")[1:] == ["Name", "E-Mail", "Nachricht", "Einwilligung"]
    assert row.split(";")[1:] == [
        "Maria Muster",
        "maria@example.org",
        "Die Schrift im Footer ist sehr klein.",
        "ja",
    ]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", row.split(";")[0])
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_daily_cleanup_deletes_submissions_older_than_the_retention(client, form_page):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=181)):
        send(client, form_page)
    send(client, form_page, name="Neu")

    call_command("form_submissions_cleanup")

    assert [s.form_data["name"] for s in Submission.objects.all()] == ["Neu"]


def test_editors_find_the_fields_on_their_own_tab(client, site_tree, form_page, admin_user):
    client.force_login(admin_user)

    add = client.get(f"/admin/pages/add/formpages/formpage/{site_tree.home.pk}/")
    edit = client.get(f"/admin/pages/{form_page.pk}/edit/")

    for response in (add, edit):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Formularfelder" in html
        assert "Benachrichtigung per E-Mail" in html
        assert "Dankeschön-Text" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"form_token": "forged"}, "Das Formular ist abgelaufen. Bitte sende es noch einmal ab."),
        ({"nachricht": "x" * 5001}, "Bitte schreib höchstens 5000 Zeichen."),
        ({"name": "n" * 256}, "höchstens 255 Zeichen"),
    ],
    ids=["forged-token", "long-message", "long-name"],
)
def test_hostile_input_gets_a_german_message_never_a_500(client, form_page, overrides, message):
    response = send(client, form_page, **overrides)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_a_get_to_the_sending_address_is_refused(client, form_page):
    assert client.get(f"/formulare/{form_page.pk}/senden/").status_code == 405
