"""What the tests of the editors' pages share: signed-in clients, URLs, and the item forms'
data as a browser posts them."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import translation

from partnerships.models import CaseStudy, Chapter, Content, Section, kind_of
from portal.roles import Role
from tests.auth import sign_in
from tests.directory.factories import UserFactory


def editor_client(username: str, role: str = Role.EDITOR):
    """A new client signed in as a new user of `role`; returns (client, user)."""
    user = UserFactory(username=username, roles=[role])
    return sign_in(Client(), user), user


def url(name: str, *, page_language: str = "en", **kwargs) -> str:
    """The path of a guide URL name, in the page's language (French paths are translated)."""
    with translation.override(page_language):
        return reverse(f"partnerships:{name}", kwargs=kwargs or None)


def item_url(name: str, item: Content, **kwargs) -> str:
    return url(name, kind=kind_of(item), pk=item.pk, **kwargs)


def _value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    return value


def item_data(item: Content, **changes) -> dict:
    """The item's edit form as loaded (every field as the page shows it), with `changes`."""
    model = type(item)
    data: dict = {"version": str(item.version), "comment": ""}
    texts = {
        Chapter: ("title", "slug", "introduction"),
        Section: ("title", "slug", "body"),
        CaseStudy: ("title", "slug", "summary", "outcomes", "lessons", "image_alt"),
    }[model]
    for name in texts:
        for language in ("en", "fr"):
            data[f"{name}_{language}"] = getattr(item, f"{name}_{language}") or ""
    if model is Chapter:
        data["number"] = item.number
    elif model is Section:
        data["chapter"] = item.chapter_id
        data["order"] = item.order
    else:
        for name in ("province", "place", "year_started", "status", "featured_on"):
            data[name] = _value(getattr(item, name))
        if item.featured:
            data["featured"] = "on"
        for name in ("organizations", "partnership_models", "services", "contacts"):
            data[name] = [str(pk) for pk in getattr(item, name).values_list("pk", flat=True)]
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
