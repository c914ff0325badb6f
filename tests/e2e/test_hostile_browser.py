"""Stored script never runs: hostile values saved through the portal's own forms, then every
HTML page of tests/urlmap.py opened in Chromium, in both official languages.

The values (tests/hostile.py's script payloads, each tagged with where it was stored) go into
a status update, the translation of another, an action's description, remarks, resource and
expected result, an activity's objective, a meeting's title, and the names of a person and an
organization (kept by the admin, so written through their models). Each page must then:
- open no dialog (the payloads call alert()) and leave ``window.__pwned`` unset;
- report no Content-Security-Policy violation or script error (an injected inline script or
  handler would be refused by the CSP, which the console reports);
- carry none of the values unescaped in its HTML, and no javascript: link;
- show each value it carries as text (in the page, an option or a form field).
Between them, the pages of both languages show every stored value.
"""

from __future__ import annotations

import datetime
import itertools

import lxml.html
import pytest
from django.test import Client
from django.utils.html import escape

from directory.models import Person
from portal.roles import Role
from tests import auth
from tests.directory.factories import UserFactory
from tests.e2e.conftest import session_cookie_add, url
from tests.hostile import PWNED_FLAG, SCRIPT_PAYLOADS, forms_in_main
from tests.urlmap import ROUTES, Samples, samples_create
from workplan.models import Action

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "fr")
# The least powerful role that sees a page is the one it is opened as.
PREFERENCE = ("anonymous", "member", "editor", "steward", "cochair", "superuser")
# What the console says when a page tries to run what the CSP forbids, or a script fails.
SCRIPT_SIGNS = ("content security policy", "refused to", "script", "pwned", "xss")

# Everything the page shows as text: rendered text, option labels, form field values.
VISIBLE_TEXT = """() => [
    document.body.innerText,
    ...Array.from(document.querySelectorAll("option"), (o) => o.text),
    ...Array.from(document.querySelectorAll("input, textarea"), (f) => f.value),
].join("\\n")"""
SCRIPT_URLS = """() => Array.from(
    document.querySelectorAll("[href], [src], [action], [formaction]"),
).flatMap((e) => ["href", "src", "action", "formaction"].map((a) => e.getAttribute(a) || ""))
 .filter((v) => /^\\s*javascript:/i.test(v))"""


def tagged(where: str, index: int) -> str:
    """A script payload, tagged with where it is stored (each stored value is unique)."""
    payload = SCRIPT_PAYLOADS[index % len(SCRIPT_PAYLOADS)]
    return f"[{where}] {payload.text}"


def user_with_person(username: str, role: str, organization):
    user = UserFactory(username=username, roles=[role])
    Person.objects.create(name=username.capitalize(), user=user, organization=organization)
    return user


def submit(client: Client, path: str, form_id: str, values: dict[str, str]) -> None:
    """Fills the page's form (every other field as rendered) and posts it: it must be saved."""
    response = client.get(path)
    assert response.status_code == 200, f"GET {path}: {response.status_code}"
    form = next(f for f in forms_in_main(response.content, path) if f.id == form_id)
    missing = set(values) - set(form.fields)
    assert not missing, f"{path} #{form_id} has no field {sorted(missing)}"
    response = client.post(form.action, form.submission(**values))
    assert response.status_code == 302, (
        f"POST {form.action} was refused ({response.status_code}): the stored values must be "
        f"valid input\n{response.content.decode()[:3000]}"
    )


