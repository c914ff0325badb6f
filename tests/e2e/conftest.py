"""Browser tests: headless Chromium, driven by Playwright, against pytest-django's live server.

Run them alone::

    .venv/bin/python -m pytest -m browser            # only the browser tests
    .venv/bin/python -m pytest -m "not browser"      # everything else

They use Debian's Chromium at /usr/bin/chromium (``apt-get install -y chromium``; set
CHROMIUM=/path/to/chromium to use another build of the same major version). Never run
``playwright install``: the machines have no network, and Playwright's own browsers are not
needed. axe-core comes bundled with axe-playwright-python.

Every browser test is marked ``browser`` and runs in a transactional database (the live
server thread must see what the test writes); tests/e2e only ever reads what it wrote itself.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests import auth
from tests.conftest import migration_rows_restore
from tests.directory.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's waits, in ms: generous enough for a loaded CI machine, short enough to fail fast.
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def playwright_instance(django_db_setup):
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    # Playwright's sync API runs an event loop in the test's thread; Django would otherwise
    # refuse every ORM call the tests make while it runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        # Playwright's event loop now runs in this thread, so asgiref treats the thread as
        # async and Django hands out new connection objects here; they need the migrations'
        # rows that the test database setup serialized, or serialized rollback does nothing.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}: install Debian's (apt-get install -y chromium) or set "
            "CHROMIUM; skip the browser tests with -m 'not browser'.",
            pytrace=False,
        )
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module", autouse=True)
def _database_restored_after_browser_tests(django_db_setup, django_db_blocker):
    """Puts back what the migrations wrote (the role groups) after each module of browser tests.

    Browser tests need transactional tests, which flush the tables after each test; with
    serialized rollback Django reloads the migrations' rows before each such test, but not
    after the last one. The next module may be any other (the suite runs its files on two
    workers, in no fixed order), and a test database kept with --reuse-db would start the next
    run without its role groups.
    """
    yield
    with django_db_blocker.unblock():
        migration_rows_restore()


@pytest.fixture(autouse=True)
def _transactional_db_with_migration_rows(django_db_serialized_rollback, live_server):
    """Every browser test: a live server, and the rows the migrations wrote (serialized)."""


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-CA")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


def url(name: str, language: str = "en", **kwargs) -> str:
    """The path of a URL name in a language (French paths are translated)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def expect_at(page, path: str):
    """The page's URL is `path` (with its query string) on the live server."""
    expect(page).to_have_url(re.compile(r"^https?://[^/]+" + re.escape(path) + "$"))


def sign_in(page, username: str, password: str = PASSWORD, *, language: str = "en"):
    """Signs in through the real sign-in form, as a person would: the password, then the code
    from their authenticator when they have one (those who need one have one already)."""
    from directory.mfa import policy
    from directory.models import User

    user = User.objects.filter(username=username).first()
    if user is not None and policy.mfa_required(user):
        auth.authenticator(user)
    page.goto(url("login", language))
    form = page.locator("main form[method=post]").first
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    if page.url.split("?")[0].endswith(url("mfa_verify", language)):
        form = page.locator("main form[method=post]").first
        form.locator("input[name=code]").fill(auth.next_code(user))
        with page.expect_navigation():
            form.locator("[type=submit]").click()


def session_cookie_add(context, user, live_server):
    """Signs the browser in as `user` without the form (fast): a session made by the test
    client, handed to the browser as its cookie."""
    client = auth.sign_in(Client(), user)
    name = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [
            {
                "name": name,
                "value": client.cookies[name].value,
                "url": live_server.url,
                "httpOnly": True,
            }
        ]
    )
