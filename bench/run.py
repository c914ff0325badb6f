"""`make bench`: how fast the main pages are under gunicorn, compared with a floor page, and
whether 20 people posting at once lose anything.

What it does, in order:
1. a fresh database: `snc_bench` on the PostgreSQL at 127.0.0.1:5432 (user postgres), or,
   when no PostgreSQL answers, a SQLite file under var/ (it says which);
2. production-like settings (DEBUG off, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, no
   SSL redirect, BENCHMARK_FLOOR on to route the floor page /en/floor/);
3. migrate, createcachetable, collectstatic, the real plan (load_workplan) and a synthetic plan
   of 1,000 actions and 10,000 status updates (generate_plan); a guide of 200 published case
   studies (generate_guide), whose public list, case-study and search pages are timed signed out;
4. a bench user who is a member and a co-chair, signed in the tests' one way (tests/auth.py);
5. gunicorn, 2 workers, on a free port of 127.0.0.1;
6. ApacheBench (`ab`) on each page with a bounded number of requests and concurrency;
7. a table: page, median and 95th-percentile time, requests per second, the ratio of the
   page's median to the floor page's median measured in the same run, the time of the first
   request right after a change (when the page's fragments are made anew,
   portal/fragments.py; ab's requests then mostly find them in the cache), the queries of a
   request after a change and from the cache, and the response's size;
8. the load run (bench/load.py, the clients of tests/test_concurrency.py): 20 members post
   1,000 status updates through the update form of the real plan's actions while 4 co-chairs
   edit those actions through the action form, all at once; then the counts: posted, stored,
   lost, duplicated, errors, conflicts (edits refused as stale, a correct answer), elapsed
   and requests per second, checked against the database.

gunicorn is always stopped at the end. Nothing is dropped but the bench's own database, at
the start of the next run. Only loopback traffic. The report is also written to bench/results/.
It exits non-zero when a page fails or the load run loses, duplicates or fails anything.

    .venv/bin/python bench/run.py [--requests 200] [--concurrency 4]
                                  [--posts 1000] [--clients 20] [--editors 4] [--edits 25]
                                  [--no-pages | --no-load]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import load
from serve import (
    REQUEST_TIMEOUT_S,
    ROOT,
    WORKERS,
    content_changed,
    database_create,
    environment,
    free_port,
    gunicorn_start,
    gunicorn_stop,
    manage,
    page_facts,
    people_sign_in,
    plan_actions,
    say,
)

RESULTS = ROOT / "bench" / "results"
# No page's run should take much more than this many seconds: slow pages get fewer requests.
TIME_BUDGET_S = 60
# The guide's size in the bench: its list and search pages must not slow down as it grows.
GUIDE_CASE_STUDIES = 200
# A page slower than this is timed once and not loaded further.
TOO_SLOW_S = 20


@dataclass
class Page:
    label: str
    path: str
    requests: int
    concurrency: int
    signed_in: bool = True


@dataclass
class Result:
    page: Page
    status: int
    requests: int = 0
    median_ms: float | None = None
    p95_ms: float | None = None
    per_second: float | None = None
    failures: int = 0
    note: str = ""
    cold_ms: float | None = None  # the first request after a change: fragments made anew
    queries: str = "—"  # per request: after a change / from the cache
    kilobytes: float | None = None


# --- ApacheBench ----------------------------------------------------------------------------


def ab_path() -> str:
    found = shutil.which("ab")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("ApacheBench (ab) is missing: installing Debian's apache2-utils…")
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "apache2-utils"],
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = shutil.which("ab")
        if found:
            return found
    sys.exit(
        "The benchmark needs ApacheBench (ab). Install it with:\n"
        "    sudo apt-get install apache2-utils      (Debian, Ubuntu)\n"
        "then run `make bench` again."
    )


def fetch(url: str, cookie: str | None) -> tuple[int, float]:
    """One request: (status, seconds); status 0 when it timed out or the connection failed."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:  # noqa: S310
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        status = 0
    return status, time.perf_counter() - started


