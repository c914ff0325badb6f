"""The permission matrix: every URL × every role × GET and POST, against tests/urlmap.py.

One test per (URL name, role, method), through the real stack (test client, middleware,
database). A POST sends an empty form, so a page that accepts it re-renders with its errors
and writes nothing.
"""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from tests.auth import sign_in
from tests.urlmap import (
    ADMIN_EXPECTED,
    ADMIN_SAMPLES,
    CONDITIONAL_NAMES,
    ROLES,
    ROUTES,
    ROUTES_BY_NAME,
    Outcome,
    cases,
    routed_names,
    samples_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def samples(django_db_setup, django_db_blocker):
    """The seed plan, an update and a meeting, loaded once for the module.

    They live in a transaction wrapped around the module's tests (each test's own transaction
    nests inside it as a savepoint) and rolled back at the end: loading the plan for each of
    the ~300 cases would cost a minute.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        built = samples_create()
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def signed_in_client(client, user_for_role, role):
    user = user_for_role(role)
    if user is not None:
        sign_in(client, user)
    return client


def assert_outcome(response, expected: Outcome, *, url: str, role: str, method: str):
    where = f"{method} {url} as {role}"
    assert response.status_code == expected.status, (
        f"{where}: expected {expected}, got {response.status_code}"
        + (f" → {response.get('Location')}" if response.status_code in (301, 302) else "")
    )
    if expected.redirect_to:
        target = reverse(expected.redirect_to)
        assert response["Location"].startswith(target), (
            f"{where}: expected a redirect to {target}, got {response['Location']}"
        )


@pytest.mark.parametrize(
    ("route", "role", "method"),
    [pytest.param(r, role, m, id=f"{r.name}-{role}-{m}") for r, role, m in cases()],
)
def test_permission_matrix(db, client, user_for_role, samples, route, role, method):
    client = signed_in_client(client, user_for_role, role)
    with translation.override("en"):
        url = reverse(route.name, kwargs=route.kwargs(samples))
        response = client.get(url) if method == "GET" else client.post(url, {})
        assert_outcome(response, route.expected(method, role), url=url, role=role, method=method)


@pytest.mark.parametrize("role", ROLES)
def test_the_same_rules_hold_in_french(db, client, user_for_role, samples, role):
    """The French URLs lead to the same views: a sample of the matrix, in French."""
    client = signed_in_client(client, user_for_role, role)
    for name in ("workplan:plan", "workplan:action_edit", "account", "password_reset"):
        route = ROUTES_BY_NAME[name]
        with translation.override("fr"):
            url = reverse(route.name, kwargs=route.kwargs(samples))
            response = client.get(url)
            assert url.startswith("/fr/")
            assert_outcome(response, route.expected("GET", role), url=url, role=role, method="GET")


@pytest.mark.parametrize(
    ("name", "kwargs", "anonymous"), ADMIN_SAMPLES, ids=[n for n, *_ in ADMIN_SAMPLES]
)
@pytest.mark.parametrize("role", ROLES)
def test_only_superusers_reach_the_admin(client, user_for_role, name, kwargs, anonymous, role):
    client = signed_in_client(client, user_for_role, role)
    expected = anonymous if role == "anonymous" else ADMIN_EXPECTED[role]
    with translation.override("en"):
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        assert_outcome(response, expected, url=url, role=role, method="GET")


def test_every_routed_url_has_a_row_in_the_table():
    names, unnamed = routed_names()
    missing = sorted(names - set(ROUTES_BY_NAME) - CONDITIONAL_NAMES)
    assert not missing, f"URL names without a row in tests/urlmap.py: {missing}"
    assert not unnamed, f"URL patterns without a name (give each one a name): {unnamed}"


def test_every_row_in_the_table_is_still_routed():
    names, _ = routed_names()
    gone = sorted(set(ROUTES_BY_NAME) - names)
    assert not gone, f"tests/urlmap.py names URLs that are no longer routed: {gone}"
    assert len(ROUTES_BY_NAME) == len(ROUTES), "a URL name appears twice in tests/urlmap.py"


def test_every_row_says_what_each_role_gets_for_each_method():
    for route in ROUTES:
        for method_outcomes in (route.get, route.post):
            assert set(method_outcomes) == set(ROLES), route.name


def test_the_admin_samples_are_routed():
    for name, kwargs, _anonymous in ADMIN_SAMPLES:
        with translation.override("en"):
            assert reverse(name, kwargs=kwargs).startswith("/en/admin/")
