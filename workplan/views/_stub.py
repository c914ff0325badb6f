"""Placeholder views: to be replaced by the real ones (see issues 3 and 4)."""

from django.http import HttpResponse

from directory.access import role_required
from directory.roles import Role


@role_required(Role.MEMBER)
def stub(request, *args, **kwargs):
    return HttpResponse("stub")
