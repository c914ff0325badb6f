from django.shortcuts import render
from django.views.decorators.http import require_GET

from directory.access import role_required
from directory.roles import Role
from workplan.filters import ActionFilter
from workplan.models import Action
from workplan.selectors import plan_sections


@role_required(Role.MEMBER)
@require_GET
def plan(request):
    """The whole plan, activity by activity, filtered by the query string."""
    action_filter = ActionFilter(
        request.GET, queryset=Action.objects.with_related(), request=request
    )
    filtered = action_filter.is_filtered
    sections = plan_sections(actions=action_filter.qs, include_empty=not filtered)
    return render(
        request,
        "workplan/plan.html",
        {
            "filter": action_filter,
            "filtered": filtered,
            "sections": sections,
            "action_count": sum(len(section.actions) for section in sections),
            "nav_section": "plan",
        },
    )
