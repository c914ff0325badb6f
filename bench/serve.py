"""`make bench`'s server side: a fresh database, production-like settings, and gunicorn."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PG_DATABASE = "snc_bench"
SQLITE_FILE = ROOT / "var" / "bench.sqlite3"
WORKERS = 2
# No request may take longer (gunicorn's worker timeout is a little longer).
REQUEST_TIMEOUT_S = 300


def say(message: str) -> None:
    print(message, flush=True)


# --- The database ---------------------------------------------------------------------------


def database_create() -> tuple[str, str]:
    """A fresh, empty database: (DATABASE_URL, a description for the report)."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {PG_DATABASE}")
            version = connection.execute("SHOW server_version").fetchone()[0]
        return (
            f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}",
            f"PostgreSQL {version} (database {PG_DATABASE} on 127.0.0.1:5432)",
        )
    except Exception as error:  # any failure means "no PostgreSQL here"
        say(f"No PostgreSQL answered at 127.0.0.1:5432 ({error}); using SQLite instead.")
    SQLITE_FILE.parent.mkdir(exist_ok=True)
    SQLITE_FILE.unlink(missing_ok=True)
    return f"sqlite:///{SQLITE_FILE}", f"SQLite (file {SQLITE_FILE.relative_to(ROOT)})"


def environment(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "BENCHMARK_FLOOR": "true",
            "DATABASE_URL": database_url,
            "LOG_LEVEL": "ERROR",
        }
    )
    return env


def manage(env: dict[str, str], *args: str, check: bool = True) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        failure = f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        if check:
            sys.exit(failure)
        raise RuntimeError(failure)
    return result.stdout


# Runs inside `manage.py shell`, before any script below: makes people of the given roles (each
# with a person in the directory), signs them in the tests' one way (tests/auth.py: the second
# factor included for those who need one) and prints one JSON line. Formatted with `people`,
# a list of (username, roles) pairs.
SIGN_IN = """
import json
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from directory.models import Organization, Person, User
from tests.auth import sign_in

organization = Organization.objects.order_by("pk").first()
signed_in = []
for username, roles in {people!r}:
    user, _ = User.objects.get_or_create(
        username=username, defaults={{"first_name": username, "last_name": "Bench"}}
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(*Group.objects.filter(name__in=roles))
    Person.objects.get_or_create(
        user=user, defaults={{"name": f"{{username}} Bench", "organization": organization}}
    )
    session_key = sign_in(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value
    signed_in.append({{"username": username, "session_key": session_key, "user_id": user.pk}})
print(json.dumps({{"cookie_name": settings.SESSION_COOKIE_NAME, "people": signed_in}}))
"""

# Runs inside `manage.py shell`: the real plan's actions (those of fixtures/workplan.json) with
# the paths of their pages, as one JSON line.
PLAN_ACTIONS = """
import json
from django.urls import reverse
from django.utils import translation
from workplan.models import Action
from workplan.seed import WORKPLAN_FIXTURE

numbers = [row["number"] for row in json.loads(WORKPLAN_FIXTURE.read_text())["activities"]]
actions = Action.objects.select_related("activity").filter(activity__number__in=numbers)
with translation.override("en"):
    print(json.dumps([
        {
            "pk": action.pk,
            "code": action.code,
            "update_path": reverse("workplan:update_create", args=[action.pk]),
            "edit_path": reverse("workplan:action_edit", args=[action.pk]),
        }
        for action in actions
    ]))
"""


# Runs inside `manage.py shell`: for each path, as the signed-in session, the queries of a
# request right after a change (the fragments made anew: portal/fragments.py) and of the next
# one (from the cache), and the response's size; one JSON line. Formatted with `cookie_name`,
# `session_key` and `paths`.
PAGE_FACTS = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from portal import fragments

signed_in, signed_out = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
signed_in.cookies[{cookie_name!r}] = {session_key!r}
facts = {{}}
for path, as_member in {paths!r}:
    client = signed_in if as_member else signed_out
    fragments.changed()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(path)
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    size = sum(len(part) for part in response) if response.streaming else len(response.content)
    facts[path] = {{"cold": len(cold), "warm": len(warm), "bytes": size}}
print(json.dumps(facts))
"""


def page_facts(
    env: dict[str, str], cookie_name: str, session_key: str, paths: list[tuple[str, bool]]
) -> dict:
    """{path: {"cold": queries, "warm": queries, "bytes": size}} (see PAGE_FACTS), for paths
    given with whether the bench user is signed in to read them."""
    script = PAGE_FACTS.format(cookie_name=cookie_name, session_key=session_key, paths=paths)
    return json.loads(manage(env, "shell", "-c", script).splitlines()[-1])


def content_changed(env: dict[str, str]) -> None:
    """A new content generation: the pages' next requests make their fragments anew."""
    manage(env, "shell", "-c", "from portal import fragments; fragments.changed()")


def people_sign_in(env: dict[str, str], people: list[tuple[str, list[str]]]) -> dict:
    """{"cookie_name": …, "people": [{"username", "session_key", "user_id"}, …]}."""
    return json.loads(manage(env, "shell", "-c", SIGN_IN.format(people=people)).splitlines()[-1])


def plan_actions(env: dict[str, str]) -> list[dict]:
    return json.loads(manage(env, "shell", "-c", PLAN_ACTIONS).splitlines()[-1])


# --- gunicorn -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_start(env: dict[str, str], port: int) -> subprocess.Popen:
    gunicorn = Path(PYTHON).with_name("gunicorn")
    log = (ROOT / "var" / "bench-gunicorn.log").open("w")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "config.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            str(REQUEST_TIMEOUT_S + 30),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopping it stops its workers only
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited ({process.returncode}); see var/bench-gunicorn.log")
        try:
            with urllib.request.urlopen(f"{base}/en/floor/", timeout=2):  # noqa: S310
                return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    gunicorn_stop(process)
    sys.exit("gunicorn did not answer within 30 s; see var/bench-gunicorn.log")


def gunicorn_stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
