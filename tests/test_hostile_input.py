"""Hostile input everywhere: every form field and query parameter of every URL in tests/urlmap.py
gets each string of the corpus (tests/hostile.py), as the least privileged role that may use it.

What must hold, through the real stack (test client, middleware, database):
- no response is a server error (a 500 is reported with its exception), and a refused request
  gets the portal's own error page, not a bare "Bad Request";
- nothing validation should refuse is stored: after each request, the longest stored value of
  every text column is within that column's limit;
- afterwards, with everything the forms accepted stored, every page of the map still shows and
  every export (every format, both languages) still downloads.

Forms and parameters are found, not listed: each page's GET is parsed (the forms inside
<main>, with their fields as a browser would submit them; the links and their query strings),
so a page added to the URL map is covered as it lands. A field gets the hostile value while
every other field keeps what the page rendered (CSRF token, version, formset counters, chosen
options). Every view also gets the corpus in the query parameters views commonly read.

The module loads the plan once and keeps everything in one transaction rolled back at its end
(as tests/test_permissions.py does); each request runs in a savepoint of its own, so that what
the forms accept accumulates for the export checks at the end, and a database error in one
request cannot poison the next. The tests run in file order: posts, queries, then the checks
of pages and exports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation

from directory.models import Organization, Person
from tests.auth import sign_in
from tests.conftest import organization_create
from tests.directory.factories import UserFactory
from tests.hostile import (
    BY_NAME,
    CHOICE,
    CORPUS,
    TEXT,
    HtmlForm,
    Payload,
    forms_in_main,
    links_in_main,
    texts_over_their_limit,
)
from tests.urlmap import OK, REDIRECT, ROLES, ROUTES, ROUTES_BY_NAME, Route, samples_create

pytestmark = pytest.mark.django_db

# Query parameters views commonly read: each view gets the corpus in these too, whether or not
# its pages link with them.
COMMON_PARAMS = ("page", "q", "sort", "as_of", "since", "language", "format", "next")
LANGUAGES = ("en", "fr")
# A request refused as unreadable must get the portal's page (its layout, a way back).
PORTAL_PAGE_MARK = b"<main"


# --- Who uses each URL ----------------------------------------------------------------------


def _uses(outcome) -> bool:
    """The role may use the URL with the method: the page, or a success redirect."""
    return outcome in (OK, REDIRECT)


def role_for(route: Route, method: str) -> str | None:
    """The least privileged role that may use the URL with the method (None: no one)."""
    for role in ROLES:
        if _uses(route.expected(method, role)):
            return role
    return None


def query_role(route: Route) -> str:
    """Who sends the hostile queries: the least privileged role that may GET the URL, else the
    first whose request reaches the view (a 405 is answered there)."""
    role = role_for(route, "GET")
    if role is not None:
        return role
    for candidate in ROLES:
        if route.get[candidate].redirect_to is None and route.get[candidate].status != 403:
            return candidate
    return ROLES[0]


POST_CASES = [
    (route, role_for(route, "POST")) for route in ROUTES if role_for(route, "POST") is not None
]
QUERY_CASES = [(route, query_role(route)) for route in ROUTES]


def _payload_params(cases, only=lambda payload: True):
    return [
        pytest.param(route, role, payload, id=f"{route.name}-{role}-{payload.name}")
        for route, role in cases
        for payload in CORPUS
        if only(payload)
    ]


# --- The module's world: the plan, one user per role, what the pages link to ---------------


def user_build(role: str, organization: Organization):
    """The user of a role, as tests/conftest.py's user_for_role builds it."""
    if role == "superuser":
        return UserFactory(username="admin", superuser=True)
    user = UserFactory(username=role, roles=[role])
    Person.objects.create(name=f"{role.capitalize()} Tester", user=user, organization=organization)
    return user


@dataclass(frozen=True)
class Accepted:
    """A post the portal accepted: fields of a form given a payload (as a role)."""

    role: str
    page: str
    action: str
    form_id: str
    fields: tuple[str, ...]
    payload: str


