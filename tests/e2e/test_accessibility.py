"""axe-core on every page of the portal, in both official languages, signed out and signed in.

The pages come from tests/urlmap.py: every URL whose GET shows an HTML page to some role is
checked as an anonymous visitor (when public) and as the first signed-in role that sees it.
Forms are also checked after a failed submission (the state with error messages), and the
error pages a user can meet (403, 404) are checked too. The Django admin is left out: it is
third-party UI, and the permission matrix covers its access.

A page fails on any violation of WCAG 2.0/2.1 A and AA rules; the message lists each rule,
the elements at fault and axe's advice. A page also fails if the browser reports a
Content-Security-Policy violation (an inline script or style slipped in).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests import auth
from tests.directory.factories import UserFactory
from tests.e2e.conftest import session_cookie_add, url
from tests.urlmap import OK, ROUTES, ROUTES_BY_NAME, samples_create

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
LANGUAGES = ("en", "fr")
# The least powerful signed-in role that sees a page is the one it is checked as.
SIGNED_IN_PREFERENCE = ("member", "editor", "steward", "cochair", "superuser")
# Pages that accept a POST but show no form in their sample state (a bogus reset link).
NO_FORM = frozenset({"password_reset_confirm"})
# How crispy-forms (Bootstrap 5) and Django mark a form's errors.
ERRORS_SHOWN = (
    "main .is-invalid, main .invalid-feedback, main .alert-danger, main .errorlist, "
    "main [aria-invalid=true]"
)

_axe = Axe()


def route_kwargs(name: str) -> dict:
    """The URL's kwargs; the work plan's, reports' and guide's pages get the real plan, an
    update, a meeting and the guide's samples (the account pages need none: loading the plan
    for them would only cost time)."""
    route = ROUTES_BY_NAME[name]
    if name.startswith(("workplan:", "reports:", "partnerships:")):
        return route.kwargs(samples_create())
    return route.kwargs(None)


def page_cases():
    """(route name, role) for every HTML page: signed out when public, and signed in."""
    for route in ROUTES:
        if not route.page:
            continue
        roles = route.roles_with_page()
        if "anonymous" in roles:
            yield route.name, "anonymous"
        signed_in = [role for role in SIGNED_IN_PREFERENCE if role in roles]
        if signed_in:
            yield route.name, signed_in[0]


def form_cases():
    """(route name, role) for every page whose form a role may submit (and get errors)."""
    for route in ROUTES:
        if not route.page or route.name in NO_FORM:
            continue
        for role in ("anonymous", *SIGNED_IN_PREFERENCE):
            if route.post[role] == OK and route.get[role] == OK:
                yield route.name, role
                break


def violations_report(results) -> str:
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def audit(page, label: str, problems: list[str], csp_errors: list[str]):
    """Runs axe on the page as it stands; adds what it finds to `problems`."""
    results = _axe.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        problems.append(
            f"{label}: {results.violations_count} violation(s)\n{violations_report(results)}"
        )
    if csp_errors:
        problems.append(
            f"{label}: Content-Security-Policy violations:\n  " + "\n  ".join(csp_errors)
        )
        csp_errors.clear()


@pytest.fixture
def watched_page(page):
    """The page, with the browser's CSP violation reports collected."""
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return page, csp_errors


@pytest.fixture
def signed_in_as(context, live_server, user_for_role):
    def sign(role: str):
        user = user_for_role(role)
        if user is not None:
            session_cookie_add(context, user, live_server)

    return sign


@pytest.mark.parametrize(("name", "role"), list(page_cases()), ids=lambda v: v)
def test_page_has_no_wcag_violation(watched_page, signed_in_as, name, role):
    page, csp_errors = watched_page
    kwargs = route_kwargs(name)
    signed_in_as(role)
    problems: list[str] = []
    for language in LANGUAGES:
        path = url(name, language, **kwargs)
        response = page.goto(path)
        assert response.status == 200, f"GET {path} as {role}: {response.status}"
        audit(page, f"{path} as {role}", problems, csp_errors)
    assert not problems, "\n\n".join(problems)


