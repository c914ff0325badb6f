from django.shortcuts import render
from django.views.decorators.http import require_GET

from directory.access import role_required
from directory.roles import Role
from workplan.filters import ActionFilter
from workplan.models import Action
from workplan.selectors import plan_page, plan_sections


@role_required(Role.MEMBER)
@require_GET
def plan(request):
    """The plan, activity by activity, filtered by the query string, a page at a time."""
    action_filter = ActionFilter(
        request.GET, queryset=Action.objects.with_related(), request=request
    )
    filtered = action_filter.is_filtered
    page = plan_page(actions=action_filter.qs, number=request.GET.get("page"))
    sections = plan_sections(
        actions=page.object_list, include_empty=not filtered and not page.has_other_pages()
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workplan/plan.html",
        {
            "filter": action_filter,
            "filtered": filtered,
            "sections": sections,
            "action_count": page.paginator.count,
            "page": page,
            "query_without_page": query.urlencode(),
            "nav_section": "plan",
        },
    )
