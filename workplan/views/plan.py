from django.shortcuts import render
from django.views.decorators.http import require_GET

from directory.access import role_required
from directory.roles import Role


@role_required(Role.MEMBER)
@require_GET
def plan(request):
    return render(request, "workplan/plan.html")
