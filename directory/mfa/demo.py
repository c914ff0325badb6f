"""The demo's second factor: one known key for the demo accounts, for development only.

A newcomer running `make run` can sign in as every role: the key is printed by `load_demo`, and
`manage.py demo_code` prints the code it gives now (no phone needed).
"""

from base64 import b32encode
from binascii import hexlify

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.mfa import policy

# Public on purpose, like the demo password; load_demo refuses to run outside development.
DEMO_KEY = b"snc-portal-demo-key!"  # 20 bytes: the key length authenticator apps expect


def key_grouped() -> str:
    key = b32encode(DEMO_KEY).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def code_now() -> str:
    totp = TOTP(DEMO_KEY, step=30, t0=0, digits=6)
    return f"{totp.token():06d}"


def authenticator_give(*, user) -> TOTPDevice:
    """The user's authenticator, set to the demo key (no backup codes: the key suffices)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice(user=user, name=policy.AUTHENTICATOR_NAME, confirmed=True)
    device.key = hexlify(DEMO_KEY).decode()
    device.save()
    return device
