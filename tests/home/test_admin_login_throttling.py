import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "richtiges-passwort-2026"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", PASSWORD)


def log_in(client, password, address="198.51.100.20"):
    return client.post(
        "/admin/login/", {"username": "redaktion", "password": password}, REMOTE_ADDR=address
    )


def test_wrong_passwords_lock_the_account_for_that_address(client, editor):
    for _ in range(4):
        response = log_in(client, "falsch")
        assert response.status_code == 200  # the form again, with its error
    locked = log_in(client, "falsch")
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.content.decode()

    assert log_in(client, PASSWORD).status_code == 429  # even the right password now
    assert log_in(client, PASSWORD, address="203.0.113.9").status_code == 302


def test_successful_login_resets_the_counter(client, editor):
    for _ in range(4):
        log_in(client, "falsch")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "falsch").status_code == 200


def through_nginx(client, username, password, visitor):
    """A login as gunicorn sees it behind deploy/nginx: the peer is nginx on the loopback, and
    nginx appends the visitor's address to whatever X-Forwarded-For the visitor sent."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"10.0.0.1, {visitor}",
    )


def test_behind_the_proxy_an_attacker_locks_only_their_own_address(client, editor):
    for _ in range(5):
        through_nginx(client, "redaktion", "falsch", visitor="198.51.100.20")
    assert through_nginx(client, "redaktion", PASSWORD, visitor="198.51.100.20").status_code == 429
    # The real editor, through the same nginx from elsewhere, is not locked out.
    assert through_nginx(Client(), "redaktion", PASSWORD, visitor="203.0.113.9").status_code == 302


def test_a_forwarded_for_header_from_outside_is_not_believed(client, editor):
    """Reached directly, a rotated X-Forwarded-For does not make a new address per attempt."""
    statuses = [
        client.post(
            "/admin/login/",
            {"username": "redaktion", "password": "falsch"},
            REMOTE_ADDR="198.51.100.20",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200, 200, 200, 200, 429, 429]


def test_trying_a_few_passwords_on_many_accounts_from_one_address_is_stopped(client, editor):
    for n in range(10):
        get_user_model().objects.create_user(f"person{n}", f"p{n}@bielefeld.de", PASSWORD)
    statuses = [
        through_nginx(
            client, f"person{n}", f"falsch-{attempt}", visitor="198.51.100.20"
        ).status_code
        for n in range(10)
        for attempt in range(4)
    ]
    assert statuses[:19] == [200] * 19  # no account reached its own limit of 5
    assert set(statuses[19:]) == {429}  # the address reached 20 wrong passwords
    assert through_nginx(client, "redaktion", PASSWORD, visitor="198.51.100.20").status_code == 429
    assert through_nginx(Client(), "redaktion", PASSWORD, visitor="203.0.113.9").status_code == 302


def request_password_reset(client, email, visitor):
    return client.post(
        "/admin/password_reset/",
        {"email": email},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=visitor,
    )


def test_password_reset_mails_to_one_account_are_capped(client, editor):
    answers = [
        request_password_reset(Client(), "r@bielefeld.de", visitor=f"198.51.100.{n}")
        for n in range(10)
    ]
    assert {answer.status_code for answer in answers} == {302}  # the same answer every time
    assert {answer["Location"] for answer in answers} == {"/admin/password_reset/done/"}
    assert len(mail.outbox) == 3
    assert {tuple(message.to) for message in mail.outbox} == {("r@bielefeld.de",)}


def test_password_reset_requests_from_one_address_are_capped(client, editor):
    for n in range(10):
        get_user_model().objects.create_user(f"person{n}", f"p{n}@bielefeld.de", PASSWORD)
    answers = [
        request_password_reset(client, f"p{n}@bielefeld.de", visitor="198.51.100.20")
        for n in range(10)
    ]
    assert {answer.status_code for answer in answers} == {302}
    assert len(mail.outbox) == 5
    # Someone else, through the same proxy, still gets their mail.
    request_password_reset(Client(), "r@bielefeld.de", visitor="203.0.113.9")
    assert mail.outbox[-1].to == ["r@bielefeld.de"]