@dataclass
class World:
    samples: object
    users: dict
    # Per role and page path: the forms the page rendered (read again once something is
    # saved, so that a versioned form carries the current version).
    forms: dict = field(default_factory=dict)
    # Per URL name: the query parameters its pages' GET forms and links use.
    params: dict = field(default_factory=lambda: defaultdict(set))
    # Per download URL name: every path of it the pages link to (each format).
    exports: dict = field(default_factory=lambda: defaultdict(set))
    # The posts the forms accepted, stored again together before the final checks.
    accepted: set = field(default_factory=set)
    # What went wrong while storing them together.
    replay_problems: list = field(default_factory=list)

    def client(self, role: str) -> Client:
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            sign_in(client, self.users[role])
        return client

    def path(self, route: Route, language: str = "en") -> str:
        with translation.override(language):
            return reverse(route.name, kwargs=route.kwargs(self.samples))


def url_name(path: str) -> str | None:
    try:
        with translation.override(path.split("/")[1] or "en"):
            return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


def discover(world: World) -> None:
    """Reads every page as every role that sees it: its forms, and where its links lead."""
    linked_from = defaultdict(set)
    for route in ROUTES:
        if not route.page:
            continue
        seen_by = route.roles_with_page()
        # The least privileged role (the one the tests use) and the most (who sees most links).
        for role in sorted({seen_by[0], seen_by[-1]}) if seen_by else ():
            path = world.path(route)
            response = world.client(role).get(path)
            if response.status_code != 200:
                continue  # the page checks report it
            forms = forms_in_main(response.content, path)
            world.forms[(role, path)] = forms
            for form in forms:
                target = url_name(form.action)
                if form.method == "get" and target:
                    world.params[target].update(form.fields)
            for link in links_in_main(response.content, path):
                target = url_name(link)
                if target is None:
                    continue
                world.params[target].update(name for name, _ in parse_qsl(urlsplit(link).query))
                if target in ROUTES_BY_NAME and not ROUTES_BY_NAME[target].page:
                    linked_from[target].add(route.name)
                    world.exports[target].add(urlsplit(link).path)
    # A download reads the query string of the page that links to it (the same filters).
    for target, sources in linked_from.items():
        for source in sources:
            world.params[target] |= world.params[source]
    for route in ROUTES:
        if not route.page:
            world.exports[route.name].add(world.path(route))


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The seed plan, an update, a meeting and a user per role, loaded once for the module.

    They live in a transaction wrapped around the module's tests (each test's own transaction
    nests inside it as a savepoint and is rolled back at its end) and rolled back at the end.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            samples = samples_create()
            organization = organization_create("hostile-test")
            users = {role: user_build(role, organization) for role in ROLES if role != "anonymous"}
            built = World(samples=samples, users=users)
            discover(built)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def portal(world):
    """The world as the test starts: its own savepoint, so the forms must be read again."""
    world.forms.clear()
    return world


# --- Requests and what is wrong with their answers -----------------------------------------


def _shown(value: str) -> str:
    return repr(value) if len(value) <= 60 else f"{value[:40]!r}… ({len(value):,} characters)"


def answered(method: str, path: str, where: str, response, problems: list[str]) -> None:
    """Adds to `problems` what is wrong with the response: a 500, or a bare 400."""
    status = response.status_code
    if status >= 500:
        exc_info = getattr(response, "exc_info", None)
        error = f"{exc_info[0].__name__}: {exc_info[1]}" if exc_info else "no exception recorded"
        problems.append(f"{method} {path} {where}: {status} ({error[:300]})")
    elif status == 400 and PORTAL_PAGE_MARK not in response.content:
        problems.append(f"{method} {path} {where}: a bare 400, not the portal's error page")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def send(client: Client, method: str, path: str, data=None):
    """One request in a savepoint of its own: kept when it succeeds, rolled back when the
    database failed in it (the module's transaction stays usable)."""
    with transaction.atomic():
        if method == "GET":
            return client.get(path, data)
        return client.post(path, data)


def stored_problems(where: str, known: set[str], problems: list[str]) -> None:
    """Adds each text stored over its limit that was not already over it before."""
    for problem in texts_over_their_limit():
        if problem not in known:
            known.add(problem)
            problems.append(f"{where}: {problem}")


