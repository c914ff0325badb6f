"""An action's page: everything about it, its updates newest first, its history; fixed queries."""

import datetime
import re

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from portal.fuzzydates import FuzzyDate
from tests.auth import sign_in
from tests.conftest import SIGNED_IN, fragment_queries, main_of
from tests.directory.factories import UserFactory
from tests.workplan.factories import ActionFactory, ExpectedResultFactory, StatusUpdateFactory
from tests.workplan.html_helpers import assert_change
from workplan.models import Action, ExpectedResult
from workplan.services import action_update, status_update_create

pytestmark = pytest.mark.django_db


def url(action, language="en", name="action") -> str:
    with translation.override(language):
        return reverse(f"workplan:{name}", args=[action.pk])


def facts(body: str) -> dict[str, str]:
    """The action's facts list (id="action-facts"): each term's text, and its description's."""
    facts_list = lxml.html.fromstring(body).get_element_by_id("action-facts")
    return {
        " ".join(dt.text_content().split()): " ".join(dd.text_content().split())
        for dt, dd in zip(facts_list.xpath("dt"), facts_list.xpath("dd"), strict=True)
    }


@pytest.fixture
def first_action(seed_plan):
    return Action.objects.get(activity__number=1, number=1)


def test_everything_about_a_seed_action_in_english(member_client, first_action):
    response = member_client.get(url(first_action))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Action 1.1</h1>" in body
    assert escape(first_action.description_en) in body
    assert escape(first_action.activity.objective_en) in body
    shown = facts(body)
    assert shown["Responsible"] == "Service Network Collaboration Working Group"
    assert shown["Start date"] == "April 2018"
    assert shown["Due date"] == "February 2019 Overdue"
    assert '<strong class="overdue-marker">Overdue</strong>' in body
    assert shown["Status"] == "In progress"
    assert shown["Health"] == "Not reported yet"
    assert shown["Last updated"] == "No status update yet"
    for resource in first_action.resources.all():
        assert escape(resource.description_en) in body
    for result in first_action.expected_results.all():
        assert escape(result.description_en) in body
    assert "(Planned)" in body
    assert "No status update has been posted yet." in body


def test_everything_about_a_seed_action_in_french(member_client, first_action):
    body = member_client.get(url(first_action, "fr")).content.decode()
    assert "<h1>Mesure 1.1</h1>" in body
    assert "Élaborer et mettre en œuvre une Stratégie de mobilisation" in body
    assert escape(first_action.activity.objective_fr) in body
    # French typography: a no-break space before the colon.
    assert "Activité 1</a>\xa0: " in body
    assert "avril 2018" in body
    assert "février 2019" in body
    assert "Échéance dépassée" in body
    assert "Résultats escomptés" in body
    assert "Ressources nécessaires (personnel, financement, etc.)" in body
    for result in first_action.expected_results.all():
        assert escape(result.description_fr) in body
    assert "(Prévu)" in body


def test_an_action_that_is_not_late_is_not_marked(member_client):
    # Any day next year, in the portal's time zone: never late, and 29 February cannot break it.
    action = ActionFactory(due=FuzzyDate.of_year(timezone.localdate().year + 1))
    response = member_client.get(url(action))
    assert response.status_code == 200
    body = response.content.decode()
    assert facts(body)["Due date"] == str(timezone.localdate().year + 1)  # its page, its due date
    assert "overdue-marker" not in body


def test_updates_newest_first_with_author_status_and_texts(member_client, member):
    action = ActionFactory()
    older = StatusUpdateFactory(
        action=action,
        author=member,
        date=datetime.date(2026, 2, 12),
        progress_en="Older progress",
        status="in_progress",
        health="at_risk",
    )
    newer = StatusUpdateFactory(
        action=action,
        author=UserFactory(first_name="Raj", last_name="Patel"),
        date=datetime.date(2026, 3, 4),
        progress_en="Newer progress",
        next_steps_en="Write the case study",
        challenges_en="Funding decision needed",
        status="delayed",
        health="off_track",
    )
    body = member_client.get(url(action)).content.decode()
    assert body.index(f'id="update-{newer.pk}"') < body.index(f'id="update-{older.pk}"')
    newer_html = body.split(f'id="update-{newer.pk}"')[1].split("</article>")[0]
    assert "By Raj Patel" in newer_html
    assert "Delayed" in newer_html
    assert "Off track" in newer_html
    assert "Write the case study" in newer_html
    assert "Funding decision needed" in newer_html
    assert "March 4, 2026" in newer_html
    older_html = body.split(f'id="update-{older.pk}"')[1].split("</article>")[0]
    assert "By Marie Tremblay" in older_html  # the directory name of the member
    assert "February 12, 2026" in older_html
    assert "At risk" in older_html


