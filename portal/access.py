"""The one way a view requires a role.

Every view is closed by default (LoginRequiredMiddleware): anonymous visitors are sent to
sign in unless the view is decorated with ``public``. A signed-in user who lacks the role gets
403. Usage::

    @role_required(Role.MEMBER)
    def plan(request): ...

    @public
    def home(request): ...
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied

from portal.roles import has_role

public = login_not_required


def role_required(*roles):
    if not roles:
        raise ValueError("role_required needs at least one role.")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_roles = roles
        return wrapped

    return decorator