def page_forms(world: World, client: Client, role: str, path: str, problems: list[str]):
    """The forms the page renders for the role (read again after a save)."""
    key = (role, path)
    if key not in world.forms:
        response = send(client, "GET", path)
        if response.status_code != 200:
            problems.append(f"GET {path} as {role}: {response.status_code}, no form to fill")
            world.forms[key] = []
        else:
            world.forms[key] = forms_in_main(response.content, path)
    return world.forms[key]


def forms_posting_to(world: World, client, role: str, route: Route, problems) -> list[HtmlForm]:
    """The forms a role is shown that post to the route: on its own page, else on any."""
    if route.get[role] == OK:
        path = world.path(route)
        own = [
            form
            for form in page_forms(world, client, role, path, problems)
            if form.method == "post" and url_name(form.action) == route.name
        ]
        if own:
            return own
    return [
        form
        for (seen_by, _path), forms in list(world.forms.items())
        if seen_by == role
        for form in forms
        if form.method == "post" and url_name(form.action) == route.name
    ]


def fits(payload: Payload, kind: str) -> bool:
    if kind == CHOICE:
        return payload.as_choice
    return kind == TEXT or not payload.long


def refused_fields(response, path: str) -> set[str]:
    """The fields the re-rendered page marks as refused."""
    return {
        name
        for form in forms_in_main(response.content, path)
        for name, form_field in form.fields.items()
        if form_field.invalid
    }


class Poster:
    """Posts a payload into the fields of one rendered form, reading the form again when a
    save made it stale, and notes what goes wrong."""

    def __init__(self, world: World, role: str, payload: Payload, rendered: HtmlForm, problems):
        self.world, self.role, self.payload, self.rendered = world, role, payload, rendered
        self.client = world.client(role)
        self.problems = problems
        self.known = set(texts_over_their_limit())

    def current(self) -> HtmlForm:
        forms = page_forms(self.world, self.client, self.role, self.rendered.page, self.problems)
        return next(
            (f for f in forms if f.action == self.rendered.action and f.id == self.rendered.id),
            self.rendered,
        )

    def post(self, names: list[str], problems: list[str]):
        form = self.current()
        names = [name for name in names if name in form.fields]
        where = f"as {self.role}, {'field' if len(names) == 1 else 'fields'} " + (
            f"{', '.join(names)}={self.payload.name}"
        )
        data = form.submission(**dict.fromkeys(names, self.payload.text))
        response = send(self.client, "POST", form.action, data)
        if response.status_code == 409:
            problems.append(f"POST {form.action} {where}: 409, the form read just before was stale")
        answered("POST", form.action, where, response, problems)
        if 300 <= response.status_code < 400:
            self.world.accepted.add(
                Accepted(
                    self.role, form.page, form.action, form.id, tuple(names), self.payload.name
                )
            )
            self.world.forms.clear()  # something was saved: every rendered form may be stale
        stored_problems(f"POST {form.action} {where}", self.known, problems)
        return response

    def one_by_one(self, names: list[str]) -> None:
        for name in names:
            self.post([name], self.problems)

    def fill(self) -> None:
        """All the fields at once; then again without those the page refused, until it accepts
        or refuses for no field it marks. A server error, or a refusal no field explains, is
        looked into field by field. A long value goes into one field at a time: many at once
        would only test the request's size limit."""
        names = [f.name for f in self.rendered.fuzzed_fields() if fits(self.payload, f.kind)]
        if self.payload.long or len(names) <= 1:
            self.one_by_one(names)
            return
        pending = names
        while pending:
            together: list[str] = []
            response = self.post(pending, together)
            status = response.status_code
            if status == 200 and not together:
                still = [
                    n for n in pending if n not in refused_fields(response, self.rendered.page)
                ]
                if len(still) < len(pending):
                    pending = still
                    continue
            if (300 <= status < 400 and not together) or len(pending) == 1:
                self.problems.extend(together)
                return
            # A failure, or a refusal no field shows: which field is it?
            before = len(self.problems)
            self.one_by_one(pending)
            if len(self.problems) == before:
                self.problems.extend(together)
            return


