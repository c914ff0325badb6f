import pytest
from django.core import mail

from tests.auth import sign_in
from tests.directory.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_and_out(client, member):
    response = client.post("/en/sign-in/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200
    client.post("/en/sign-out/")
    assert client.get("/en/account/").status_code == 302


def test_failed_sign_in_says_so_in_french(client, member):
    response = client.post("/fr/connexion/", {"username": "member", "password": "wrong"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_sign_in_is_throttled_after_repeated_failures(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/sign-in/", {"username": "member", "password": "wrong"})
    response = client.post("/en/sign-in/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert client.get("/en/account/").status_code == 302


def test_password_change(client, member):
    sign_in(client, member)
    response = client.post(
        "/en/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pass-2026",
            "new_password2": "a-new-long-pass-2026",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("a-new-long-pass-2026")


def test_password_reset_sends_a_french_email(client, member):
    response = client.post("/fr/reinitialiser-mot-de-passe/", {"email": "member@example.ca"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Réinitialiser votre mot de passe" in message.subject
    assert "/fr/reinitialiser-mot-de-passe/" in message.body


@pytest.mark.parametrize("length", [151, 256, 10_000])
def test_an_overlong_username_is_a_failed_sign_in_not_an_error(client, member, length):
    response = client.post("/en/sign-in/", {"username": "m" * length, "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_one_account_is_locked_whatever_address_the_tries_come_from(client, member, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/en/sign-in/",
            {"username": "member", "password": "wrong"},
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )
    response = client.post(
        "/en/sign-in/", {"username": "member", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 429


def test_one_address_is_locked_whatever_accounts_it_tries(client, member, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/en/sign-in/", {"username": f"guess{n}", "password": "wrong"}, REMOTE_ADDR="192.0.2.9"
        )
    response = client.post(
        "/en/sign-in/", {"username": "member", "password": PASSWORD}, REMOTE_ADDR="192.0.2.9"
    )
    assert response.status_code == 429
    elsewhere = client.post(
        "/en/sign-in/", {"username": "member", "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert elsewhere.status_code == 302


def test_the_client_address_is_read_behind_the_load_balancer(client, member, settings):
    """With one proxy in front, the address it appended to X-Forwarded-For is the client's;
    what the client wrote there itself does not count."""
    settings.PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/en/sign-in/",
            {"username": f"x{n}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.18.0.{n}, 203.0.113.50",
        )
    locked = client.post(
        "/en/sign-in/",
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert locked.status_code == 429
    other_person = client.post(
        "/en/sign-in/",
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert other_person.status_code == 302


def test_without_a_proxy_a_forged_forwarded_header_changes_nothing(client, member, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/en/sign-in/",
            {"username": f"x{n}", "password": "wrong"},
            REMOTE_ADDR="192.0.2.30",
            HTTP_X_FORWARDED_FOR=f"198.18.0.{n}",
        )
    response = client.post(
        "/en/sign-in/", {"username": "member", "password": PASSWORD}, REMOTE_ADDR="192.0.2.30"
    )
    assert response.status_code == 429
