"""Roles are Django groups (created by a data migration); superusers administer everything."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Working-group member")
    EDITOR = "editor", _("Playbook editor")
    STEWARD = "steward", _("Service-point data steward")
    COCHAIR = "cochair", _("Co-chair")


# A co-chair is a working-group member too: whatever a member may do, a co-chair may.
IMPLIED_ROLES = {Role.COCHAIR: {Role.MEMBER}}


def roles_of(user) -> set[str]:
    """The roles a user holds, including those their roles imply (cached on the user)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        for role in list(cached):
            cached |= {str(r) for r in IMPLIED_ROLES.get(role, ())}
        user._portal_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    """True when the user is a superuser or holds any of the given roles."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(roles_of(user) & {str(r) for r in roles})


def role_labels(user) -> list[str]:
    """The roles the user was given, by their names in the reader's language (never a code)."""
    if not user.is_authenticated:
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [str(role.label) for role in Role if role.value in names]
