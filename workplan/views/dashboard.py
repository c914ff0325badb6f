from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from portal.access import role_required
from portal.roles import Role
from workplan.dashboard import TimelineForm, dashboard_read, my_actions_read


@role_required(Role.MEMBER)
@require_GET
def dashboard(request):
    """Where the plan stands: counts, what is late or coming due, recent updates, a timeline."""
    timeline_form = TimelineForm(request.GET or None)
    activity = timeline_form.cleaned_data["activity"] if timeline_form.is_valid() else None
    today = timezone.localdate()
    # Read only when the page is not in the fragment cache (portal/fragments.py).
    data = SimpleLazyObject(lambda: dashboard_read(today=today, timeline_activity=activity))
    return render(
        request,
        "workplan/dashboard.html",
        {"data": data, "timeline_form": timeline_form},
    )


@role_required(Role.MEMBER)
@require_GET
def my_actions(request):
    """The actions naming the signed-in member or their organization, by due date."""
    today = timezone.localdate()

    def read() -> dict:
        person = getattr(request.user, "person", None)
        open_rows, closed_rows = (
            my_actions_read(person, today=today) if person is not None else (None, None)
        )
        return {"person": person, "open_rows": open_rows, "closed_rows": closed_rows}

    # Read only when the page is not in the fragment cache (portal/fragments.py).
    return render(request, "workplan/my_actions.html", {"mine": SimpleLazyObject(read)})
