import json

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from directory.models import Organization, Person, User
from portal.roles import Role
from workplan.seed import WORKPLAN_FIXTURE, plan_load

PASSWORD = "correct-horse-battery-staple"
ROLES = ["anonymous", "member", "editor", "steward", "cochair", "superuser"]
# The codes of the seven actions of the seed plan (fixtures/workplan.json), in the plan's order.
SEED_CODES = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1"]


def make_user(username: str, role: str | None = None, *, superuser: bool = False) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.ca",
        first_name=username.capitalize(),
        last_name="Tester",
        is_superuser=superuser,
        is_staff=superuser,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A French request or reverse() leaves French active in the thread: later tests must not
    inherit it."""
    yield
    translation.deactivate()


@pytest.fixture
def organization(db):
    return Organization.objects.create(
        key="snb-test",
        name_en="Service New Brunswick",
        name_fr="Service Nouveau-Brunswick",
        acronym_en="SNB",
        acronym_fr="SNB",
        order_of_government="provincial",
        province="NB",
    )


@pytest.fixture
def member(db, organization):
    user = make_user("member", Role.MEMBER)
    Person.objects.create(name="Marie Tremblay", user=user, organization=organization)
    return user


@pytest.fixture
def cochair(db, organization):
    user = make_user("cochair", Role.COCHAIR)
    Person.objects.create(name="Cheryl Meek", user=user, organization=organization)
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", Role.EDITOR)


@pytest.fixture
def steward(db):
    return make_user("steward", Role.STEWARD)


@pytest.fixture
def superuser(db):
    return make_user("admin", superuser=True)


@pytest.fixture
def user_for_role(db, organization):
    """Builds the user of a role name from ROLES (None for anonymous)."""

    def build(role: str):
        if role == "anonymous":
            return None
        if role == "superuser":
            return make_user("admin", superuser=True)
        user = make_user(role, role)
        Person.objects.create(
            name=f"{role.capitalize()} Tester", user=user, organization=organization
        )
        return user

    return build


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def cochair_client(client, cochair):
    client.force_login(cochair)
    return client


@pytest.fixture(scope="session")
def plan_json() -> dict:
    """The seed plan's file, as plan_load() reads it."""
    return json.loads(WORKPLAN_FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture
def seed_plan(db):
    """The working group's real plan, as `make run` loads it."""
    plan_load()
