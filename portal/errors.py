"""The portal's own error pages: rendered with the request, so they keep the portal's layout,
the reader's language and the way back (Django's default 400 page renders without them)."""

from django.shortcuts import render

from portal import audit


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    audit.record(
        kind=audit.Kind.ACCESS_DENIED,
        request=request,
        detail=f"{request.method} {request.get_full_path()}",
    )
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (expired, or from elsewhere) is a
    403 like any other, recorded, on the portal's own page."""
    audit.record(
        kind=audit.Kind.ACCESS_DENIED,
        request=request,
        detail=f"{request.method} {request.get_full_path()} CSRF: {reason}",
    )
    return render(request, "403.html", {"csrf_failure": True}, status=403)
