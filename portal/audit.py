"""The one way to write the audit trail (portal.models.AuditEntry), and the signals that feed it.

    from portal import audit
    audit.record(kind=audit.Kind.MFA_ENROLLED, request=request, user=user)

`record()` takes whatever the request or the visitor brings (a 10,000-character username, null
bytes, right-to-left overrides, a malformed address) and stores it cut to its column, with
invisible and control characters written out as ``\\u202e`` so that an entry reads in the admin
as what was typed and cannot disguise itself; it never fails the caller's request for that.

`connect()` (called by portal/apps.py) records on its own: sign-ins, sign-outs and failures,
django-axes' lockouts, role changes (the groups of a user, from either side) and superuser
status given or taken. 403s are recorded by portal/errors.py; downloads and second-factor
steps by the views that serve them. A change made with ``QuerySet.update()`` sends no signal
and is not recorded: the portal's code and the admin save users one by one.
"""

import ipaddress
import unicodedata

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from simple_history.models import HistoricalRecords

from portal.models import AuditEntry, AuditKind

Kind = AuditKind

ELLIPSIS = "…"
# Characters that do not show, or move what follows: written out so the entry reads as typed.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def record(*, kind, request=None, user=None, username="", detail="") -> AuditEntry:
    """Stores one entry. `user` defaults to the request's signed-in user; `username` to the
    user's. A `kind` that is not an AuditKind is the caller's mistake and raises ValueError."""
    kind = AuditKind(kind)
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is not None and (not getattr(user, "is_authenticated", False) or user.pk is None):
        user = None
    if not username and user is not None:
        username = user.get_username()
    return AuditEntry.objects.create(
        kind=kind,
        user=user,
        username=_fit(username, _max("username")),
        ip_address=_client_address(request),
        path=_fit(request.path if request is not None else "", _max("path")),
        detail=_fit(detail, _max("detail")),
    )


def record_download(*, request, what: str, fmt: str, language: str, filename: str):
    """Records a file served: what (``report``, ``plan``), its format and language, the file's
    name and the query that chose its content (meeting, filters)."""
    query = request.GET.urlencode()
    detail = f"{what} {fmt} {language} {filename}" + (f" ?{query}" if query else "")
    return record(kind=Kind.DOWNLOAD, request=request, detail=detail)


def _max(field: str) -> int:
    return AuditEntry._meta.get_field(field).max_length


def _fit(value, limit: int) -> str:
    """`value` as text that the column holds: hidden characters written out, cut to `limit`
    characters with an ellipsis when longer."""
    text = "" if value is None else str(value)
    # Writing a character out never makes it shorter: cut first, so a huge value costs nothing.
    text = _visible(text[: limit + 1])
    if len(text) > limit:
        text = text[: limit - 1] + ELLIPSIS
    return text


def _visible(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in HIDDEN_CATEGORIES else c for c in text
    )


def _client_address(request) -> str | None:
    """The client's address as django-axes sees it (AXES_CLIENT_IP_CALLABLE, so PROXY_COUNT
    applies), or None when there is no request or the address is not one."""
    if request is None:
        return None
    try:
        address = get_client_ip_address(request)
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None


def _current_request():
    """The request being served, if any (django-simple-history's middleware keeps it), for the
    events that reach us through model signals."""
    return getattr(HistoricalRecords.context, "request", None)


def _by(user) -> str:
    """Who made a change to `user`'s account, when it was someone else through a request."""
    request = _current_request()
    actor = getattr(request, "user", None)
    if actor is None or not actor.is_authenticated or actor.pk == getattr(user, "pk", None):
        return ""
    return f" by {actor.get_username()}"


def _account(username: str):
    """The account a typed username names, if one does (what a failed sign-in was aimed at)."""
    User = get_user_model()
    limit = User._meta.get_field(User.USERNAME_FIELD).max_length
    if not username or "\x00" in username or (limit and len(username) > limit):
        return None
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


