"""Two-step verification, through the real sign-in pages: enrolment, the code at each sign-in,
backup codes, members' choice, and an administrator's reset."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import AuditEntry, AuditKind
from tests.auth import authenticator, code_for, sign_in
from tests.directory.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def password_step(client, username, language="en"):
    path = "/en/sign-in/" if language == "en" else "/fr/connexion/"
    return client.post(path, {"username": username, "password": PASSWORD, "next": ""})


def enrol(client):
    """Goes through enrolment as the signed-in user; returns the backup codes shown."""
    page = client.get("/en/account/two-step/set-up/")
    device = TOTPDevice.objects.get(user=page.context["user"], confirmed=False)
    response = client.post("/en/account/two-step/set-up/", {"code": code_for(device)})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    return codes_page.context["codes"]


def test_a_cochair_must_set_up_a_second_factor_before_anything_else(client, cochair):
    response = password_step(client, "cochair")
    assert response.status_code == 302
    plan = client.get("/en/workplan/")
    assert plan.status_code == 302
    assert plan["Location"] == "/en/account/two-step/set-up/?next=%2Fen%2Fworkplan%2F"
    # A write is refused the same way: nothing reaches the view.
    assert client.post("/en/workplan/activities/new/", {"number": 9}).status_code == 302

    page = client.get(plan["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml[^"]+" alt="QR code', body)
    assert page.context["key"].replace(" ", "").isalnum()

    wrong = client.post("/en/account/two-step/set-up/?next=/en/workplan/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=cochair, confirmed=True).exists()

    device = TOTPDevice.objects.get(user=cochair, confirmed=False)
    # django-otp makes the next try wait after a failure: let the wait pass.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(
        "/en/account/two-step/set-up/?next=/en/workplan/", {"code": code_for(device)}
    )
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10
    assert all(code in codes_page.content.decode() for code in codes)
    # Shown once: the page then only counts them.
    again = client.get("/en/account/two-step/backup-codes/")
    assert again.context["codes"] is None
    assert "10 unused backup codes" in again.content.decode()
    assert client.get("/en/workplan/").status_code == 200
    assert AuditEntry.objects.filter(kind=AuditKind.MFA_ENROLLED, user=cochair).count() == 1


def test_each_sign_in_then_asks_for_the_code(client, cochair):
    device = authenticator(cochair)
    password_step(client, "cochair")
    response = client.get("/en/workplan/")
    assert response["Location"].startswith("/en/sign-in/code/?next=")

    wrong = client.post("/en/sign-in/code/", {"code": "123456", "next": "/en/workplan/"})
    assert wrong.status_code == 200
    assert "That code is not right or has expired" in wrong.content.decode()
    assert AuditEntry.objects.filter(kind=AuditKind.MFA_FAILED, user=cochair).exists()

    # django-otp makes the next try wait after a failure: let the wait pass.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    key_before = client.session.session_key
    right = client.post("/en/sign-in/code/", {"code": code_for(device), "next": "/en/workplan/"})
    assert right.status_code == 302
    assert right["Location"] == "/en/workplan/"
    assert client.session.session_key != key_before  # a new session once verified
    assert client.get("/en/workplan/").status_code == 200


def test_the_code_page_speaks_french(client, cochair):
    authenticator(cochair)
    password_step(client, "cochair", language="fr")
    page = client.get("/fr/connexion/code/")
    assert page.status_code == 200
    assert "Entrez votre code" in page.content.decode()
    wrong = client.post("/fr/connexion/code/", {"code": "1"})
    assert "Ce code n’est pas le bon" in wrong.content.decode()


def test_a_code_cannot_be_guessed_by_trying_many(client, cochair):
    device = authenticator(cochair)
    password_step(client, "cochair")
    for guess in ("111111", "222222", "333333"):
        client.post("/en/sign-in/code/", {"code": guess})
    # Right code, but too soon after three failures: refused.
    response = client.post("/en/sign-in/code/", {"code": code_for(device)})
    assert response.status_code == 200
    assert client.get("/en/workplan/").status_code == 302


def test_a_backup_code_works_once(client, cochair):
    sign_in(client, cochair)
    codes = enrol(client)
    client.post("/en/sign-out/")

    password_step(client, "cochair")
    assert client.post("/en/sign-in/code/", {"code": codes[0]}).status_code == 302
    assert client.get("/en/workplan/").status_code == 200
    assert StaticToken.objects.filter(device__user=cochair).count() == 9
    client.post("/en/sign-out/")

    password_step(client, "cochair")
    reused = client.post("/en/sign-in/code/", {"code": codes[0]})
    assert reused.status_code == 200
    assert client.get("/en/workplan/").status_code == 302


def test_new_backup_codes_replace_the_old(client, cochair):
    sign_in(client, cochair)
    old = enrol(client)
    response = client.post("/en/account/two-step/backup-codes/")
    new = client.get(response["Location"]).context["codes"]
    assert len(new) == 10
    assert not set(old) & set(
        StaticToken.objects.filter(device__user=cochair).values_list("token", flat=True)
    )


def test_members_sign_in_with_a_password_unless_they_chose_two_steps(client, member):
    password_step(client, "member")
    assert client.get("/en/workplan/").status_code == 200
    account = client.get("/en/account/")
    assert "Set up two-step verification" in account.content.decode()

    enrol(client)
    client.post("/en/sign-out/")
    password_step(client, "member")
    assert client.get("/en/workplan/")["Location"].startswith("/en/sign-in/code/")


def test_a_member_may_turn_it_off_a_cochair_may_not(client, member, cochair):
    sign_in(client, member)
    enrol(client)
    client.post("/en/account/two-step/turn-off/")
    assert not TOTPDevice.objects.filter(user=member).exists()

    sign_in(client, cochair)
    client.post("/en/account/two-step/turn-off/")
    assert TOTPDevice.objects.filter(user=cochair, confirmed=True).exists()


def test_the_admin_needs_the_second_factor_too(client, superuser):
    authenticator(superuser)
    response = client.post(
        "/en/admin/login/?next=/en/admin/", {"username": "admin", "password": PASSWORD}
    )
    assert response.status_code == 302
    admin = client.get("/en/admin/")
    assert admin.status_code == 302
    assert admin["Location"].startswith("/en/sign-in/code/")


def test_an_administrator_resets_a_persons_devices(client, superuser, cochair):
    authenticator(cochair)
    sign_in(client, superuser)
    response = client.post(
        "/en/admin/directory/user/",
        {"action": "second_factor_reset", "_selected_action": [cochair.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cochair).exists()
    entry = AuditEntry.objects.get(kind=AuditKind.MFA_RESET)
    assert entry.user == cochair

    other = sign_in(type(client)(), cochair, second_factor=False)
    assert other.get("/en/workplan/")["Location"].startswith("/en/account/two-step/set-up/")


def test_the_user_list_shows_who_has_two_steps(client, superuser):
    authenticator(UserFactory(username="withapp"))
    sign_in(client, superuser)
    page = client.get("/en/admin/directory/user/")
    users = {u.username: u.has_authenticator for u in page.context["cl"].result_list}
    assert users["withapp"] is True
