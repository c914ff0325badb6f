"""`make bench`'s server side: a fresh database, production-like settings, and gunicorn."""

from __future__ import annotations

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


# Runs inside `manage.py shell`: the bench user (member + co-chair, with a person), a session
# for it, and the key of the real plan's action 1.2. Prints "session_key action_pk".
BENCH_USER = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from directory.models import Organization, Person, User
from workplan.models import Action

user, _ = User.objects.get_or_create(
    username="bench", defaults={"first_name": "Bench", "last_name": "Runner"}
)
user.set_unusable_password()
user.save()
user.groups.add(*Group.objects.filter(name__in=["member", "cochair"]))
organization = Organization.objects.order_by("pk").first()
Person.objects.get_or_create(
    user=user, defaults={"name": "Bench Runner", "organization": organization}
)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
action = Action.objects.get(activity__number=1, number=2)
print(session.session_key, action.pk)
"""


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