def nearest_rank(sorted_values: list[float], percent: int) -> float:
    return sorted_values[max(0, math.ceil(percent / 100 * len(sorted_values)) - 1)]


def ab_run(ab: str, url: str, page: Page, requests: int, cookie: str | None, work: Path) -> Result:
    percentiles = work / "percentiles.csv"
    each = work / "requests.tsv"
    command = [ab, "-q", "-l", "-n", str(requests), "-c", str(page.concurrency)]
    command += ["-e", str(percentiles), "-g", str(each), "-s", str(REQUEST_TIMEOUT_S)]
    if cookie:
        command += ["-C", cookie]
    try:
        output = subprocess.run(
            [*command, url], capture_output=True, text=True, check=False, timeout=900
        )
    except subprocess.TimeoutExpired:
        return Result(page, status=0, note="ab did not finish within 15 minutes")
    if output.returncode:
        return Result(page, status=0, note=f"ab failed: {output.stderr.strip()[:200]}")
    result = Result(page, status=200, requests=requests)
    for line in output.stdout.splitlines():
        if line.startswith("Requests per second:"):
            result.per_second = float(line.split()[3])
        elif line.startswith(("Non-2xx responses:", "Failed requests:")):
            result.failures += int(line.split()[2])
    if requests >= 100:
        # "Percentage served,Time in ms", one row per percent, to the microsecond. (ab reads
        # past its array for the top percentiles of a small run: only used for 100 or more.)
        with percentiles.open() as rows:
            served = {int(row[0]): float(row[1]) for row in csv.reader(rows) if row[0].isdigit()}
        result.median_ms, result.p95_ms = served[50], served[95]
    else:
        # One row per request; "ttime" is the total time in whole milliseconds.
        with each.open() as rows:
            times = sorted(float(row["ttime"]) for row in csv.DictReader(rows, delimiter="\t"))
        result.median_ms, result.p95_ms = statistics.median(times), nearest_rank(times, 95)
    if result.failures:
        result.status = 0
    return result


def bench_page(
    ab: str, base: str, page: Page, cookie: str, work: Path, env: dict[str, str]
) -> Result:
    url = base + page.path
    own_cookie = cookie if page.signed_in else None
    # The first request, right after a change, makes the page's fragments anew (the slowest a
    # reader waits); it also shows whether the page works at all.
    content_changed(env)
    status, seconds = fetch(url, own_cookie)
    if status == 0:
        return Result(page, status=0, note=f"no answer within {REQUEST_TIMEOUT_S} s")
    if status != 200:
        return Result(page, status=status, note=f"HTTP {status}: not measured")
    if seconds > TOO_SLOW_S:
        return Result(
            page,
            status=200,
            requests=1,
            median_ms=seconds * 1000,
            cold_ms=seconds * 1000,
            note=f"one request only: over {TOO_SLOW_S} s",
        )
    timings = [seconds] + [fetch(url, own_cookie)[1] for _ in range(WORKERS)]
    typical = statistics.median(timings)
    requests = page.requests
    budget = int(TIME_BUDGET_S * WORKERS / max(typical, 0.001))
    note = ""
    if budget < requests:
        requests = max(10, budget)
        note = "fewer requests (slow page)"
    result = ab_run(ab, url, page, requests, own_cookie, work)
    result.note = result.note or note
    result.cold_ms = seconds * 1000
    return result


# --- The run --------------------------------------------------------------------------------


