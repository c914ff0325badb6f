"""The report's content: the plan as of a day (from history), the changes in a window only."""

import datetime

import pytest
from django.utils import timezone, translation

from reports.content import report_build
from reports.period import end_of_day, period_resolve
from tests.conftest import SEED_CODES
from tests.directory.factories import OrganizationFactory
from tests.reports.conftest import PLAN_LOADED, action, action_save, backdate_history
from tests.reports.factories import MeetingFactory
from tests.workplan.factories import (
    ActionFactory,
    ActivityFactory,
    ExpectedResultFactory,
    ResourceFactory,
)
from workplan.columns import RESOURCES
from workplan.models import Action, Activity, ExpectedResult, Resource

pytestmark = pytest.mark.django_db


def entries(report) -> dict:
    return {entry.code: entry for entry in report.actions}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_seed_action_with_its_status(seed_plan, plan_json, language):
    report = report_build(period=period_resolve(), language=language)
    found = entries(report)
    assert list(found) == SEED_CODES
    for row in plan_json["activities"]:
        for seed in row["actions"]:
            entry = found[f"{row['number']}.{seed['number']}"]
            assert entry.description.text == seed[f"description_{language}"]
            assert entry.status == seed["status"]
            assert [r.text for r in entry.resources] == [r[language] for r in seed["resources"]]
    counts = {count.status: count.count for count in report.summary}
    assert counts["not_started"] == 3
    assert counts["ongoing"] == 3
    assert counts["in_progress"] == 1
    assert report.total == 7
    assert [activity.title for activity in report.activities] == [
        f"{'Activity' if language == 'en' else 'Activité'} {n}" for n in (1, 2, 3, 4)
    ]


def test_french_texts_keep_their_accents(seed_plan):
    report = report_build(period=period_resolve(), language="fr")
    description = entries(report)["1.1"].description.text
    assert description.startswith("Élaborer et mettre en œuvre une Stratégie de mobilisation")
    assert entries(report)["2.3"].due == "À déterminer"
    with translation.override("fr"):
        assert str(RESOURCES.label) == "Ressources nécessaires (personnel, financement, etc.)"


def test_meeting_report_has_only_the_updates_between_the_meetings(
    past_plan, council_meetings, make_update
):
    first, second = council_meetings
    target = action("1.1")
    make_update(target, datetime.date(2026, 2, 10), "Before the first meeting")
    make_update(target, first.date, "On the day of the first meeting")
    make_update(target, datetime.date(2026, 4, 10), "Between the meetings")
    make_update(target, second.date, "On the day of the second meeting")
    make_update(target, datetime.date(2026, 7, 1), "After the second meeting")

    period = period_resolve(meeting=second)
    # The working-group call of April 20 is of another kind: the council meeting counts.
    assert period.since == first.date
    report = report_build(period=period, language="en")
    assert report.as_of == second.date
    assert report.meeting_title == "PSSDC summer meeting"
    assert report.since_meeting_title == "PSSDC spring meeting"
    texts = [u.progress.text for u in entries(report)["1.1"].updates]
    assert texts == ["Between the meetings", "On the day of the second meeting"]
    assert report.update_count == 2
    assert all(not entry.updates for code, entry in entries(report).items() if code != "1.1")

    # The first meeting's report: no earlier council meeting, so since the beginning.
    report = report_build(period=period_resolve(meeting=first), language="en")
    assert report.since is None
    texts = [u.progress.text for u in entries(report)["1.1"].updates]
    assert texts == ["Before the first meeting", "On the day of the first meeting"]


def test_status_changes_in_the_window_only(past_plan, council_meetings):
    _first, second = council_meetings
    action_save("1.1", datetime.date(2026, 2, 1), status="delayed")  # before the window
    action_save("1.1", datetime.date(2026, 4, 15), status="on_hold")  # in it
    action_save("1.1", datetime.date(2026, 5, 2), status="in_progress")  # in it
    action_save("2.1", datetime.date(2026, 5, 3), remarks_en="Edited, same status")
    action_save("1.1", datetime.date(2026, 7, 10), status="completed")  # after it

    report = report_build(period=period_resolve(meeting=second), language="en")
    changes = [(c.date, c.old_label, c.new_label) for c in entries(report)["1.1"].changes]
    assert changes == [
        (datetime.date(2026, 4, 15), "Delayed", "On hold"),
        (datetime.date(2026, 5, 2), "On hold", "In progress"),
    ]
    assert entries(report)["1.1"].status == "in_progress"  # as it stood on June 8
    assert entries(report)["2.1"].changes == []  # an edit is not a status change
    assert report.change_count == 2

    report = report_build(period=period_resolve(meeting=second), language="fr")
    change = entries(report)["1.1"].changes[0]
    assert (change.old_label, change.new_label) == ("En retard", "En suspens")


