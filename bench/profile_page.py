"""Where a page spends its time: each page of `make bench`, rendered in this process under
pyinstrument, against the bench's data (the real plan plus 1,000 synthetic actions and 10,000
status updates) in a database of its own, kept between runs.

    .venv/bin/python bench/profile_page.py [PATH …] [--cold] [--fresh] [--repeat 3]

With no PATH, every page of `make bench`. It prints, per page, the mean time in the view and the
call tree above 2 % of it; with `--cold`, of a request right after a change (the page's
fragments made anew), else of a request that finds them in the cache. `--fresh` builds the
database again (after a model change). SQL is included in the tree: the time in psycopg is the
database's share.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
DATABASE = "snc_profile"


def database_ready(fresh: bool) -> bool:
    """Creates the database when asked or missing; True when it needs its data."""
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if exists and not fresh:
            return False
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--cold", action="store_true", help="after a change each time: fragments made anew"
    )
    options = parser.parse_args()

    needs_data = database_ready(options.fresh)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "false",
            "SECRET_KEY": "profile-only-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "LOG_LEVEL": "ERROR",
        }
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from pyinstrument import Profiler

    from directory.models import Organization, Person, User
    from portal import fragments
    from tests.auth import sign_in

    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    if needs_data:
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("load_workplan", verbosity=0)
        call_command("generate_plan", actions=1000, updates=10000, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.auth.models import Group

    user, _ = User.objects.get_or_create(username="profile")
    user.groups.add(*Group.objects.filter(name__in=["member", "cochair"]))
    Person.objects.get_or_create(
        user=user, defaults={"name": "Profile", "organization": Organization.objects.first()}
    )
    client = sign_in(Client(), user)

    from run import pages  # the pages make bench measures

    paths = options.paths or [page.path for page in pages_of(pages) if page.signed_in]
    for path in paths:
        client.get(path)  # warm: templates compiled, caches filled as a second visit finds them
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        profiler.start()
        for _ in range(options.repeat):
            if options.cold:
                fragments.changed()
            response = client.get(path)
        profiler.stop()
        mean = (time.perf_counter() - started) / options.repeat
        size = len(response.content) if not response.streaming else 0
        print(f"\n=== {path}: {response.status_code}, {mean * 1000:.0f} ms, {size:,} bytes")
        print(profiler.output_text(unicode=True, show_all=False, time="percent_of_total"))


def pages_of(pages):
    return pages(action_pk=_first_real_action(), requests=1, concurrency=1)


def _first_real_action() -> int:
    from workplan.models import Action

    return Action.objects.get(activity__number=1, number=2).pk


if __name__ == "__main__":
    main()
