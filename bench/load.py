"""Many people at once through the real forms: the load clients of `make bench` and of
tests/test_concurrency.py.

Each client is one signed-in person with their own cookies, speaking plain HTTP (the standard
library only: http.client, html.parser, threads), so it drives any server, gunicorn or the test
suite's live server. A client does what a browser does: it loads the form's page, posts back
every field the form holds (the CSRF token, the hidden version of an edit, any one-time token)
with the visible fields filled in, and reads the answer without following it.

- members post status updates on the update form of each action (302: posted);
- co-chairs edit the remarks of actions on the action form (302: saved; 409: someone changed
  the action since the form was loaded, a correct answer that writes nothing);
- `tally()` (the only part that needs Django, run where the database is) then compares what
  every client was told with what the database holds: nothing lost, nothing duplicated, every
  action's status as its latest update says, every saved edit in the history and every refused
  one nowhere.

Every text a client writes starts with the run's id and names the client and the attempt, so
that what the database holds can be matched with what was answered.
"""

from __future__ import annotations

import datetime
import http.client
import json
import random
import re
import threading
import time
import traceback
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

UPDATE = "update"
EDIT = "edit"
# What a client was told.
POSTED = "posted"  # an update stored (302)
SAVED = "saved"  # an edit stored (302)
CONFLICT = "conflict"  # an edit refused: the action changed since its form was loaded (409)
ERROR = "error"  # anything else: a 5xx, a refused form, no answer, a page without its form

UPDATE_FORM_ID = "update-form"
ACTION_FORM_ID = "action-form"
# The days before today an update may be dated: spread, so that "latest" depends on the date
# and not only on the order of posting. Never today: the server's day may be behind ours.
UPDATE_DAYS_BACK = (1, 30)


# --- One client: HTTP with cookies ----------------------------------------------------------


@dataclass
class Answer:
    status: int  # 0: no answer (connection refused or reset, time-out)
    location: str
    text: str


class Browser:
    """One person's HTTP client: keeps the cookies the server sets, as a browser would.

    Every cookie goes back whatever its flags: the server under test speaks plain HTTP on the
    loopback, and a Secure or __Host- cookie would otherwise be dropped.
    """

    def __init__(self, base_url: str, cookies: dict[str, str], *, timeout: float):
        parts = urlsplit(base_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.cookies = dict(cookies)
        self.timeout = timeout
        self.requests = 0
        # A double click sends two requests at once from one browser.
        self._lock = threading.Lock()

    def get(self, path: str) -> Answer:
        return self._request("GET", path)

    def post(self, path: str, fields: list[tuple[str, str]]) -> Answer:
        return self._request("POST", path, urlencode(fields).encode())

    def _request(self, method: str, path: str, body: bytes | None = None) -> Answer:
        headers = {"Connection": "close", "Accept-Language": "en", "User-Agent": "snc-load"}
        if self.cookies:
            with self._lock:
                sent = list(self.cookies.items())
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in sent)
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        with self._lock:
            self.requests += 1
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or ():
                self._keep(header)
            return Answer(response.status, response.getheader("Location") or "", text)
        except (OSError, http.client.HTTPException) as error:
            return Answer(0, "", f"{method} {path}: {type(error).__name__}: {error}")
        finally:
            connection.close()

    def _keep(self, header: str) -> None:
        cookie = SimpleCookie()
        try:
            cookie.load(header)
        except CookieError:
            return
        with self._lock:
            for name, morsel in cookie.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


# --- Forms, read as a browser reads them ----------------------------------------------------


@dataclass
class Form:
    """What a browser would submit: every successful control, in document order."""

    action: str
    fields: list[tuple[str, str]]
    # The values each select offers, by name.
    choices: dict[str, list[str]]

    def value(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key == name), None)

    def filled(self, **values: str) -> list[tuple[str, str]]:
        """The fields with `values` typed in (each replaces every value of its name)."""
        kept = [(key, value) for key, value in self.fields if key not in values]
        return kept + list(values.items())


