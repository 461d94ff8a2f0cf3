"""The sign-up's traps and limits against the attacks of issue 15, through HTTP.

Requests "through nginx" come as gunicorn sees them behind deploy/nginx: from 127.0.0.1, with
the visitor's address appended to X-Forwarded-For. "Direct" requests reach gunicorn from
elsewhere, with whatever X-Forwarded-For the sender likes.
"""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.forms import signup_context
from newsletter.models import Subscriber
from oic_cms.form_tokens import issue_form_token

pytestmark = pytest.mark.django_db

CONSENT_HTML = "<p>Ich möchte den Newsletter erhalten.</p>"
PAGE_URL = "http://testserver/beitraege/"
THANKS = "/newsletter/fast-geschafft/"


def shown_a_minute_ago():
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=1)):
        return issue_form_token()


def fields(email, form_token="", **overrides):
    return {
        "email": email,
        "first_name": "",
        "consent": "on",
        "website": "",
        "context": signup_context(CONSENT_HTML, PAGE_URL),
        "form_token": form_token,
        **overrides,
    }


def post(client, data, **headers):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/newsletter/anmelden/", data, **headers)


def through_nginx(visitor):
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"203.0.113.250, {visitor}"}


def sign_up(email, **headers):
    return post(Client(), fields(email, shown_a_minute_ago()), **headers)


def token_from(html):
    return re.search(r'name="form_token" value="([^"]*)"', html).group(1)


def test_cached_form_carries_no_proof_and_every_view_fetches_its_own(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/newsletter/")["X-Cache"] == "MISS"
    second = client.get("/newsletter/")
    assert second["X-Cache"] == "HIT"
    html = second.content.decode()
    assert token_from(html) == ""
    assert 'data-form-token-url="/newsletter/formular-token/"' in html

    answers = [client.get("/newsletter/formular-token/") for _ in range(2)]
    assert all("no-store" in answer["Cache-Control"] for answer in answers)
    assert all(answer.get("X-Cache") != "HIT" for answer in answers)
    assert len({answer.json()["token"] for answer in answers}) == 2


def test_a_form_posted_right_after_its_token_was_fetched_is_trapped(client):
    token = client.get("/newsletter/formular-token/").json()["token"]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=0.4)):
        response = post(client, fields("schnell@example.org", token))
    assert response["Location"] == THANKS  # the usual answer, but nothing happens
    assert not Subscriber.objects.exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        post(
            client,
            fields("mensch@example.org", client.get("/newsletter/formular-token/").json()["token"]),
        )
    assert Subscriber.objects.count() == 0  # the clock restarted with the new token
    token = client.get("/newsletter/formular-token/").json()["token"]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        post(client, fields("mensch@example.org", token))
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["mensch@example.org"]


def test_one_token_signs_up_one_address(client):
    token = shown_a_minute_ago()
    answers = [post(client, fields(f"person{n}@example.org", token)) for n in range(5)]
    assert {answer["Location"] for answer in answers} == {THANKS}
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["person0@example.org"]
    assert len(mail.outbox) == 1


def test_without_javascript_the_form_comes_back_once_with_a_token(client):
    response = post(client, fields("ohne-js@example.org", first_name="Lena"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fast fertig: Bitte prüfe deine Angaben" in html
    assert 'value="ohne-js@example.org"' in html and 'value="Lena"' in html
    assert not Subscriber.objects.exists()

    again = fields("ohne-js@example.org", token_from(html), first_name="Lena")
    post(client, again)  # pressed at once, as a script would
    assert not Subscriber.objects.exists()
    again["form_token"] = token_from(post(client, fields("ohne-js@example.org")).content.decode())
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
        assert post(client, again)["Location"] == THANKS
    assert Subscriber.objects.get().email == "ohne-js@example.org"


@pytest.mark.parametrize("age", [datetime.timedelta(hours=3), None], ids=["expired", "forged"])
def test_expired_or_forged_token_gets_the_form_back_with_a_new_one(client, age):
    if age is None:
        token = "gefälscht:abc"
    else:
        with time_machine.travel(timezone.now() - age):
            token = issue_form_token()
    response = post(client, fields("spaet@example.org", token))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Das Formular ist abgelaufen." in html
    assert 'value="spaet@example.org"' in html
    assert token_from(html) not in ("", token)
    assert not Subscriber.objects.exists()


def test_plus_addresses_count_toward_their_mailbox(settings):
    mailboxes = [f"opfer+{n}@example.org" for n in range(8)]
    mailboxes += ["o.p.f.e.r@gmail.com", "opfer+x@googlemail.com", "opfer@gmail.com"]
    statuses = [
        sign_up(address, **through_nginx(f"198.51.100.{n}")).status_code
        for n, address in enumerate(mailboxes)
    ]
    assert statuses == [302, 302, 302, 429, 429, 429, 429, 429, 302, 302, 302]
    assert len(mail.outbox) == 6  # three to each mailbox


@pytest.mark.parametrize(
    "name", ["https://evil.example", "Gewinn 1000 €", "Maria <b>", "a.b@c.de", "Max--Mustermann"]
)
def test_first_name_takes_only_a_name_with_a_german_error_next_to_it(client, name):
    response = post(client, fields("maria@example.org", shown_a_minute_ago(), first_name=name))
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        'id="newsletter-first_name-error">Bitte gib nur deinen Vornamen an, aus Buchstaben, '
        "Leerzeichen, Bindestrichen oder Apostrophen" in html
    )
    assert 'aria-describedby="newsletter-first_name-error"' in html
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Anna-Lena", "Anna-Lena"),
        (" Mary   Ann ", "Mary Ann"),
        ("D’Angelo", "D’Angelo"),
        ("O'Brien", "O'Brien"),
        ("Zoe\u0308", "Zoë"),
        ("Łukasz", "Łukasz"),
    ],
)
def test_first_names_people_have_are_accepted(client, typed, stored):
    post(client, fields("maria@example.org", shown_a_minute_ago(), first_name=typed))
    assert Subscriber.objects.get().first_name == stored