def store_hostile_values(organization) -> tuple[Samples, dict, list[str]]:
    """Saves a tagged payload in each place the pages show stored text; returns the samples
    the URLs point at, the users per role and every stored value."""
    samples = samples_create()
    action = Action.objects.select_related("activity").get(pk=samples.action_pk)
    users = {role: user_with_person(role, role, organization) for role in PREFERENCE[1:-1]}
    users["superuser"] = UserFactory(username="admin", superuser=True)
    cochair = auth.sign_in(Client(), users[Role.COCHAIR])
    stored: list[str] = []

    def values(*names: str) -> dict[str, str]:
        chosen = {name: tagged(name, len(stored) + i) for i, name in enumerate(names)}
        stored.extend(chosen.values())
        return chosen

    submit(
        cochair,
        url("workplan:update_create", "en", pk=action.pk),
        "update-form",
        values("progress", "next_steps", "challenges"),
    )
    submit(
        cochair,
        url("workplan:update_translate", "en", pk=samples.update_pk),
        "translation-form",
        values("progress", "next_steps", "challenges"),
    )
    submit(
        cochair,
        url("workplan:action_edit", "en", pk=action.pk),
        "action-form",
        values(
            "description_en",
            "description_fr",
            "remarks_en",
            "remarks_fr",
            "resources-0-description_en",
            "resources-0-description_fr",
            "expected_results-0-description_en",
            "expected_results-0-description_fr",
        ),
    )
    submit(
        cochair,
        url("workplan:activity_edit", "en", pk=action.activity_id),
        "activity-form",
        values("objective_en", "objective_fr"),
    )
    meeting = values("title_en", "title_fr")
    submit(
        cochair,
        url("reports:meeting_create", "en"),
        "meeting-form",
        {"date": datetime.date(2026, 6, 1).isoformat(), **meeting},
    )
    # Names are kept in the admin: written through the models, validated as the admin does.
    author = users[Role.COCHAIR].person
    author.name = tagged("person", len(stored))
    author.full_clean()
    author.save()
    stored.append(author.name)
    responsible = action.responsible_organizations.first() or organization
    for field in ("name_en", "name_fr"):
        setattr(responsible, field, tagged(f"organization {field}", len(stored)))
        stored.append(getattr(responsible, field))
    responsible.full_clean()
    responsible.save()
    return samples, users, stored


def raw_problems(html: str, stored: list[str]) -> tuple[list[str], list[str]]:
    """(values found unescaped in the HTML, values the HTML carries as text)."""
    unescaped = [value for value in stored if value in html and escape(value) != value]
    doc = lxml.html.fromstring(html)
    text = "\n".join([doc.text_content(), *(v for e in doc.iter() for v in e.attrib.values())])
    return unescaped, [value for value in stored if value in text]


def pages():
    """(route name, role) for every HTML page of the map, as the least powerful role that
    sees it."""
    for route in ROUTES:
        roles = [role for role in PREFERENCE if role in route.roles_with_page()]
        if route.page and roles:
            yield route.name, roles[0]


def test_no_stored_script_runs_on_any_page(context, live_server, organization):
    samples, users, stored = store_hostile_values(organization)
    kwargs_of = {route.name: route.kwargs for route in ROUTES}
    page = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: console.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))

    problems: list[str] = []
    shown_somewhere: set[str] = set()
    signed_in_as = None
    # A value in one language only (a French title, say) may show only on that language's pages.
    for language, (name, role) in itertools.product(LANGUAGES, pages()):
        if role != signed_in_as:
            context.clear_cookies()
            if role != "anonymous":
                session_cookie_add(context, users[role], live_server)
            signed_in_as = role
        path = url(name, language, **kwargs_of[name](samples))
        where = f"{path} as {role}"
        response = page.goto(path)
        if response.status != 200:
            problems.append(f"{where}: {response.status}")
            continue
        unescaped, carried = raw_problems(response.text(), stored)
        problems += [f"{where}: unescaped in the HTML: {value!r}" for value in unescaped]
        if page.evaluate(f"typeof window.{PWNED_FLAG}") != "undefined":
            problems.append(f"{where}: a stored script ran (window.{PWNED_FLAG} is set)")
        problems += [f"{where}: a dialog opened: {message!r}" for message in dialogs]
        problems += [
            f"{where}: console: {message}"
            for message in console
            if any(sign in message.lower() for sign in SCRIPT_SIGNS)
        ]
        problems += [f"{where}: a javascript: URL: {v!r}" for v in page.evaluate(SCRIPT_URLS)]
        dialogs.clear()
        console.clear()
        visible = page.evaluate(VISIBLE_TEXT)
        for value in carried:
            if value in visible:
                shown_somewhere.add(value)
            else:
                problems.append(f"{where}: carries {value!r} but does not show it as text")
    never_shown = [value for value in stored if value not in shown_somewhere]
    problems += [f"no page shows the stored value {value!r}" for value in never_shown]
    page.close()
    assert not problems, "\n".join(problems)