class _FormReader(HTMLParser):
    SKIPPED_INPUTS = frozenset({"submit", "button", "image", "reset", "file"})

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.form: Form | None = None
        self._select: tuple[str, bool, list[tuple[str, bool]]] | None = None
        self._option: list | None = None  # [value or None, text parts, selected]
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            if self.form is None and attributes.get("id") == self.form_id:
                self.inside = True
                self.form = Form(attributes.get("action") or "", [], {})
            return
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in self.SKIPPED_INPUTS:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self.form.fields.append((name, attributes.get("value") or "on"))
                return
            self.form.fields.append((name, attributes.get("value") or ""))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attributes, [])
        elif tag == "option" and self._select is not None:
            self._option_end()
            self._option = [attributes.get("value"), [], "selected" in attributes]
        elif tag == "textarea" and name:
            self._textarea = (name, [])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        elif self._option is not None:
            self._option[1].append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "option":
            self._option_end()
        elif tag == "select" and self._select is not None:
            self._option_end()
            name, multiple, options = self._select
            selected = [value for value, chosen in options if chosen]
            if not selected and not multiple and options:
                selected = [options[0][0]]
            self.form.fields += [(name, value) for value in selected]
            self.form.choices[name] = [value for value, _ in options]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            # As browsers do: the newline right after <textarea> is not part of the value.
            text = "".join(parts).removeprefix("\r").removeprefix("\n")
            self.form.fields.append((name, text))
            self._textarea = None
        elif tag == "form":
            self.inside = False

    def _option_end(self):
        if self._option is not None and self._select is not None:
            value, text, chosen = self._option
            self._select[2].append((value if value is not None else "".join(text).strip(), chosen))
        self._option = None


def form_read(html: str, form_id: str, page_path: str) -> Form | None:
    """The form of that id on the page (its action resolved against the page), or None."""
    reader = _FormReader(form_id)
    reader.feed(html)
    reader.close()
    if reader.form is not None and not reader.form.action:
        reader.form.action = page_path
    return reader.form


def _errors_shown(html: str) -> str:
    """The error messages a refused form shows, for a report."""
    found = re.findall(
        r'class="[^"]*(?:invalid-feedback|alert-danger)[^"]*"[^>]*>(.*?)</', html, re.S
    )
    return "; ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip() for text in found)


# --- What the clients do --------------------------------------------------------------------


@dataclass
class Target:
    """An action the clients work on: its pages' paths (in English)."""

    pk: int
    code: str
    update_path: str
    edit_path: str


@dataclass
class Client:
    """A signed-in person: the session the server knows them by, and their user's key."""

    session_key: str
    user_id: int


@dataclass
class Outcome:
    """One attempt of one client and what it was told."""

    kind: str  # UPDATE or EDIT
    marker: str  # the text written: unique per attempt
    action_pk: int
    user_id: int
    result: str  # POSTED, SAVED, CONFLICT or ERROR
    status: int = 0  # the HTTP status of the answer to the post (or of the failed GET)
    version: int | None = None  # an edit: the version its form was loaded at
    sent: int = 1  # an update: how many times its form was sent (2: a double click)
    detail: str = ""


def update_post(
    browser: Browser, client: Client, target: Target, marker: str, rng, *, twice: bool = False
) -> Outcome:
    """Loads the update form (a fresh one each time, with its own tokens) and posts it; with
    `twice`, sends it twice at once, as a double click does: both must be answered "posted",
    and one update stored."""
    outcome = Outcome(UPDATE, marker, target.pk, client.user_id, ERROR, sent=2 if twice else 1)
    page = browser.get(target.update_path)
    form = form_read(page.text, UPDATE_FORM_ID, target.update_path) if page.status == 200 else None
    if form is None:
        outcome.status = page.status
        outcome.detail = f"GET {target.update_path}: HTTP {page.status}, no update form"
        return outcome
    date = datetime.date.today() - datetime.timedelta(days=rng.randint(*UPDATE_DAYS_BACK))
    filled = form.filled(
        date=date.isoformat(),
        status=rng.choice([v for v in form.choices.get("status", ()) if v]),
        health=rng.choice([v for v in form.choices.get("health", ()) if v]),
        progress=marker,
    )
    answers: list[Answer] = []
    if twice:
        other = threading.Thread(target=lambda: answers.append(browser.post(form.action, filled)))
        other.start()
        answers.append(browser.post(form.action, filled))
        other.join()
    else:
        answers.append(browser.post(form.action, filled))
    answer = next((a for a in answers if a.status != 302), answers[0])
    outcome.status = answer.status
    if answer.status == 302:
        outcome.result = POSTED
    else:
        outcome.detail = _refusal(f"POST {form.action}", answer)
    return outcome


