from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from directory.mfa import policy
from portal import home as front_page
from portal.access import public
from portal.roles import Role, role_labels


@public
@require_GET
def home(request):
    """The portal's front door: what it is for, and the way in.

    For working-group members the dashboard is home: they are sent there. Others see what
    the apps offer them (their panels, portal/home.py).
    """
    if request.user.is_authenticated and request.user.has_role(Role.MEMBER):
        return redirect("workplan:dashboard")
    return render(request, "directory/home.html", {"panels": front_page.panels_for(request)})


@require_GET
def account(request):
    """The signed-in user's own page: who they are, their roles, their account links."""
    person = getattr(request.user, "person", None)
    return render(
        request,
        "directory/account.html",
        {
            "person": person,
            "roles": role_labels(request.user),
            "second_factor": policy.has_second_factor(request.user),
            "mfa_required": policy.mfa_required(request.user),
        },
    )


@public
@require_GET
def floor(request):
    """The benchmark's floor: the base template and no query (routed only when benchmarking)."""
    return render(request, "directory/floor.html")
