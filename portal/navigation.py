"""The main navigation: each app declares its sections; the base template shows the user's.

An app lists its sections in its own ``navigation.py`` (found when the portal starts, as the
admin finds ``admin.py``)::

    from portal.navigation import Section, register

    register(Section("plan", _("Work plan"), "workplan:plan", roles=(Role.MEMBER,),
                     current=("workplan:*",), order=20))

A section is shown to the users who may open it (``roles``, or ``superuser``, or everyone
when neither is given) and marked as the current page for the URL names in ``current``
("namespace:*" for a whole namespace; by default its own URL name).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from portal.registry import Registry
from portal.roles import has_role

_sections: Registry[Section] = Registry("navigation section")


@dataclass(frozen=True)
class Section:
    key: str
    label: str  # lazy: read in the language of each request
    url_name: str
    roles: tuple[str, ...] = ()
    superuser: bool = False  # only superusers see it
    current: tuple[str, ...] = ()
    order: int = 100

    def visible_to(self, user) -> bool:
        if self.superuser:
            return user.is_authenticated and user.is_superuser
        return not self.roles or has_role(user, *self.roles)

    def is_current(self, view_name: str | None) -> bool:
        if not view_name:
            return False
        for name in self.current or (self.url_name,):
            if name == view_name or (name.endswith(":*") and view_name.startswith(name[:-1])):
                return True
        return False


@dataclass(frozen=True)
class Link:
    key: str
    label: str
    url: str
    current: bool


def register(*sections: Section) -> None:
    """Adds sections to the navigation (an app's ``navigation.py`` calls it once)."""
    _sections.add(*sections)


def links_for(user, view_name: str | None) -> list[Link]:
    """The sections the user may open, in order, the one they are in marked as current."""
    return [
        Link(section.key, section.label, reverse(section.url_name), section.is_current(view_name))
        for section in _sections
        if section.visible_to(user)
    ]
