"""Double opt-in through the public URLs: sign-up, confirmation, unsubscription, e-mails."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone

from newsletter.forms import signup_context
from newsletter.models import Subscriber
from oic_cms.form_tokens import issue_form_token

pytestmark = pytest.mark.django_db

CONSENT_HTML = '<p>Ich möchte den Newsletter erhalten. <a href="/datenschutz/">Datenschutz</a></p>'
PAGE_URL = "http://testserver/beitraege/ein-beitrag/"


def form_data(email="maria@example.org", **overrides):
    """What the browser posts: the page's signed context, and the form token the page's script
    fetched when the form came into view a minute ago."""
    context = signup_context(CONSENT_HTML, PAGE_URL)
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=1)):
        form_token = issue_form_token()
    return {
        "email": email,
        "first_name": "Maria",
        "consent": "on",
        "website": "",
        "context": context,
        "form_token": form_token,
        **overrides,
    }


def sign_up(client, **overrides):
    """Post the form; the e-mail task is enqueued once the transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/newsletter/anmelden/", form_data(**overrides))


def confirmation_link(message):
    return re.search(r"http://testserver(/newsletter/bestaetigen/[^/\s]+/)", message.body).group(1)


def unsubscribe_link(message):
    return re.search(r"http://testserver(/newsletter/abmelden/[^/\s]+/)", message.body).group(1)


def test_sign_up_stores_pending_consent_and_sends_one_neutral_email(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/fast-geschafft/"

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.email == "maria@example.org"
    assert subscriber.first_name == "Maria"
    assert subscriber.consent_text.text == CONSENT_HTML
    assert subscriber.consent_page_url == PAGE_URL
    assert subscriber.signed_up_at and subscriber.confirmation_sent_at
    assert subscriber.signup_ip_address is None
    assert subscriber.confirmation_token_hash

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@example.org"]
    assert message.subject == "Bitte bestätige deine Anmeldung zum Newsletter"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'lang="de"' in html
    # What someone typed into the form is not sent from the city's address to a mailbox.
    assert "Hallo," in message.body and "Maria" not in message.body + html
    token = confirmation_link(message).split("/")[-2]
    assert token not in subscriber.confirmation_token_hash  # only the hash is stored
    assert "Fast geschafft!" in client.get(response["Location"]).content.decode()


def test_every_email_carries_one_click_unsubscribe_headers(client):
    sign_up(client)
    message = mail.outbox[0].message()
    links = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])
    assert links[0].startswith("http://testserver/newsletter/abmelden/")
    assert links[0].endswith("/sofort/")
    assert links[1].startswith("mailto:")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_link(mail.outbox[0])


def test_ip_address_is_stored_only_when_the_setting_allows(client, settings):
    settings.NEWSLETTER_STORE_IP_ADDRESS = True
    client.post("/newsletter/anmelden/", form_data(), REMOTE_ADDR="203.0.113.7")
    assert Subscriber.objects.get().signup_ip_address == "203.0.113.7"


def test_differently_cased_duplicate_is_one_subscriber_and_no_second_email(client):
    sign_up(client, email="Maria@Example.org")
    sign_up(client, email="  maria@EXAMPLE.ORG ")
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email == "maria@example.org"
    assert len(mail.outbox) == 1


