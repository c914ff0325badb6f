"""The work plan in the administration: both languages in tabs, inlines, history, search."""

import pytest

from tests.reports.factories import MeetingFactory
from tests.workplan.factories import StatusUpdateFactory
from workplan.models import Action

pytestmark = pytest.mark.django_db


# The seed plan's 4 activities and 7 actions, plus the one update and one meeting made here.
@pytest.mark.parametrize(
    ("model", "count"),
    [
        ("workplan/activity", 4),
        ("workplan/action", 7),
        ("workplan/statusupdate", 1),
        ("reports/meeting", 1),
    ],
)
def test_changelists_render(admin_client, seed_plan, model, count):
    StatusUpdateFactory(action=Action.objects.first())
    MeetingFactory(date="2026-11-01")
    response = admin_client.get(f"/en/admin/{model}/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == count


def test_action_change_page_has_tabs_inlines_and_history(admin_client, seed_plan):
    action = Action.objects.get(activity__number=1, number=1)
    response = admin_client.get(f"/en/admin/workplan/action/{action.pk}/change/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="description_en"' in body
    assert 'name="description_fr"' in body
    assert 'name="resources-0-description_fr"' in body
    assert 'name="expected_results-0-state"' in body
    assert "/static/jquery-ui/jquery-ui.min.js" in body  # the translation tabs, served locally
    assert f"/en/admin/workplan/action/{action.pk}/history/" in body
    history = admin_client.get(f"/en/admin/workplan/action/{action.pk}/history/")
    assert history.status_code == 200


def test_search_finds_french_text(admin_client, seed_plan):
    response = admin_client.get("/en/admin/workplan/action/", {"q": "Stratégie de mobilisation"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert "1 result" in response.content.decode()


def test_saving_in_the_admin_raises_the_version(admin_client, seed_plan):
    action = Action.objects.get(activity__number=4, number=1)
    page = admin_client.get(f"/en/admin/workplan/action/{action.pk}/change/")
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "canonical"):
            value = value.canonical
        if isinstance(value, list):
            value = [getattr(v, "pk", v) for v in value]
        data[name] = "" if value is None else value
    data["remarks_en"] = "Edited in the admin"
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{formset.formset.prefix}-{name}"] = management.initial.get(name, 0)
        for i, inline_form in enumerate(formset.formset.forms):
            for name, field in inline_form.fields.items():
                value = inline_form.initial.get(name, field.initial)
                if hasattr(value, "canonical"):
                    value = value.canonical
                data[f"{formset.formset.prefix}-{i}-{name}"] = (
                    "" if value is None else getattr(value, "pk", value)
                )
    version = action.version
    response = admin_client.post(f"/en/admin/workplan/action/{action.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert action.remarks_en == "Edited in the admin"
    assert action.version == version + 1
    record = Action.history.filter(id=action.pk).latest("history_date")
    assert record.history_user.is_superuser


def test_members_are_kept_out(member_client):
    response = member_client.get("/en/admin/workplan/action/")
    assert response.status_code == 302