def pages(action_pk: int, requests: int, concurrency: int) -> list[Page]:
    heavy = {"requests": 10, "concurrency": 2}
    light = {"requests": requests, "concurrency": concurrency}
    # With no meeting in the bench's plan, a report covers all 10,000 updates (the worst case);
    # a council that meets every quarter gets the last three months' updates (about 2,300).
    quarter = (datetime.date.today() - datetime.timedelta(days=91)).isoformat()
    return [
        Page("floor (no query, signed out)", "/en/floor/", **light, signed_in=False),
        Page("plan", "/en/workplan/", **light),
        Page("plan, filtered", "/en/workplan/?status=in_progress", **light),
        Page("action 1.2", f"/en/workplan/actions/{action_pk}/", **light),
        Page("dashboard", "/en/workplan/dashboard/", **light),
        Page("my actions", "/en/workplan/my-actions/", **light),
        Page("report page", "/en/reports/", **light),
        Page("guide (signed out)", "/en/guide/", **light, signed_in=False),
        Page("case studies (signed out)", "/en/guide/case-studies/", **light, signed_in=False),
        Page(
            "case studies, filtered",
            "/en/guide/case-studies/?status=active&province=NB",
            **light,
            signed_in=False,
        ),
        Page(
            "case study",
            "/en/guide/case-studies/synthetic-partnership-7-shared-service-network/",
            **light,
            signed_in=False,
        ),
        Page("search, English", "/en/guide/search/?q=shared+network", **light, signed_in=False),
        Page(
            "recherche, français", "/fr/guide/recherche/?q=reseau+partage", **light, signed_in=False
        ),
        Page("report pdf, last quarter", f"/en/reports/download/pdf/?since={quarter}", **heavy),
        Page("report pdf, all updates", "/en/reports/download/pdf/", **heavy),
        Page("report docx, all updates", "/en/reports/download/docx/", **heavy),
        Page("report xlsx, all updates", "/en/reports/download/xlsx/", **heavy),
        Page("report csv, all updates", "/en/reports/download/csv/", **heavy),
    ]