def post_everywhere(world: World, route: Route, role: str, payload: Payload) -> list[str]:
    """Posts the payload into the fields of each form that posts to the route (see
    Poster.fill); returns what went wrong."""
    problems: list[str] = []
    client = world.client(role)
    forms = forms_posting_to(world, client, role, route, problems)
    if not forms:
        # Nothing rendered to fill (sign-out, a reset link that is no longer valid): the view
        # still reads where to go next.
        known = set(texts_over_their_limit())
        path = world.path(route)
        response = send(client, "POST", path, {"next": payload.text})
        answered("POST", path, f"as {role}, next={payload.name}", response, problems)
        stored_problems(f"POST {path} next={payload.name}", known, problems)
        return problems
    for rendered in forms:
        Poster(world, role, payload, rendered, problems).fill()
    return problems


# --- What the pages offer ------------------------------------------------------------------

# Pages that accept a POST but show no form in their sample state (a reset link no longer
# valid): they get the hostile value as `next`, the one field such a view reads.
NO_FORM = frozenset({"password_reset_confirm"})
# Downloads that exist in one format only (the others have several, each linked).
ONE_FORMAT = frozenset({"partnerships:guide_pdf", "partnerships:sitemap"})
# Creation forms whose field must be unique: stored again, the same value is rightly refused.
UNIQUE_ON_CREATION = {"partnerships:model_create": frozenset({"key"})}


def test_every_form_and_download_of_the_map_is_found(portal):
    """The discovery is not vacuous: each page that accepts a POST shows a form with fields to
    fill, and each download is linked from a page, in more than one format where it has them."""
    problems = []
    for route, role in POST_CASES:
        if route.get[role] != OK or route.name in NO_FORM:
            continue
        forms = forms_posting_to(portal, portal.client(role), role, route, problems)
        if not any(form.fuzzed_fields() for form in forms):
            problems.append(f"{route.name} as {role}: no form with a field to fill")
    for route in ROUTES:
        formats = 1 if route.name in ONE_FORMAT else 2
        if not route.page and len(portal.exports[route.name]) < formats:
            problems.append(f"{route.name}: found only {sorted(portal.exports[route.name])}")
    assert not problems, "\n".join(problems)


# --- Every form field -----------------------------------------------------------------------


@pytest.mark.parametrize(("route", "role", "payload"), _payload_params(POST_CASES))
def test_hostile_value_posted_into_every_field(portal, route, role, payload):
    problems = post_everywhere(portal, route, role, payload)
    assert not problems, "\n".join(problems)


# --- Every query parameter ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "role", "payload"), _payload_params(QUERY_CASES, only=lambda p: p.in_query)
)
def test_hostile_value_in_every_query_parameter(portal, route, role, payload):
    """The parameters the route's pages use and the common ones, all given the value; on a
    page, again without those its form marks as refused, until it accepts the rest. A server
    error is looked into parameter by parameter. A download says nothing of what it refused:
    its page's parameters get the value one at a time, the common ones together."""
    problems: list[str] = []
    known = set(texts_over_their_limit())
    client = portal.client(role)
    path = portal.path(route)
    used = sorted(portal.params[route.name])
    common = [name for name in COMMON_PARAMS if name not in used]

    def get(names: list[str], found: list[str]):
        where = f"as {role}, {'&'.join(names)}={payload.name}"
        response = send(client, "GET", path, dict.fromkeys(names, payload.text))
        answered("GET", path, where, response, found)
        stored_problems(f"GET {path} {where}", known, found)
        return response

    if not route.page:
        for name in used:
            get([name], problems)
        get(common, problems)
    else:
        pending = used + common
        while pending:
            together: list[str] = []
            response = get(pending, together)
            if response.status_code == 200 and not together:
                still = [n for n in pending if n not in refused_fields(response, path)]
                if len(still) < len(pending):
                    pending = still
                    continue
            if not together or len(pending) == 1:
                problems.extend(together)
                break
            before = len(problems)
            for name in pending:
                get([name], problems)
            if len(problems) == before:
                problems.extend(together)
            break
    assert not problems, "\n".join(problems)


# --- Afterwards: every page shows, every export downloads -----------------------------------


FORMSET_ROW = re.compile(r"^[\w]+-\d+-")


