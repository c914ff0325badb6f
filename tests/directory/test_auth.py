import pytest
from django.core import mail

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
    client.force_login(member)
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
