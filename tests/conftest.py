import json
import re

import pytest
from django.db import connections
from django.utils import translation

from directory.models import Organization, Person
from portal.roles import Role
from tests.auth import sign_in
from tests.directory.factories import UserFactory
from workplan.seed import WORKPLAN_FIXTURE, plan_load

# What the fragment cache (portal/fragments.py) adds to a page's queries on the database cache:
# for each fragment, reading it (the first with the content generation) and, on a miss,
# storing it (a count, a look-up and an insert or update, in a savepoint).
FRAGMENT_STORE = 5


def fragment_queries(fragments: int = 1, *, hit: bool) -> int:
    return fragments * (1 if hit else 1 + FRAGMENT_STORE)


FRAGMENT_MISS = fragment_queries(hit=False)
FRAGMENT_HIT = fragment_queries(hit=True)
# Every signed-in page reads the session, the user and the user's roles; and, for a role that
# needs two-step verification, the device the session was verified with.
SIGNED_IN = 3
SIGNED_IN_TWO_STEP = SIGNED_IN + 1


_POST_FORM = re.compile(rb"<form[^>]*method=\"post\".*?</form>", re.DOTALL)


def main_of(response) -> bytes:
    """The page's <main> element without its posting forms: what fragments hold, without the
    tokens made anew for each request (CSRF, one-time submission tokens, the CSP nonce)."""
    content = response.content
    return _POST_FORM.sub(b"", content[content.index(b"<main") : content.index(b"</main>")])


# The codes of the seven actions of the seed plan (fixtures/workplan.json), in the plan's order.
SEED_CODES = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1"]


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A French request or reverse() leaves French active in the thread: later tests must not
    inherit it."""
    yield
    translation.deactivate()


def migration_rows_restore() -> None:
    """Puts back what the migrations wrote (the role groups) after transactional tests.

    A transactional test flushes every table when it ends; with serialized rollback Django
    reloads the migrations' rows before each such test, but not after the last one, and a
    test database kept with --reuse-db would start the next run without its role groups.
    Call it with database access (``django_db_blocker.unblock()``).
    """
    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            connections[alias].creation.deserialize_db_from_string(contents)


def organization_create(key: str = "snb-test") -> Organization:
    """Service New Brunswick, as the tests' organization."""
    return Organization.objects.create(
        key=key,
        name_en="Service New Brunswick",
        name_fr="Service Nouveau-Brunswick",
        acronym_en="SNB",
        acronym_fr="SNB",
        order_of_government="provincial",
        province="NB",
    )


@pytest.fixture
def organization(db):
    return organization_create()


@pytest.fixture
def member(db, organization):
    user = UserFactory(username="member", roles=[Role.MEMBER])
    Person.objects.create(name="Marie Tremblay", user=user, organization=organization)
    return user


@pytest.fixture
def cochair(db, organization):
    user = UserFactory(username="cochair", roles=[Role.COCHAIR])
    Person.objects.create(name="Cheryl Meek", user=user, organization=organization)
    return user


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", roles=[Role.EDITOR])


@pytest.fixture
def steward(db):
    return UserFactory(username="steward", roles=[Role.STEWARD])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", superuser=True)


@pytest.fixture
def user_for_role(db, organization):
    """Builds the user of a role name from tests.urlmap.ROLES (None for anonymous)."""

    def build(role: str):
        if role == "anonymous":
            return None
        if role == "superuser":
            return UserFactory(username="admin", superuser=True)
        user = UserFactory(username=role, roles=[role])
        Person.objects.create(
            name=f"{role.capitalize()} Tester", user=user, organization=organization
        )
        return user

    return build


@pytest.fixture
def member_client(client, member):
    sign_in(client, member)
    return client


@pytest.fixture
def cochair_client(client, cochair):
    sign_in(client, cochair)
    return client


@pytest.fixture(scope="session")
def plan_json() -> dict:
    """The seed plan's file, as plan_load() reads it."""
    return json.loads(WORKPLAN_FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture
def seed_plan(db):
    """The working group's real plan, as `make run` loads it."""
    plan_load()


@pytest.fixture
def admin_client(client, superuser):
    """pytest-django's admin client, signed in the portal's one way (tests/auth.py)."""
    return sign_in(client, superuser)
