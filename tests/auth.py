"""How tests sign in: the one way, so that every signed-in test goes through the same session.

`sign_in(client, user)` opens a session for the user as the two sign-in steps leave it: after
the password, and after the second factor for those who have one or need one (co-chairs,
editors, stewards, superusers). A person who needs a second factor and has none is given an
authenticator first, as enrolment would. The sign-in pages themselves are tested through their
forms (tests/directory/test_mfa.py), not through this.
"""

from django.middleware.csrf import CSRF_SESSION_KEY
from django.utils.crypto import get_random_string
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.mfa import policy


def authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return device


def code_for(device: TOTPDevice, *, later: int = 0) -> str:
    """The code the person's app shows now (or `later` time steps from now)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + later * device.step
    return f"{totp.token():0{device.digits}d}"


def next_code(user) -> str:
    """A code the person's authenticator accepts now: the current one, or the next one if the
    current one was just used (django-otp accepts each time step once)."""
    device = authenticator(user)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return code_for(device, later=1 if device.last_t >= totp.t() else 0)


def sign_in(client, user, *, second_factor: bool = True):
    """Signs `user` in on the test client and returns the client.

    With `second_factor=False`, the session stops after the password, as for someone who has
    not yet entered their code.
    """
    client.force_login(user)
    session = client.session
    # The CSRF secret a real sign-in leaves in the session (CSRF_USE_SESSIONS): without it, the
    # first page would write the session, which no later page does.
    session[CSRF_SESSION_KEY] = get_random_string(32)
    if second_factor and (policy.mfa_required(user) or policy.has_second_factor(user)):
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()
    return client
