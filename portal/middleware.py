"""Session limits and private caching, for every signed-in page and every download.

A session ends after `SESSION_IDLE_MINUTES` without a request (default 30) and, whatever the
activity, `SESSION_ABSOLUTE_HOURS` after signing in (default 12): someone who leaves a shared
computer signed in is signed out soon, and a stolen session cookie stops working the same day.
The person is told why on the sign-in page.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

SIGNED_IN_AT = "portal_signed_in_at"
SEEN_AT = "portal_seen_at"
# The last request is written to the session at most this often: one write a minute, not one
# per request, is precise enough for a 30-minute limit.
SEEN_PRECISION = 60


@receiver(user_logged_in, dispatch_uid="portal_session_start")
def _session_start(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now


class SessionLimitsMiddleware:
    """Signs out a session that was idle too long or is older than the absolute limit.

    Placed after the authentication and message middleware, before any view runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    @staticmethod
    def _enforce(request):
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        seen_at = session.get(SEEN_AT)
        if signed_in_at is None or seen_at is None:
            # A session opened before these limits existed: its clock starts now.
            session[SIGNED_IN_AT] = signed_in_at or now
            session[SEEN_AT] = now
            return
        if now - signed_in_at > settings.SESSION_ABSOLUTE_SECONDS:
            reason = _("For your security, sessions end %(hours)s hours after signing in.") % {
                "hours": settings.SESSION_ABSOLUTE_SECONDS // 3600
            }
        elif now - seen_at > settings.SESSION_IDLE_SECONDS:
            reason = _("You were signed out after %(minutes)s minutes without activity.") % {
                "minutes": settings.SESSION_IDLE_SECONDS // 60
            }
        else:
            if now - seen_at >= SEEN_PRECISION:
                session[SEEN_AT] = now
            return
        logout(request)
        messages.info(request, reason + " " + _("Sign in again to go on."))


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on what a signed-in person sees and on every file
    downloaded: a shared computer's browser or a proxy must not keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        download = response.get("Content-Disposition", "").startswith("attachment")
        if download or request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
