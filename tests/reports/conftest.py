"""Shared fixtures for the council report tests."""

import datetime

import pytest
from django.utils import timezone

from tests.directory.factories import UserFactory
from tests.reports.factories import MeetingFactory
from tests.workplan.factories import StatusUpdateFactory
from workplan.models import Action, Activity, ExpectedResult, Resource

# The seed plan's history is moved back to this day, so that reports for past meetings see it.
PLAN_LOADED = datetime.date(2020, 1, 15)


def at_noon(day: datetime.date, time: datetime.time = datetime.time(12)) -> datetime.datetime:
    """That day at that time in the portal's time zone (America/Toronto)."""
    return timezone.make_aware(
        datetime.datetime.combine(day, time), timezone.get_default_timezone()
    )


def backdate_history(model, day: datetime.date, **filters) -> None:
    model.history.model.objects.filter(**filters).update(history_date=at_noon(day))


@pytest.fixture
def past_plan(seed_plan):
    """The seed plan as if it had been loaded on PLAN_LOADED (its history says so)."""
    for model in (Activity, Action, Resource, ExpectedResult):
        backdate_history(model, PLAN_LOADED)


@pytest.fixture
def author(db):
    return UserFactory(first_name="Marie", last_name="Tremblay")


@pytest.fixture
def make_update(author):
    def build(action: Action, day: datetime.date, text: str, *, language="en", **kwargs):
        return StatusUpdateFactory(
            action=action,
            author=author,
            date=day,
            language=language,
            **{"progress_en": "", "progress_fr": "", f"progress_{language}": text},
            **kwargs,
        )

    return build


@pytest.fixture
def council_meetings(db):
    """Two council meetings (and a working-group one between them, which must not count)."""
    first = MeetingFactory(
        date=datetime.date(2026, 3, 2),
        title_en="PSSDC spring meeting",
        title_fr="Réunion du printemps du CPSSP",
        kind="council",
    )
    MeetingFactory(
        date=datetime.date(2026, 4, 20),
        title_en="Working-group call",
        title_fr="Appel du groupe de travail",
        kind="working_group",
    )
    second = MeetingFactory(
        date=datetime.date(2026, 6, 8),
        title_en="PSSDC summer meeting",
        title_fr="Réunion d’été du CPSSP",
        kind="council",
    )
    return first, second


def action_save(
    code: str, day: datetime.date, time: datetime.time = datetime.time(12), **changes
) -> Action:
    """Change an action as if it had been changed on that day (its history row says so)."""
    found = action(code)
    for name, value in changes.items():
        setattr(found, name, value)
    found.save()
    latest = found.history.order_by("-history_id").first()
    Action.history.model.objects.filter(history_id=latest.history_id).update(
        history_date=at_noon(day, time)
    )
    return found


def action(code: str) -> Action:
    activity, number = code.split(".")
    return Action.objects.get(activity__number=int(activity), number=int(number))
