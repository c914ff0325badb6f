"""The second step of signing in, enrolment with a QR code, backup codes, and turning it off."""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from directory.mfa import policy
from directory.mfa.forms import CodeForm
from portal import audit

NEW_CODES = "mfa_new_backup_codes"


def mfa_exempt(view):
    """The view stays open to a signed-in person who has not yet given their second factor."""
    view.mfa_exempt = True
    return view


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _signed_in_with(request, device) -> None:
    """The session now counts as verified; a new session key, as after any change of rights."""
    request.session.cycle_key()
    otp_login(request, device)


@mfa_exempt
@require_http_methods(["GET", "POST"])
def verify(request):
    """Step two of signing in: the code from the app, or one backup code."""
    user = request.user
    if not policy.has_second_factor(user):
        return redirect("mfa_enrol" if policy.mfa_required(user) else "home")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(
        request.POST or None,
        check=lambda code: policy.verify(user, code),
        wrong_message=gettext_lazy(
            "That code is not right or has expired. Enter the code the app shows now, "
            "or one of your backup codes."
        ),
    )
    if request.method == "POST":
        if form.is_valid():
            _signed_in_with(request, form.device)
            return redirect(_next_url(request))
        audit.record(kind=audit.Kind.MFA_FAILED, request=request, user=user)
    return render(request, "directory/mfa_verify.html", {"form": form, "next": _next_url(request)})


def _qr_code(device) -> str:
    """The device's key as a QR code, an SVG data URI (served inline: no request, no CDN)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def _grouped(key_base32: str) -> str:
    return " ".join(key_base32[i : i + 4] for i in range(0, len(key_base32), 4))


@mfa_exempt
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Sets up the authenticator app: scan the code (or type the key), then confirm a code.

    Someone who already has a second factor must give it before replacing it.
    """
    user = request.user
    if policy.has_second_factor(user) and not user.is_verified():
        return redirect(f"{reverse('mfa_verify')}?next={reverse('mfa_enrol')}")
    device = policy.authenticator_pending(user)
    form = CodeForm(
        request.POST or None,
        check=lambda code: device if _pending_accepts(device, code) else None,
        wrong_message=gettext_lazy(
            "That code is not right. Check that the app shows the Service Network "
            "Collaboration Portal and enter the code it shows now."
        ),
    )
    if request.method == "POST" and form.is_valid():
        codes = policy.authenticator_confirm(device=device)
        _signed_in_with(request, device)
        request.session[NEW_CODES] = codes
        audit.record(kind=audit.Kind.MFA_ENROLLED, request=request, user=user)
        messages.success(request, _("Two-step verification is on."))
        return redirect(f"{reverse('mfa_backup_codes')}?next={_next_url(request)}")
    return render(
        request,
        "directory/mfa_enrol.html",
        {
            "form": form,
            "qr_code": _qr_code(device),
            "key": _grouped(b32encode(device.bin_key).decode()),
            "required": policy.mfa_required(user),
            "next": _next_url(request),
        },
    )


def _pending_accepts(device, code: str) -> bool:
    code = "".join(code.split())
    return code.isdigit() and device.verify_token(code)


@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """New backup codes, shown once; asking for new ones makes the old ones stop working."""
    user = request.user
    if not policy.has_second_factor(user):
        return redirect("mfa_enrol")
    if request.method == "POST":
        request.session[NEW_CODES] = policy.backup_codes_renew(user=user)
        return redirect("mfa_backup_codes")
    return render(
        request,
        "directory/mfa_backup_codes.html",
        {
            "codes": request.session.pop(NEW_CODES, None),
            "left": policy.backup_codes_left(user),
            "next": _next_url(request),
        },
    )


@require_POST
def disable(request):
    """A member who chose two-step verification may turn it off; those who need it may not."""
    user = request.user
    if policy.mfa_required(user):
        messages.error(request, _("Your role needs two-step verification: it stays on."))
    elif policy.devices_reset(user=user):
        audit.record(kind=audit.Kind.MFA_RESET, request=request, user=user, detail="self")
        messages.success(request, _("Two-step verification is off."))
    return redirect("account")