def test_known_and_new_addresses_do_the_same_work_and_queue_one_task(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    sign_up("bekannt@example.org")
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    default_task_backend.clear()

    answers, queries = [], []
    for address in ("bekannt@example.org", "neu@example.org"):
        with CaptureQueriesContext(connection) as captured:
            answers.append(sign_up(address))
        queries.append(len(captured))
    known, new = answers
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert sorted(known.headers) == sorted(new.headers)
    # Both queue the e-mail task; only the new address adds its row.
    assert [result.task.name for result in default_task_backend.results] == [
        "send_confirmation_email",
        "send_confirmation_email",
    ]
    assert queries[1] - queries[0] <= 1
    assert mail.outbox == []


def test_the_queued_task_mails_only_where_a_confirmation_is_due():
    sign_up("bekannt@example.org")
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    mail.outbox.clear()
    sign_up("bekannt@example.org")  # confirmed: the task runs and sends nothing
    sign_up("neu@example.org")
    sign_up("neu@example.org")  # a moment later: nothing new
    assert [message.to for message in mail.outbox] == [["neu@example.org"]]


def test_behind_nginx_visitors_from_different_addresses_do_not_share_a_limit(settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 3
    statuses = [
        sign_up(f"p{n}@example.org", **through_nginx(f"198.51.{n}.7")).status_code for n in range(6)
    ]
    assert statuses == [302] * 6


def test_a_rotated_forwarded_for_does_not_escape_the_limit(settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 3
    statuses = [
        sign_up(
            f"p{n}@example.org",
            REMOTE_ADDR="198.51.100.20",
            HTTP_X_FORWARDED_FOR=f"192.0.{n}.1",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302, 302, 302, 429, 429, 429]


def test_a_room_on_one_wifi_can_sign_up_and_typos_do_not_count():
    room = through_nginx("198.51.100.20")
    for n in range(15):
        typo = post(Client(), fields(f"person{n}example.org", shown_a_minute_ago()), **room)
        assert typo.status_code == 400
    statuses = [sign_up(f"person{n}@example.org", **room).status_code for n in range(40)]
    assert statuses == [302] * 40
    assert Subscriber.objects.count() == 40
    assert sign_up("person40@example.org", **room).status_code == 429  # a machine, by now


def test_per_network_limit_catches_a_machine_rotating_its_addresses(settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 2
    settings.NEWSLETTER_RATE_LIMIT_PER_NETWORK = 3
    statuses = [
        sign_up(f"p{n}@example.org", **through_nginx(f"203.0.113.{n}")).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert sign_up("nachbar@example.org", **through_nginx("198.51.100.1")).status_code == 302


def test_one_ipv6_host_is_one_client_whatever_address_of_its_64_it_uses(settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 2
    statuses = [
        sign_up(f"p{n}@example.org", **through_nginx(f"2001:db8:1:2::{n:x}")).status_code
        for n in range(1, 4)
    ]
    assert statuses == [302, 302, 429]
    assert sign_up("anderer@example.org", **through_nginx("2001:db8:1:3::1")).status_code == 302


def test_trapped_and_replayed_posts_use_up_no_limit(client, settings):
    settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT = 2
    settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS = 2
    token = shown_a_minute_ago()
    for _ in range(5):
        post(client, fields("maria@example.org", token))  # one sign-up, four replays
        post(client, fields("maria@example.org", issue_form_token()))  # too fast
        post(client, fields("maria@example.org", shown_a_minute_ago(), website="x"))
    assert sign_up("maria@example.org").status_code == 302
    assert sign_up("maria@example.org").status_code == 429