def _replay(world: World) -> None:
    """Stores again, in the module's transaction, every value the forms accepted, as they
    accepted it. An edit form keeps the last value; the creation forms keep every one."""
    problems = world.replay_problems
    known = set(texts_over_their_limit())
    for accepted in sorted(world.accepted, key=lambda a: (a.page, a.action, a.payload, a.fields)):
        client = world.client(accepted.role)
        world.forms.clear()
        form = next(
            (
                f
                for f in page_forms(world, client, accepted.role, accepted.page, problems)
                if f.action == accepted.action and f.id == accepted.form_id
            ),
            None,
        )
        where = f"as {accepted.role}, fields {', '.join(accepted.fields)}={accepted.payload}"
        if form is None:
            problems.append(f"GET {accepted.page} {where}: the form is gone")
            continue
        text = BY_NAME[accepted.payload].text
        data = form.submission(**dict.fromkeys(accepted.fields, text))
        response = send(client, "POST", accepted.action, data)
        answered("POST", accepted.action, f"{where} (stored again)", response, problems)
        refused = (
            sorted(refused_fields(response, accepted.page)) if response.status_code == 200 else []
        )
        # A formset row is named by its place: after other values were stored again, the same
        # name may be another row (an empty extra form then, a saved row now), which rightly
        # refuses what the empty one ignored. A unique field of a creation form refuses a
        # value stored already. Any other refusal is a change of mind.
        unique = UNIQUE_ON_CREATION.get(resolve(accepted.action).view_name, frozenset())
        if not 300 <= response.status_code < 400 and not all(
            FORMSET_ROW.match(name) or name in unique for name in refused or ["(none)"]
        ):
            problems.append(
                f"POST {accepted.action} {where}: accepted before, now {response.status_code}"
                f" (refused: {', '.join(refused) or 'no field'})"
            )
        stored_problems(f"POST {accepted.action} {where} (stored again)", known, problems)


@pytest.fixture(scope="module")
def hostile_content(world, django_db_blocker):
    """Everything hostile the forms accept, stored for the rest of the module.

    Run after the posts above, it stores again what they found accepted; run alone, it posts
    the corpus (lengths aside) into every field, keeping what is accepted.
    """
    with django_db_blocker.unblock():
        if world.accepted:
            _replay(world)
        else:
            for route, role in POST_CASES:
                for payload in CORPUS:
                    if not payload.long:
                        post_everywhere(world, route, role, payload)
        world.forms.clear()
    return world


def test_what_the_forms_accepted_can_be_stored_together(hostile_content):
    assert hostile_content.accepted, "no form accepted any value of the corpus"
    assert not hostile_content.replay_problems, "\n".join(hostile_content.replay_problems)


@pytest.mark.parametrize(
    "route", [pytest.param(r, id=r.name) for r in ROUTES if r.page and r.roles_with_page()]
)
def test_every_page_still_shows_after_the_hostile_input(hostile_content, portal, route):
    role = route.roles_with_page()[0]
    client = portal.client(role)
    problems: list[str] = []
    for language in LANGUAGES:
        path = portal.path(route, language)
        response = send(client, "GET", path)
        answered("GET", path, f"as {role}", response, problems)
        if response.status_code != 200 and not problems:
            problems.append(f"GET {path} as {role}: {response.status_code}, expected 200")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", [pytest.param(r, id=r.name) for r in ROUTES if not r.page])
def test_every_export_still_downloads_after_the_hostile_input(hostile_content, portal, route):
    role = role_for(route, "GET")
    client = portal.client(role)
    problems: list[str] = []
    paths = sorted(portal.exports[route.name])
    for english in paths:
        for language in LANGUAGES:
            with translation.override("en"):
                path = translate_url(english, language)
            response = send(client, "GET", path)
            answered("GET", path, f"as {role}", response, problems)
            if response.status_code != 200:
                if response.status_code < 500:
                    problems.append(f"GET {path} as {role}: {response.status_code}, expected 200")
            elif not body(response):
                problems.append(f"GET {path} as {role}: an empty file")
    assert paths, f"no download of {route.name} found"
    assert not problems, "\n".join(problems)