def test_past_report_shows_the_plan_as_it_stood(past_plan):
    activity = Activity.objects.get(number=1)
    added = ActionFactory(activity=activity, number=3, description_en="A later action")
    added.history.update(history_date=timezone.now() - datetime.timedelta(days=200))
    added_on = timezone.localdate(added.history.get().history_date)
    action_save("2.1", added_on, status="completed")
    action_save("1.2", added_on, description_en="Keep the Playbook current (reworded)")

    before = report_build(
        period=period_resolve(as_of=added_on - datetime.timedelta(days=1)), language="en"
    )
    found = entries(before)
    assert list(found) == SEED_CODES  # the later action is absent
    assert found["2.1"].status == "ongoing"
    assert found["1.2"].description.text.startswith("Keep the Playbook up to date")

    after = report_build(period=period_resolve(as_of=added_on), language="en")
    found = entries(after)
    assert list(found) == ["1.1", "1.2", "1.3", *SEED_CODES[2:]]
    assert found["1.3"].description.text == "A later action"
    assert found["2.1"].status == "completed"
    assert found["1.2"].description.text == "Keep the Playbook current (reworded)"

    # Before the plan was loaded there was nothing.
    empty = report_build(
        period=period_resolve(as_of=PLAN_LOADED - datetime.timedelta(days=1)), language="en"
    )
    assert list(entries(empty)) == []
    assert empty.total == 0


def test_as_of_is_the_end_of_the_day_in_the_portals_time_zone(past_plan):
    day = datetime.date(2026, 4, 10)
    # 23:30 in Toronto is already April 11 in UTC: it still belongs to April 10.
    action_save("3.1", day, datetime.time(23, 30), status="in_progress")
    report = report_build(period=period_resolve(as_of=day), language="en")
    assert entries(report)["3.1"].status == "in_progress"
    report = report_build(
        period=period_resolve(as_of=day - datetime.timedelta(days=1)), language="en"
    )
    assert entries(report)["3.1"].status == "not_started"
    assert end_of_day(day).utcoffset() == datetime.timedelta(hours=-4)


def test_text_in_the_other_language_is_marked(seed_plan, make_update):
    make_update(action("1.1"), timezone.localdate(), "Stratégie présentée au CPSSP", language="fr")
    english = entries(report_build(period=period_resolve(), language="en"))["1.1"].updates[0]
    assert english.progress.text == "Stratégie présentée au CPSSP"
    assert english.progress.language == "fr"
    assert english.progress.note == "(original French text, no translation yet)"
    assert english.progress.plain == (
        "Stratégie présentée au CPSSP (original French text, no translation yet)"
    )
    french = entries(report_build(period=period_resolve(), language="fr"))["1.1"].updates[0]
    assert french.progress.note == ""
    assert french.progress.language == "fr"


def test_default_period_is_since_the_latest_meeting_of_any_kind(seed_plan):
    today = timezone.localdate()
    assert period_resolve().since is None  # no meeting yet: since the beginning
    MeetingFactory(date=today - datetime.timedelta(days=90), kind="council")
    latest = MeetingFactory(date=today - datetime.timedelta(days=30), kind="in_person")
    MeetingFactory(date=today + datetime.timedelta(days=30), kind="council")  # not yet held
    period = period_resolve()
    assert (period.as_of, period.since, period.since_meeting) == (today, latest.date, latest)
    chosen = today - datetime.timedelta(days=5)
    assert period_resolve(since=chosen).since == chosen


def test_chosen_activities_only(seed_plan):
    ids = list(Activity.objects.filter(number__in=[2, 4]).values_list("pk", flat=True))
    report = report_build(period=period_resolve(), language="en", activity_ids=ids)
    assert [a.number for a in report.activities] == [2, 4]
    assert list(entries(report)) == ["2.1", "2.2", "2.3", "4.1"]
    assert report.total == 4
    assert not report.all_activities


@pytest.mark.parametrize("count", [5, 60])
def test_past_report_queries_do_not_grow(django_assert_max_num_queries, count):
    activity = ActivityFactory()
    organization = OrganizationFactory()
    for number in range(1, count + 1):
        created = ActionFactory(activity=activity, number=number)
        created.responsible_organizations.add(organization)
        ResourceFactory(action=created)
        ExpectedResultFactory(action=created)
    for model in (Activity, Action, Resource, ExpectedResult):
        backdate_history(model, PLAN_LOADED)
    period = period_resolve(as_of=datetime.date(2026, 1, 1))  # 1 query: the latest meeting
    # Actions as they stood, activities, organizations' and people's history links, the
    # organizations, the people, resources and expected results as they stood; status
    # history in the window; status updates.
    with django_assert_max_num_queries(11):
        report = report_build(period=period, language="en")
    assert report.total == count
    assert all(entry.responsible == [organization.name] for entry in report.actions)