def test_pending_address_gets_a_new_email_after_five_minutes_and_old_link_dies(client):
    sign_up(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        sign_up(client)
    assert len(mail.outbox) == 2
    old_link, new_link = (confirmation_link(message) for message in mail.outbox)
    assert old_link != new_link
    assert client.post(old_link).status_code == 400
    assert client.post(new_link).status_code == 200


def test_confirmed_address_is_not_touched_and_the_answer_is_the_same(client):
    first = sign_up(client, email="bekannt@example.org")
    client.post(confirmation_link(mail.outbox[0]))
    confirmed = Subscriber.objects.get()
    mail.outbox.clear()

    again = sign_up(client, email="bekannt@example.org", first_name="Anders")
    unknown = sign_up(client, email="neu@example.org")
    assert again["Location"] == first["Location"] == unknown["Location"]
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED
    assert confirmed.first_name == "Maria"
    assert [message.to for message in mail.outbox] == [["neu@example.org"]]


@pytest.mark.parametrize(
    "overrides",
    [{"website": "https://spam.example"}, {"form_token": None}],
    ids=["honeypot", "too-fast"],
)
def test_bots_get_the_normal_answer_but_no_row_and_no_email(client, overrides):
    if overrides.get("form_token", "") is None:
        overrides["form_token"] = issue_form_token()  # the form came into view just now
    response = sign_up(client, **overrides)
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/fast-geschafft/"
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": ""}, "email", "Bitte gib deine E-Mail-Adresse an."),
        ({"email": "keine-adresse"}, "email", "Bitte gib eine gültige E-Mail-Adresse an"),
        ({"consent": ""}, "consent", "Bitte bestätige, dass du den Newsletter erhalten möchtest."),
    ],
)
def test_invalid_input_is_explained_next_to_the_field(client, overrides, field, message):
    response = sign_up(client, **overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<p class="field__error" id="newsletter-id_{field}-error">' not in html
    assert f'id="newsletter-{field}-error">{message}' in html
    assert f'aria-describedby="newsletter-{field}-error"' in html or (
        field == "consent" and f"newsletter-{field}-error" in html
    )
    assert 'role="alert"' in html
    assert not Subscriber.objects.exists()
    assert mail.outbox == []
    if overrides.get("email") == "keine-adresse":
        assert 'value="keine-adresse"' in html  # nothing typed is lost


def test_forged_form_context_is_refused_with_a_message(client):
    response = sign_up(client, context="gefälscht:abc")
    assert response.status_code == 400
    assert "Das Formular ist abgelaufen." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_sign_up_from_our_own_pages_needs_no_csrf_token():
    """The form carries no token so that pages showing it can be cached."""
    browser = Client(enforce_csrf_checks=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = browser.post(
            "/newsletter/anmelden/",
            form_data(),
            headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        )
    assert response.status_code == 302
    assert Subscriber.objects.get().email == "maria@example.org"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://angreifer.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "https://andere.bielefeld.de"},
        {"Origin": "https://angreifer.example"},
        {"Origin": "null"},
    ],
)
def test_sign_up_posted_from_another_site_is_refused_and_stores_nothing(headers):
    browser = Client(enforce_csrf_checks=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = browser.post("/newsletter/anmelden/", form_data(), headers=headers)
    assert response.status_code == 403
    assert "nicht von unserer Website" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_sign_up_from_a_trusted_origin_is_accepted(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.open-innovation-city.de"]
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/newsletter/anmelden/",
        form_data(),
        headers={"Origin": "https://www.open-innovation-city.de"},
    )
    assert response.status_code == 302
    assert Subscriber.objects.exists()


def test_confirm_and_unsubscribe_buttons_still_need_the_csrf_token(client):
    sign_up(client)
    confirm_path = confirmation_link(mail.outbox[0])
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(confirm_path)
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert strict.post(confirm_path).status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_sign_up_is_post_only(client):
    assert client.get("/newsletter/anmelden/").status_code == 405


def test_rate_limit_per_client(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 3
    statuses = [sign_up(client, email=f"person{n}@example.org").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    response = sign_up(client, email="noch-jemand@example.org")
    assert response.status_code == 429
    assert "Zu viele Anmeldeversuche" in response.content.decode()
    assert Subscriber.objects.count() == 3


def test_rate_limit_per_address_across_clients(settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS = 2
    statuses = [sign_up(Client(REMOTE_ADDR=f"198.51.100.{n}")).status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_confirmation_needs_the_button_not_just_the_link(client):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Anmeldung bestätigen</button>" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert "deine Anmeldung ist bestätigt" in confirmed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.confirmation_token_hash == ""


def test_used_link_gets_a_friendly_page(client):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])
    client.post(link)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        assert "ungültig oder wurde schon benutzt" in response.content.decode()
        assert "/newsletter/" in response.content.decode()


def test_expired_link_after_48_hours(client):
    sign_up(client)
    link = confirmation_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        response = client.post(link)
    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize("token", ["erfunden", "x" * 500, "%00", "<script>"])
def test_forged_tokens_never_500(client, token):
    for url in (f"/newsletter/bestaetigen/{token}/", f"/newsletter/abmelden/{token}/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (400, 404), url
            assert "<script>" not in response.content.decode()
    one_click = client.post(
        f"/newsletter/abmelden/{token}/sofort/", {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code in (400, 404)


def confirmed_subscriber(client):
    sign_up(client)
    client.post(confirmation_link(mail.outbox[0]))
    return unsubscribe_link(mail.outbox[0])


def test_unsubscribe_page_has_a_button_and_post_unsubscribes(client):
    link = confirmed_subscriber(client)
    assert "Jetzt abmelden</button>" in client.get(link).content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    response = client.post(link)
    assert response.status_code == 200
    assert "Du bist abgemeldet" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert len(mail.outbox) == 1  # no confirmation e-mail for leaving


def test_one_click_unsubscribe_without_csrf_is_idempotent(client):
    link = confirmed_subscriber(client)
    one_click = f"{link}sofort/"
    provider = Client(enforce_csrf_checks=True)
    body = "List-Unsubscribe=One-Click"
    for _ in range(2):
        response = provider.post(one_click, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_one_click_without_the_right_body_changes_nothing(client):
    link = confirmed_subscriber(client)
    provider = Client(enforce_csrf_checks=True)
    for body in ("", "List-Unsubscribe=Yes", "unsubscribe=One-Click"):
        response = provider.post(
            f"{link}sofort/", body, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_unsubscribed_person_can_sign_up_again_with_new_consent(client):
    link = confirmed_subscriber(client)
    client.post(link)
    mail.outbox.clear()
    sign_up(client)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.unsubscribed_at is None
    assert len(mail.outbox) == 1


def test_erased_subscriber_link_still_answers(client):
    link = confirmed_subscriber(client)
    Subscriber.objects.all().delete()
    assert client.post(f"{link}sofort/", {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_emails_are_sent_by_a_background_task(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    sign_up(client)
    assert mail.outbox == []
    results = default_task_backend.results
    assert [result.task.name for result in results] == ["send_confirmation_email"]
    assert list(results[0].args) == [Subscriber.objects.get().pk]
