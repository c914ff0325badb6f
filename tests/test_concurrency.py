"""Twenty people at once on a real server: nothing lost, nothing duplicated, nothing left
inconsistent (issue #9, "Proof, in the test suite").

Twenty members post 200 status updates through the real update form of the seed plan's
actions (one form in five sent twice at once, as a double click does) while co-chairs edit
those actions through the action form, all over HTTP against
pytest-django's live server (one thread per request) on PostgreSQL, whose row locks are what
is being proved. The clients are those of `make bench` (bench/load.py), which runs the same
thing with 1,000 updates against gunicorn.
"""

import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bench.load import CONFLICT, EDIT, SAVED, UPDATE, Target, run, summary, tally
from bench.load import Client as LoadClient
from directory.models import Person
from portal.roles import Role
from tests.auth import sign_in
from tests.conftest import migration_rows_restore
from tests.directory.factories import UserFactory
from workplan.models import Action, StatusUpdate

MEMBERS = 20
UPDATES_EACH = 10
COCHAIRS = 4
EDITS_EACH = 6
# The whole run, from the first request to the last answer: a bound on the suite's time, not a
# speed target (about 15 s here alone; a busy machine once took more than 50).
BUDGET_S = 150

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (set DATABASE_URL): SQLite serializes every write, so concurrent "
    "requests prove nothing about the row locks the services rely on",
)


@pytest.fixture(scope="module")
def _migration_rows_restored(django_db_setup, django_db_blocker):
    """A transactional test flushes every table when it ends, the role groups the migrations
    wrote included; later tests of a run kept with --reuse-db need them back."""
    yield
    with django_db_blocker.unblock():
        migration_rows_restore()


def signed_in(users) -> list[LoadClient]:
    """A session per user, made the tests' one way, for the load clients to send back."""
    return [
        LoadClient(sign_in(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value, user.pk)
        for user in users
    ]


def people(role: str, count: int, organization) -> list:
    users = [UserFactory(username=f"{role}-{n:02d}", roles=[role]) for n in range(count)]
    for user in users:
        Person.objects.create(name=f"{user.username} Tester", user=user, organization=organization)
    return users


@pytest.mark.usefixtures("_migration_rows_restored")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_clients_at_once_lose_nothing(live_server, seed_plan, organization):
    with translation.override("en"):
        targets = [
            Target(
                pk=action.pk,
                code=action.code,
                update_path=reverse("workplan:update_create", args=[action.pk]),
                edit_path=reverse("workplan:action_edit", args=[action.pk]),
            )
            for action in Action.objects.select_related("activity")
        ]
    assert len(targets) == 7
    assert not StatusUpdate.objects.exists()
    versions_before = dict(Action.objects.values_list("pk", "version"))

    started = time.monotonic()
    load = run(
        base_url=live_server.url,
        cookie_name=settings.SESSION_COOKIE_NAME,
        members=signed_in(people(Role.MEMBER, MEMBERS, organization)),
        cochairs=signed_in(people(Role.COCHAIR, COCHAIRS, organization)),
        targets=targets,
        updates_per_member=UPDATES_EACH,
        edits_per_cochair=EDITS_EACH,
        timeout=20,
        budget=BUDGET_S,
    )
    found = tally(load)
    print("\n".join(summary(load, found)))  # shown with -s, and when the test fails

    assert found.errors == [], "no 5xx, no refused form, no connection error"
    updates = [o for o in load.outcomes if o.kind == UPDATE]
    assert len(updates) == found.posted == MEMBERS * UPDATES_EACH
    assert {o.action_pk for o in updates} == {t.pk for t in targets}
    assert found.acknowledged == MEMBERS * UPDATES_EACH
    assert found.double_clicks == MEMBERS * UPDATES_EACH // 5
    # Exactly the updates posted, each once (a double click included): nothing else.
    assert found.lost == []
    assert found.duplicated == []
    assert found.stored_unacknowledged == []
    assert found.stored == StatusUpdate.objects.count() == MEMBERS * UPDATES_EACH
    # Each action shows its latest update (by date, then posted), however the posts interleaved.
    assert found.inconsistent == []

    edits = [o for o in load.outcomes if o.kind == EDIT]
    assert len(edits) == found.edits == COCHAIRS * EDITS_EACH
    assert {o.result for o in edits} <= {SAVED, CONFLICT}
    assert found.saved + found.conflicts == found.edits
    assert found.saved > 0, "co-chairs could not save a single edit"
    # A saved edit is in the history, in its author's name, as the version after the one it
    # was loaded at; a refused one is nowhere; the latest saved edit is what the action says.
    assert found.edits_lost == []
    assert found.edits_written == []
    assert found.remarks_overwritten == []
    for o in edits:
        if o.result == SAVED:
            assert o.version >= versions_before[o.action_pk]
    assert found.problems() == []
    assert time.monotonic() - started < 60, f"the run took {load.elapsed:.0f} s"