def submit_with_errors(page, name: str):
    """Submits the page's main form so that it fails validation."""
    form = page.locator("main form[method=post]").first
    if name == "login":
        form.locator("input[name=username]").fill("nobody")
        form.locator("input[name=password]").fill("not-the-password")
    else:
        # Empty every text field (selects and checkboxes keep their values): something
        # required is then missing. The browser's own checks are switched off, as in a
        # browser without them, so that the server's error messages show.
        for field in form.locator(
            "textarea:visible, input:visible:not([type=checkbox]):not([type=radio])"
            ":not([type=file]):not([type=submit]):not([type=button]):not([type=hidden])"
        ).all():
            field.fill("")
    form.evaluate("f => { f.noValidate = true; }")
    with page.expect_navigation() as navigation:
        form.locator("[type=submit]").last.click()
    return navigation.value


@pytest.mark.parametrize(("name", "role"), list(form_cases()), ids=lambda v: v)
def test_form_with_errors_has_no_wcag_violation(watched_page, signed_in_as, name, role):
    page, csp_errors = watched_page
    kwargs = route_kwargs(name)
    signed_in_as(role)
    problems: list[str] = []
    for language in LANGUAGES:
        path = url(name, language, **kwargs)
        page.goto(path)
        response = submit_with_errors(page, name)
        assert response.status == 200, f"POST {path} as {role} with errors: {response.status}"
        assert response.request.redirected_from is None, (
            f"POST {path} as {role} succeeded with the text fields emptied (no errors shown)"
        )
        expect(page.locator(ERRORS_SHOWN).first).to_be_visible()
        audit(page, f"{path} as {role}, after a failed submission", problems, csp_errors)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize(
    ("case", "role", "status"),
    [("refused", "editor", 403), ("missing", "anonymous", 404)],
    ids=["403", "404"],
)
def test_error_pages_have_no_wcag_violation(watched_page, signed_in_as, case, role, status):
    page, csp_errors = watched_page
    signed_in_as(role)
    problems: list[str] = []
    for language in LANGUAGES:
        path = url("workplan:plan", language) if case == "refused" else f"/{language}/no-such-page/"
        response = page.goto(path)
        assert response.status == status, f"GET {path} as {role}: {response.status}"
        audit(page, f"{path} ({status}) as {role}", problems, csp_errors)
    assert not problems, "\n\n".join(problems)


def test_the_second_sign_in_step_has_no_wcag_violation(watched_page, context, live_server):
    """The code page is reached only between the two steps, so the URL map's sessions (fully
    signed in) never see it: checked here, as it first shows and after a wrong code."""
    page, csp_errors = watched_page
    user = UserFactory(username="chair-a11y", roles=["cochair"])
    auth.authenticator(user)
    client = auth.sign_in(Client(), user, second_factor=False)
    name = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    problems: list[str] = []
    for language in LANGUAGES:
        path = url("mfa_verify", language)
        assert page.goto(path).status == 200
        audit(page, path, problems, csp_errors)
        page.locator("main input[name=code]").fill("000000")
        with page.expect_navigation():
            page.locator("main form[method=post] [type=submit]").first.click()
        expect(page.locator(ERRORS_SHOWN).first).to_be_visible()
        audit(page, f"{path}, after a wrong code", problems, csp_errors)
    assert not problems, "\n\n".join(problems)


def test_the_oversize_request_page_has_no_wcag_violation(watched_page, signed_in_as):
    """A form sent with more than the server reads gets the portal's 400 page, in the form's
    language (the text typed into the page directly, past the field's maxlength)."""
    page, csp_errors = watched_page
    signed_in_as("member")
    problems: list[str] = []
    for language in LANGUAGES:
        path = url("workplan:update_create", language, **route_kwargs("workplan:update_create"))
        page.goto(path)
        page.evaluate(
            "() => { const t = document.querySelector('main textarea[name=progress]');"
            " t.removeAttribute('maxlength'); t.value = 'x'.repeat(3 * 1024 * 1024); }"
        )
        with page.expect_navigation() as navigation:
            page.locator("main form[method=post] [type=submit]").first.click()
        assert navigation.value.status == 400
        expect(page.locator("html")).to_have_attribute("lang", language)
        audit(page, f"{path} (400)", problems, csp_errors)
    assert not problems, "\n\n".join(problems)