# Sign-in events -------------------------------------------------------------------------------


def _on_logged_in(sender, request, user, **kwargs):
    record(kind=Kind.SIGN_IN, request=request, user=user)


def _on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(kind=Kind.SIGN_OUT, request=request, user=user)


def _on_login_failed(sender, credentials, request=None, **kwargs):
    typed = credentials.get(get_user_model().USERNAME_FIELD) or ""
    typed = typed if isinstance(typed, str) else str(typed)
    record(kind=Kind.SIGN_IN_FAILED, request=request, user=_account(typed), username=typed)


def _on_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    typed = username or ""
    record(kind=Kind.LOCKED_OUT, request=request, user=_account(typed), username=typed)


# Roles and superuser status ---------------------------------------------------------------------


def _on_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Records each role given or taken, whether through user.groups or group.user_set."""
    User = get_user_model()
    through = User.groups.through
    # Before a removal or a clear, note the pairs that exist: a removal of a role the user does
    # not hold changes nothing and records nothing.
    if action in ("pre_remove", "pre_clear"):
        pairs = through.objects.filter(**{"group" if reverse else "user": instance})
        if action == "pre_remove":
            pairs = pairs.filter(**{"user__in" if reverse else "group__in": pk_set})
        instance._portal_audit_removed = set(pairs.values_list("user_id", "group_id"))
        return
    if action == "post_add":
        kind = Kind.ROLE_GRANTED
        pairs = {(pk, instance.pk) if reverse else (instance.pk, pk) for pk in pk_set}
    elif action in ("post_remove", "post_clear"):
        kind = Kind.ROLE_REMOVED
        pairs = instance.__dict__.pop("_portal_audit_removed", set())
    else:
        return
    if not pairs:
        return
    Group = through._meta.get_field("group").related_model
    users = User._default_manager.in_bulk({user_id for user_id, _ in pairs})
    groups = Group._default_manager.in_bulk({group_id for _, group_id in pairs})
    request = _current_request()
    for user_id, group_id in sorted(pairs):
        user, group = users.get(user_id), groups.get(group_id)
        if user is None or group is None:
            continue
        record(kind=kind, request=request, user=user, detail=f"{group.name}{_by(user)}")


def _on_user_pre_save(sender, instance, raw, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "is_superuser" not in update_fields):
        return
    if instance._state.adding:
        was = False
    else:
        was = (
            sender._default_manager.filter(pk=instance.pk)
            .values_list("is_superuser", flat=True)
            .first()
        )
    instance._portal_audit_was_superuser = bool(was)


def _on_user_post_save(sender, instance, raw, **kwargs):
    was = instance.__dict__.pop("_portal_audit_was_superuser", None)
    if raw or was is None or was == instance.is_superuser:
        return
    record(
        kind=Kind.SUPERUSER_GRANTED if instance.is_superuser else Kind.SUPERUSER_REMOVED,
        request=_current_request(),
        user=instance,
        detail=_by(instance).strip(),
    )


def connect():
    """Connects the receivers above (once: each has a dispatch_uid)."""
    User = get_user_model()
    user_logged_in.connect(_on_logged_in, dispatch_uid="portal.audit.logged_in")
    user_logged_out.connect(_on_logged_out, dispatch_uid="portal.audit.logged_out")
    user_login_failed.connect(_on_login_failed, dispatch_uid="portal.audit.login_failed")
    user_locked_out.connect(_on_locked_out, dispatch_uid="portal.audit.locked_out")
    m2m_changed.connect(
        _on_groups_changed, sender=User.groups.through, dispatch_uid="portal.audit.groups"
    )
    pre_save.connect(_on_user_pre_save, sender=User, dispatch_uid="portal.audit.user_pre_save")
    post_save.connect(_on_user_post_save, sender=User, dispatch_uid="portal.audit.user_post_save")