def test_the_status_update_form_is_on_the_page(member_client):
    action = ActionFactory(status="ongoing", health="at_risk")
    body = member_client.get(url(action)).content.decode()
    form = body.split('<form method="post" action="')[-1]
    assert form.startswith(url(action, name="update_create"))
    assert 'id="update-form"' in body
    for name in ("date", "status", "health", "progress", "next_steps", "challenges"):
        assert f'name="{name}"' in form
    # It starts from where the action stands.
    assert '<option value="ongoing" selected>' in form
    assert '<option value="at_risk" selected>' in form


def test_history_includes_expected_results_and_resources(cochair_client, cochair, first_action):
    result = first_action.expected_results.order_by("order").first()
    items = [
        {
            "id": r.pk,
            "delete": False,
            "description_en": r.description_en,
            "description_fr": r.description_fr,
            "state": "delivered" if r.pk == result.pk else r.state,
            "date": r.date,
        }
        for r in first_action.expected_results.order_by("order")
    ]
    resources = [
        {"id": r.pk, "delete": True, "description_en": "", "description_fr": ""}
        for r in first_action.resources.all()
    ] + [
        {
            "id": None,
            "delete": False,
            "description_en": "GCcollab space",
            "description_fr": "Espace GCcollab",
        }
    ]
    action_update(
        action=first_action,
        user=cochair,
        expected_version=first_action.version,
        fields={"remarks_en": "Shared with the PSSDC", "remarks_fr": "Transmis au CPSSP"},
        resources=resources,
        expected_results=items,
    )
    body = cochair_client.get(url(first_action)).content.decode()
    history = body.split('id="history"')[1]
    assert "Cheryl Meek" in history
    assert_change(history, "State", "Planned", "Delivered")
    assert re.search(r"Resource needed “GCcollab space”</span>:\s*added", history)
    assert_change(history, "Remarks (English)", "—", "Shared with the PSSDC")
    # The French remark is marked as French on the English page.
    assert_change(history, "Remarks (French)", "—", "Transmis au CPSSP", lang="fr")
    body_fr = cochair_client.get(url(first_action, "fr")).content.decode()
    history_fr = body_fr.split('id="history"')[1]
    assert_change(history_fr, "État", "Prévu", "Livré")
    assert ExpectedResult.objects.get(pk=result.pk).state == "delivered"


def test_unknown_action_is_404(member_client):
    assert member_client.get("/en/workplan/actions/999999/").status_code == 404


def _post_updates(action, author, count):
    statuses = ["in_progress", "delayed", "on_hold", "ongoing"]
    today = timezone.localdate()
    for n in range(count):
        status_update_create(
            action=action,
            author=author,
            language="fr" if n % 2 else "en",
            date=today - datetime.timedelta(days=count - n),
            status=statuses[n % len(statuses)],
            health="on_track",
            progress=f"Progress {n}",
        )


def test_query_count_does_not_grow_with_updates_and_history(client, django_assert_max_num_queries):
    # 1 session, 2 user, 3 groups; 4 the action with its activity, prefetches 5 organizations,
    # 6 people, 7 people's organizations, 8 resources, 9 expected results; 10 updates with
    # authors; history: 11 action records, 12-13 their organizations, 14-15 their people,
    # 16 resource records, 17 expected-result records; the action alone, for the page's
    # title and form, and the three fragments of the page (facts and updates, the empty
    # form's fields, history). Same for 10 and for 100 updates. Asked again, the fragments come from
    # the cache.
    reader = UserFactory(username="reader", roles=["member"])
    author = UserFactory(username="author", roles=["member"])
    sign_in(client, reader)
    action = ActionFactory()
    ExpectedResultFactory(action=action, description_en="A", description_fr="A")
    _post_updates(action, author, 10)
    with django_assert_max_num_queries(17 + 1 + fragment_queries(3, hit=False)) as small:
        response = client.get(url(action))
    assert response.status_code == 200
    with django_assert_max_num_queries(SIGNED_IN + 1 + fragment_queries(3, hit=True)):
        again = client.get(url(action))
    assert main_of(again) == main_of(response)
    _post_updates(action, author, 90)
    assert action.updates.count() == 100
    assert Action.history.filter(id=action.pk).count() > 90
    with django_assert_max_num_queries(17 + 1 + fragment_queries(3, hit=False)) as large:
        response = client.get(url(action))
    assert response.status_code == 200
    assert len(small) == len(large)