def table(results: list[Result]) -> str:
    floor = results[0].median_ms if results and results[0].median_ms else None

    def number(value, digits=1):
        return "—" if value is None else f"{value:,.{digits}f}"

    rows = [
        (
            "page",
            "n×c",
            "median ms",
            "p95 ms",
            "req/s",
            "× floor",
            "after a change ms",
            "queries (after a change / cached)",
            "kB",
            "note",
        )
    ]
    for r in results:
        ratio = r.median_ms / floor if floor and r.median_ms is not None else None
        note = r.note + (f" {r.failures} failed/non-2xx" if r.failures else "")
        rows.append(
            (
                r.page.label,
                f"{r.requests}×{r.page.concurrency}" if r.requests else "—",
                number(r.median_ms),
                number(r.p95_ms),
                number(r.per_second),
                number(ratio),
                number(r.cold_ms, 0),
                r.queries,
                number(r.kilobytes, 0),
                note.strip(),
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    last = len(rows[0]) - 1
    lines = []
    for n, row in enumerate(rows):
        cells = [
            str(cell).ljust(widths[i]) if i in (0, last) else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- The load run ---------------------------------------------------------------------------

# Each load client times out after this long; no attempt starts after LOAD_BUDGET_S.
LOAD_TIMEOUT_S = 60
LOAD_BUDGET_S = 900


def load_run(env: dict[str, str], base: str, options) -> tuple[list[str], bool]:
    """The load run against the server at `base`: (the lines to print, whether it held)."""
    members = [(f"load-member-{n:02d}", ["member"]) for n in range(options.clients)]
    cochairs = [(f"load-cochair-{n:02d}", ["member", "cochair"]) for n in range(options.editors)]
    signed_in = people_sign_in(env, members + cochairs)
    clients = [load.Client(p["session_key"], p["user_id"]) for p in signed_in["people"]]
    targets = [load.Target(**action) for action in plan_actions(env)]
    each = max(1, options.posts // max(1, options.clients))
    say(
        f"  load: {options.clients} members × {each} updates and {options.editors} co-chairs × "
        f"{options.edits} edits on the plan's {len(targets)} actions, all at once …"
    )
    outcome = load.run(
        base_url=base,
        cookie_name=signed_in["cookie_name"],
        members=clients[: options.clients],
        cochairs=clients[options.clients :],
        targets=targets,
        updates_per_member=each,
        edits_per_cochair=options.edits,
        timeout=LOAD_TIMEOUT_S,
        budget=LOAD_BUDGET_S,
    )
    saved = ROOT / "var" / "bench" / "load-run.json"
    saved.write_text(outcome.to_json(), encoding="utf-8")
    # The database is read where Django runs: the same tally as the test's.
    command = f"from bench.load import tally_file; tally_file({str(saved)!r})"
    found = load.Tally(**json.loads(manage(env, "shell", "-c", command).splitlines()[-1]))
    lines = [
        f"Load: {options.clients} members posting and {options.editors} co-chairs editing at "
        f"once, through the forms (bench/load.py; run {outcome.run_id})",
        "",
        *load.summary(outcome, found),
    ]
    problems = found.problems()
    if problems:
        lines += ["", "PROBLEMS:", *problems]
    return lines, not problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent requests")
    parser.add_argument("--posts", type=int, default=1000, help="status updates of the load run")
    parser.add_argument("--clients", type=int, default=20, help="members posting them at once")
    parser.add_argument("--editors", type=int, default=4, help="co-chairs editing meanwhile")
    parser.add_argument("--edits", type=int, default=25, help="edits per co-chair")
    skip = parser.add_mutually_exclusive_group()
    skip.add_argument("--no-pages", action="store_true", help="the load run only")
    skip.add_argument("--no-load", action="store_true", help="the page timings only")
    options = parser.parse_args()

    ab = None if options.no_pages else ab_path()
    (ROOT / "var").mkdir(exist_ok=True)
    database_url, database = database_create()
    say(f"Database: {database}")
    env = environment(database_url)
    started = time.monotonic()
    for step in (
        ("migrate", "--noinput"),
        ("createcachetable",),
        ("collectstatic", "--noinput"),
        ("load_workplan",),
        ("generate_plan", "--actions", "1000", "--updates", "10000"),
        ("generate_guide", "--case-studies", str(GUIDE_CASE_STUDIES)),
    ):
        say(f"manage.py {' '.join(step)}")
        manage(env, *step)
    bench_user = people_sign_in(env, [("bench", ["member", "cochair"])])
    cookie = f"{bench_user['cookie_name']}={bench_user['people'][0]['session_key']}"
    action_pk = next(a["pk"] for a in plan_actions(env) if a["code"] == "1.2")
    say(f"Set up in {time.monotonic() - started:.0f} s.")

    port = free_port()
    process = gunicorn_start(env, port)
    base = f"http://127.0.0.1:{port}"
    say(f"gunicorn: {WORKERS} workers on {base} (pid {process.pid})")
    results = []
    load_lines, load_held = [], True
    work = ROOT / "var" / "bench"
    work.mkdir(exist_ok=True)
    try:
        if not options.no_pages:
            for page in pages(action_pk, options.requests, options.concurrency):
                say(f"  {page.label} …")
                results.append(bench_page(ab, base, page, cookie, work, env))
        if results:
            facts = page_facts(
                env,
                bench_user["cookie_name"],
                bench_user["people"][0]["session_key"],
                [(r.page.path, r.page.signed_in) for r in results if r.status == 200],
            )
            for r in results:
                if r.page.path in facts:
                    found = facts[r.page.path]
                    r.queries = f"{found['cold']} / {found['warm']}"
                    r.kilobytes = found["bytes"] / 1000
        if not options.no_load:
            load_lines, load_held = load_run(env, base, options)
    finally:
        gunicorn_stop(process)
        say("gunicorn stopped.")

    header = [
        f"make bench — {datetime.datetime.now():%Y-%m-%d %H:%M}",
        f"Database: {database}; plan: the real plan + 1,000 synthetic actions and "
        f"10,000 status updates; guide: {GUIDE_CASE_STUDIES} published case studies",
        f"gunicorn {WORKERS} sync workers, DEBUG off; clients on 127.0.0.1",
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end",
    ]
    sections = []
    if results:
        sections.append(
            "Pages: ab, signed in as a member and co-chair (the floor signed out: no query "
            "at all)\n\n" + table(results)
        )
    if load_lines:
        sections.append("\n".join(load_lines))
    report = "\n\n".join(["\n".join(header), *sections])
    say("")
    say(report)
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.txt"
    saved.write_text(report + "\n", encoding="utf-8")
    say(f"\n(also written to {saved.relative_to(ROOT)})")
    if any(r.status != 200 or r.failures for r in results) or not load_held:
        sys.exit(1)


if __name__ == "__main__":
    main()
