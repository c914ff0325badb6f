"""The audit trail: one row per security event (who, what, when, from where), for superusers.

Why one small model and not a library: django-easy-audit logs every request and every model
change by default — heavy on each request and so noisy that the few events that matter drown;
django-auditlog only diffs model changes, which django-simple-history already does here for the
plan. The portal needs a dozen kinds of security events (sign-ins and their failures, lockouts,
two-step verification, refusals, role changes, downloads), each with who, what, when and where: one
append-only table with an indexed time column does it, and `portal.audit.record()` is the one
way to write it.

Who: `user` is the account the event concerns (kept as `username` too, so the entry still names
it after the account is renamed or deleted; for a failed sign-in, `username` is what was typed).
Where: the client's address and the path of the request during which it happened, when there
was one (a role given from the shell has none).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    SIGN_IN = "sign-in", _("Signed in")
    SIGN_IN_FAILED = "sign-in-failed", _("Sign-in failed")
    LOCKED_OUT = "locked-out", _("Locked out")
    SIGN_OUT = "sign-out", _("Signed out")
    MFA_ENROLLED = "mfa-enrolled", _("Two-step verification set up")
    MFA_FAILED = "mfa-failed", _("Two-step verification code refused")
    MFA_RESET = "mfa-reset", _("Two-step verification reset")
    ACCESS_DENIED = "access-denied", _("Access denied (403)")
    ROLE_GRANTED = "role-granted", _("Role granted")
    ROLE_REMOVED = "role-removed", _("Role removed")
    SUPERUSER_GRANTED = "superuser-granted", _("Superuser status granted")
    SUPERUSER_REMOVED = "superuser-removed", _("Superuser status removed")
    DOWNLOAD = "download", _("Download")
    PUBLISHED_STALE = "published-stale", _("Published with an out-of-date translation")


class AuditEntry(models.Model):
    """One security event. Written only by `portal.audit.record()`, never changed."""

    Kind = AuditKind

    when = models.DateTimeField(
        _("when"), default=timezone.now, db_index=True, help_text=_("When it happened.")
    )
    kind = models.CharField(
        _("event"), max_length=30, choices=AuditKind.choices, help_text=_("What happened.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The account the event concerns, if it exists."),
    )
    username = models.CharField(
        _("username"),
        max_length=150,
        blank=True,
        help_text=_("The account’s username at the time; for a failed sign-in, what was typed."),
    )
    ip_address = models.GenericIPAddressField(
        _("IP address"), null=True, blank=True, help_text=_("The client’s address.")
    )
    path = models.CharField(
        _("path"), max_length=500, blank=True, help_text=_("The page requested.")
    )
    detail = models.CharField(
        _("detail"),
        max_length=300,
        blank=True,
        help_text=_("What was downloaded, which role, which page was refused, and by whom."),
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-when", "-pk"]
        # The admin's usual question: the latest entries of one kind.
        indexes = [models.Index(fields=["kind", "-when"], name="portal_audit_kind_when")]

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}"
