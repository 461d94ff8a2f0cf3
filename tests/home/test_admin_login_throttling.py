import pytest
from django.contrib.auth import get_user_model

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
