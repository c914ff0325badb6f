"""What the sign-in throttle (django-axes) records of an attempt."""

from django.conf import settings
from django.contrib.auth import get_user_model


def attempted_username(request, credentials) -> str | None:
    """The username typed, cut to the longest a username can be.

    Axes stores it (in a 255-character column) to count failures per account: a longer
    value must count against the same account as its first characters, not break sign-in.
    """
    field = get_user_model().USERNAME_FIELD
    if credentials:
        value = credentials.get(field)
    else:
        value = getattr(request, "data", request.POST).get(field)
    if value is None:
        return None
    limit = get_user_model()._meta.get_field(field).max_length
    return str(value)[:limit]


def client_address(request) -> str | None:
    """The address of the person's computer, as the throttle and the audit trail count it.

    With PROXY_COUNT proxies in front of the portal, each appending the address it received
    from to X-Forwarded-For, the client is the PROXY_COUNT-th entry from the right: entries
    further left were written by the client itself and could be anything. With no proxy, the
    header is ignored and the connection's own address counts.
    """
    count = settings.PROXY_COUNT
    if count:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
