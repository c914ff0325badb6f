"""Who needs a second factor, what they have, and the writes that enrol or reset them."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.roles import Role, has_role

# Roles whose holders change what everyone reads: they cannot sign in on a password alone.
PRIVILEGED_ROLES = (Role.COCHAIR, Role.EDITOR, Role.STEWARD)
BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
BACKUP_NAME = "backup"


def mfa_required(user) -> bool:
    """True for those who may not use the portal without a second factor."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or has_role(user, *PRIVILEGED_ROLES)


def has_second_factor(user) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def authenticator_pending(user) -> TOTPDevice:
    """The user's authenticator being set up: one unconfirmed device, kept until confirmed so
    that reloading the page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def authenticator_confirm(*, device: TOTPDevice) -> list[str]:
    """Makes `device` the user's one authenticator and returns a fresh set of backup codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return backup_codes_renew(user=device.user)


@transaction.atomic
def backup_codes_renew(*, user) -> list[str]:
    """Replaces the user's backup codes by new ones (the old ones stop working)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def devices_reset(*, user) -> int:
    """Removes every second factor of the user (an administrator's reset); returns how many."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        deleted, _ = model.objects.filter(user=user).delete()
        count += deleted
    return count


def verify(user, code: str):
    """The device that accepts `code` (authenticator first, then a backup code), or None.

    Each device counts its own failures and makes the next try wait longer (django-otp's
    throttling), so a code cannot be guessed by trying them all.
    """
    code = "".join(code.split()).lower()
    if not code:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(code):
                return device
    return None


def issuer(device) -> str:
    """How the authenticator app names the portal: in the person's preferred language."""
    person = getattr(device.user, "person", None)
    language = person.preferred_language if person else settings.LANGUAGE_CODE
    with translation.override(language):
        return str(_("Service Network Collaboration Portal"))
