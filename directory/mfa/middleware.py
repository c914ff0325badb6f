from urllib.parse import urlencode

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

from directory.mfa import policy

# Set at sign-in for someone who had no second factor then and needs none: their pages then
# cost no look-up of devices. (Enrolling later verifies the session that enrols.)
PASSWORD_ENOUGH = "mfa_password_enough"  # noqa: S105 (a session key, not a password)


@receiver(user_logged_in, dispatch_uid="mfa_sign_in")
def _note_what_sign_in_needs(sender, request, user, **kwargs):
    request.session[PASSWORD_ENOUGH] = not (
        policy.mfa_required(user) or policy.has_second_factor(user)
    )


class SecondFactorMiddleware:
    """Sends a signed-in person who has not given their second factor to do so, before any view.

    Who has a second factor gives it at every sign-in; who needs one and has none sets one up
    first. Only the sign-in steps themselves (views marked `mfa_exempt`) stay open meanwhile.
    Placed after django-otp's OTPMiddleware, which tells whether the session is verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if getattr(view_func, "mfa_exempt", False):
            return None
        if request.session.get(PASSWORD_ENOUGH) and not policy.mfa_required(user):
            return None
        if policy.has_second_factor(user):
            step = "mfa_verify"
        elif policy.mfa_required(user):
            step = "mfa_enrol"
        else:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