def action_edit(
    browser: Browser, client: Client, target: Target, marker: str, *, think: float = 0.0
) -> Outcome:
    """Loads the action form, takes `think` seconds to type, and saves it with new remarks:
    saved, or refused as stale when the action changed meanwhile."""
    outcome = Outcome(EDIT, marker, target.pk, client.user_id, ERROR)
    page = browser.get(target.edit_path)
    form = form_read(page.text, ACTION_FORM_ID, target.edit_path) if page.status == 200 else None
    version = form.value("version") if form is not None else None
    if form is None or not (version or "").isdigit():
        outcome.status = page.status
        outcome.detail = f"GET {target.edit_path}: HTTP {page.status}, no action form with version"
        return outcome
    outcome.version = int(version)
    time.sleep(think)
    answer = browser.post(form.action, form.filled(remarks_en=marker))
    outcome.status = answer.status
    if answer.status == 302:
        outcome.result = SAVED
    elif answer.status == 409:
        outcome.result = CONFLICT
    else:
        outcome.detail = _refusal(f"POST {form.action}", answer)
    return outcome


def _refusal(request: str, answer: Answer) -> str:
    if answer.status == 0:
        return answer.text
    shown = _errors_shown(answer.text) if answer.status == 200 else ""
    return f"{request}: HTTP {answer.status}" + (f" ({shown})" if shown else "")


# --- A run: every client at once -------------------------------------------------------------


@dataclass
class Run:
    run_id: str
    outcomes: list[Outcome] = field(default_factory=list)
    elapsed: float = 0.0
    requests: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Run:
        data = json.loads(text)
        outcomes = [Outcome(**outcome) for outcome in data.pop("outcomes")]
        return cls(outcomes=outcomes, **data)


