"""Session limits (idle and absolute) and private caching, through the real middleware."""

import time

import pytest

from portal.middleware import SEEN_AT, SIGNED_IN_AT
from tests.auth import sign_in
from tests.directory.factories import PASSWORD

pytestmark = pytest.mark.django_db


def signed_in(client, username="member"):
    client.post("/en/sign-in/", {"username": username, "password": PASSWORD})
    return client


def age_session(client, **seconds_ago):
    """Moves the session's clocks back, as if that much time had passed."""
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "seen": SEEN_AT}[key]] = now - ago
    session.save()


def test_signing_in_starts_both_clocks(client, member):
    before = int(time.time())
    signed_in(client)
    assert client.session[SIGNED_IN_AT] >= before
    assert client.session[SEEN_AT] >= before


def test_a_session_idle_for_30_minutes_ends(client, member):
    signed_in(client)
    age_session(client, seen=30 * 60 + 1)
    response = client.get("/en/workplan/", follow=True)
    assert response.redirect_chain[0][0].startswith("/en/sign-in/")
    assert "signed out after 30 minutes without activity" in response.content.decode()
    assert client.get("/en/account/").status_code == 302


def test_activity_keeps_the_session(client, member):
    signed_in(client)
    age_session(client, seen=29 * 60)
    assert client.get("/en/workplan/").status_code == 200
    # The request counted as activity: the idle clock restarted.
    assert int(time.time()) - client.session[SEEN_AT] < 5
    assert client.get("/en/workplan/").status_code == 200


def test_a_session_ends_12_hours_after_signing_in_however_active(client, member):
    signed_in(client)
    age_session(client, signed_in=12 * 3600 + 1, seen=10)
    response = client.get("/fr/plan-de-travail/", follow=True)
    assert "les sessions se terminent 12 heures après la connexion" in response.content.decode()
    assert client.get("/en/account/").status_code == 302


def test_the_limits_are_settings(client, member, settings):
    settings.SESSION_IDLE_SECONDS = 5 * 60
    signed_in(client)
    age_session(client, seen=5 * 60 + 1)
    response = client.get("/en/workplan/", follow=True)
    assert "signed out after 5 minutes without activity" in response.content.decode()


def test_the_session_cookie_lasts_no_longer_than_the_absolute_limit(client, member, settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_SECONDS == 12 * 3600
    assert settings.SESSION_IDLE_SECONDS == 30 * 60
    signed_in(client)
    assert 0 < client.session.get_expiry_age() <= 12 * 3600


@pytest.mark.parametrize("path", ["/en/workplan/", "/en/account/", "/fr/compte/"])
def test_signed_in_pages_are_not_kept_by_caches(member_client, path):
    response = member_client.get(path)
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}


def test_downloads_are_not_kept_by_caches(client, cochair, seed_plan):
    sign_in(client, cochair)
    for path in ("/en/reports/download/csv/", "/en/workplan/export/csv/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_public_pages_stay_cacheable(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
