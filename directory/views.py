from django.shortcuts import render
from django.views.decorators.http import require_GET

from directory.access import public


@public
@require_GET
def home(request):
    """The portal's front door: what it is for, and the way in."""
    return render(request, "directory/home.html")


@require_GET
def account(request):
    """The signed-in user's own page: who they are, their roles, their account links."""
    person = getattr(request.user, "person", None)
    return render(request, "directory/account.html", {"person": person})


@public
@require_GET
def floor(request):
    """The benchmark's floor: the base template and no query (routed only when benchmarking)."""
    return render(request, "directory/floor.html")