def run(
    *,
    base_url: str,
    cookie_name: str,
    members: list[Client],
    cochairs: list[Client],
    targets: list[Target],
    updates_per_member: int,
    edits_per_cochair: int,
    timeout: float = 30.0,
    budget: float = 600.0,
    think: tuple[float, float] = (0.0, 0.2),
    double_click_every: int = 5,
    seed: int = 2026,
) -> Run:
    """Every member posts its updates and every co-chair makes its edits, all at once.

    The clients start together (a barrier) and go round the targets from different places,
    so that many of them work on the same action at the same moment. A co-chair takes
    between `think` seconds to type, as a person does, while updates keep changing the
    action's status: some edits are then refused as stale, as they must be. Every
    `double_click_every`-th update form of a member is sent twice at once (0: never).

    Bounded: a request waits at most `timeout` seconds, and no attempt starts after `budget`
    seconds (one not made is an error of the run, never a silent omission).
    """
    result = Run(run_id=f"load-{uuid.uuid4().hex[:10]}")
    lock = threading.Lock()
    everyone = [(UPDATE, i, c) for i, c in enumerate(members)]
    everyone += [(EDIT, i, c) for i, c in enumerate(cochairs)]
    start = threading.Barrier(len(everyone) + 1)

    def work(kind: str, number: int, client: Client) -> None:
        browser = Browser(base_url, {cookie_name: client.session_key}, timeout=timeout)
        rng = random.Random(f"{seed}-{kind}-{number}")
        count = updates_per_member if kind == UPDATE else edits_per_cochair
        outcomes = []
        start.wait()
        stop_at = time.perf_counter() + budget
        for n in range(count):
            target = targets[(number + n) % len(targets)]
            letter = "m" if kind == UPDATE else "c"
            marker = f"{result.run_id} {letter}{number:02d}-{n:03d}"
            if time.perf_counter() > stop_at:
                outcome = Outcome(kind, marker, target.pk, client.user_id, ERROR)
                outcome.detail = f"not attempted: the run's {budget:.0f} s were up"
                outcomes.append(outcome)
                continue
            try:
                if kind == UPDATE:
                    twice = bool(double_click_every) and n % double_click_every == 1
                    outcomes.append(update_post(browser, client, target, marker, rng, twice=twice))
                else:
                    pause = rng.uniform(*think)
                    outcomes.append(action_edit(browser, client, target, marker, think=pause))
            except Exception:  # a client's own failure is a failed attempt, never a lost one
                outcome = Outcome(kind, marker, target.pk, client.user_id, ERROR)
                outcome.detail = traceback.format_exc(limit=3)
                outcomes.append(outcome)
        with lock:
            result.outcomes += outcomes
            result.requests += browser.requests

    threads = [
        threading.Thread(target=work, args=who, name=f"load-{who[0]}-{who[1]}", daemon=True)
        for who in everyone
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    # An attempt started before the budget ran out ends within two requests' time-outs.
    deadline = began + budget + 2 * timeout + max(think) + 5
    for thread in threads:
        thread.join(max(0.0, deadline - time.perf_counter()))
    result.elapsed = time.perf_counter() - began
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        raise RuntimeError(f"clients still running past the deadline: {', '.join(stuck)}")
    return result


# --- What the database holds (needs Django) --------------------------------------------------


@dataclass
class Tally:
    """What the clients were told, set against what the database holds."""

    posted: int = 0  # update forms posted (a double click counts once)
    double_clicks: int = 0  # of which sent twice at once
    acknowledged: int = 0  # answered "posted"
    stored: int = 0  # updates of this run in the database
    lost: list[str] = field(default_factory=list)  # acknowledged, not stored
    duplicated: list[str] = field(default_factory=list)  # stored more than once
    stored_unacknowledged: list[str] = field(default_factory=list)  # stored, answered an error
    errors: list[str] = field(default_factory=list)  # every ERROR outcome, updates and edits
    inconsistent: list[str] = field(default_factory=list)  # action ≠ its latest update
    edits: int = 0
    saved: int = 0
    conflicts: int = 0
    edits_lost: list[str] = field(default_factory=list)  # saved, but not in the history as such
    edits_written: list[str] = field(default_factory=list)  # refused, yet in the history
    remarks_overwritten: list[str] = field(default_factory=list)  # action ≠ its latest edit

    @property
    def duplicates(self) -> int:
        return len(self.duplicated)

    def problems(self) -> list[str]:
        """Everything that went wrong, one line each; empty when the run held."""
        found = []
        for label, items in (
            ("errors", self.errors),
            ("lost updates", self.lost),
            ("duplicated updates", self.duplicated),
            ("updates stored though the client was told an error", self.stored_unacknowledged),
            ("actions not following their latest update", self.inconsistent),
            ("saved edits missing from the history", self.edits_lost),
            ("refused edits written anyway", self.edits_written),
            ("actions whose latest saved edit was overwritten", self.remarks_overwritten),
        ):
            if items:
                found.append(f"{len(items)} {label}: " + " | ".join(items[:5]))
        return found


def tally(load: Run) -> Tally:
    """Reads the database: every update and edit of the run, checked against its answer."""
    from workplan.models import Action, StatusUpdate

    prefix = f"{load.run_id} "
    updates = [o for o in load.outcomes if o.kind == UPDATE]
    edits = [o for o in load.outcomes if o.kind == EDIT]
    found = Tally(
        posted=len(updates), double_clicks=sum(o.sent > 1 for o in updates), edits=len(edits)
    )
    found.errors = [f"{o.marker}: {o.detail}" for o in load.outcomes if o.result == ERROR]

    stored = Counter(
        StatusUpdate.objects.filter(progress_en__startswith=prefix).values_list(
            "progress_en", flat=True
        )
    )
    found.stored = sum(stored.values())
    found.acknowledged = sum(o.result == POSTED for o in updates)
    found.lost = [o.marker for o in updates if o.result == POSTED and not stored[o.marker]]
    found.duplicated = [f"{marker} ×{n}" for marker, n in stored.items() if n > 1]
    found.stored_unacknowledged = [
        o.marker for o in updates if o.result != POSTED and stored[o.marker]
    ]

    # The rule of workplan.services.action_follow_latest_update: latest by date, then posted.
    actions = Action.objects.select_related("activity").in_bulk(
        {o.action_pk for o in load.outcomes}
    )
    for pk, action in sorted(actions.items()):
        latest = StatusUpdate.objects.filter(action=pk).order_by("-date", "-created").first()
        if latest is None:
            continue
        seen = (action.status, action.health, action.last_updated)
        expected = (latest.status, latest.health, latest.created)
        if seen != expected:
            found.inconsistent.append(f"{action.code}: {seen} ≠ latest update {expected}")

    found.saved = sum(o.result == SAVED for o in edits)
    found.conflicts = sum(o.result == CONFLICT for o in edits)
    # Later saves of the action (status updates) copy its remarks into their history rows:
    # the row that brought an edit's text in is the first one holding it.
    introduced = {}
    for row in (
        Action.history.filter(remarks_en__startswith=prefix)
        .order_by("history_id")
        .values("remarks_en", "version", "history_user_id")
    ):
        introduced.setdefault(row["remarks_en"], row)
    last_saved: dict[int, Outcome] = {}
    for o in edits:
        row = introduced.get(o.marker)
        if o.result == SAVED:
            if row is None:
                found.edits_lost.append(f"{o.marker}: not in the history")
            elif (row["version"], row["history_user_id"]) != (o.version + 1, o.user_id):
                found.edits_lost.append(
                    f"{o.marker}: history has version {row['version']} by user "
                    f"{row['history_user_id']}, expected {o.version + 1} by {o.user_id}"
                )
            if o.action_pk not in last_saved or o.version > last_saved[o.action_pk].version:
                last_saved[o.action_pk] = o
        elif row is not None:
            found.edits_written.append(f"{o.marker}: answered {o.result}, yet in the history")
    for pk, o in sorted(last_saved.items()):
        action = actions.get(pk)
        if action is not None and action.remarks_en != o.marker:
            found.remarks_overwritten.append(
                f"{action.code}: remarks {action.remarks_en!r}, latest saved edit {o.marker!r}"
            )
    return found


def tally_file(path: str) -> None:
    """For `manage.py shell -c`: tallies the run saved at `path`, prints the Tally as JSON."""
    found = tally(Run.from_json(Path(path).read_text(encoding="utf-8")))
    print(json.dumps(asdict(found)))


def summary(load: Run, found: Tally) -> list[str]:
    """The counts `make bench` prints."""
    per_second = load.requests / load.elapsed if load.elapsed else 0.0
    return [
        f"posted      {found.posted:>7,}  update forms posted ({found.acknowledged:,} answered "
        f"“posted”; {found.double_clicks:,} of them sent twice at once, as by a double click)",
        f"stored      {found.stored:>7,}  updates of this run in the database",
        f"lost        {len(found.lost):>7,}  answered “posted”, not stored",
        f"duplicated  {found.duplicates:>7,}  stored more than once",
        f"errors      {len(found.errors):>7,}  5xx, refused forms, no answer (updates and edits)",
        f"conflicts   {found.conflicts:>7,}  of {found.edits:,} co-chair edits refused as stale "
        f"(409); {found.saved:,} saved",
        f"consistency {len(found.inconsistent):>7,}  actions not following their latest update",
        f"elapsed     {load.elapsed:>7.1f}  s",
        f"requests/s  {per_second:>7.1f}  ({load.requests:,} requests, GET and POST)",
    ]
