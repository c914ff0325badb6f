"""The portal's front page: what each app offers visitors, as panels the apps register.

The front page (directory) knows no feature app; an app that has something to show there
registers a panel, as it registers its navigation sections (portal/navigation.py)::

    from portal.home import Panel, register

    register(Panel("guide", "partnerships/public/home_panel.html", context=guide_panel,
                   order=40))

`context` takes the request and returns what the panel's template shows (or None to show
nothing); the page includes each template with that context as ``panel``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.registry import Registry

_panels: Registry[Panel] = Registry("front-page panel")


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable[..., dict | None]
    order: int = 100


@dataclass(frozen=True)
class Shown:
    key: str
    template: str
    context: dict


def register(*panels: Panel) -> None:
    """Adds panels to the front page (an app registers its own once, when it starts)."""
    _panels.add(*panels)


def panels_for(request) -> list[Shown]:
    """The panels to show on this request's front page, in order, with their context."""
    shown = []
    for panel in _panels:
        context = panel.context(request)
        if context is not None:
            shown.append(Shown(panel.key, panel.template, context))
    return shown
