"""The guide's rich-text editor in a real browser, under the portal's Content-Security-Policy
(no 'unsafe-inline'): its toolbar appears, bold text typed in it is stored as <strong>, and no
CSP violation is reported. Then the XSS corpus (tests/partnerships/xss_corpus.py), saved
through the edit form and published, is rendered on the public case-study page: nothing runs
(no dialog opens, ``window.__xss`` stays undefined), and no CSP violation is reported either.
"""

import pytest
from playwright.sync_api import expect

from partnerships import workflow
from partnerships.models import CaseStudy
from portal.roles import Role
from tests.directory.factories import UserFactory
from tests.e2e.conftest import session_cookie_add, url
from tests.partnerships.factories import CaseStudyFactory
from tests.partnerships.xss_corpus import XSS_PAYLOADS

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(page):
    """The page, with CSP violations, script errors and dialogs collected."""
    seen = {"csp": [], "errors": [], "dialogs": []}
    page.on(
        "console",
        lambda message: (
            seen["csp"].append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return page, seen


def test_the_editor_works_under_the_policy_and_stores_bold_text(watched, context, live_server):
    page, seen = watched
    editor = UserFactory(username="ethan", roles=[Role.EDITOR])
    case = CaseStudyFactory(summary_en="<p>Start.</p>")
    session_cookie_add(context, editor, live_server)
    response = page.goto(url("partnerships:item_edit", kind="case-study", pk=case.pk))
    assert response.status == 200
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "'nonce-" in policy
    # Every rich text has its editor and toolbar; the plain text area is hidden.
    summary = page.locator(".prose-editor:has(textarea[name=summary_en])")
    expect(summary.locator(".prose-menubar")).to_be_visible()
    expect(page.locator(".prose-editor")).to_have_count(6)
    expect(page.locator("textarea[name=summary_en]")).to_be_hidden()
    area = summary.locator(".tiptap")
    expect(area).to_have_attribute("lang", "en")
    expect(area).to_have_attribute("aria-label", "Summary (English)")
    expect(page.locator(".tiptap[aria-label='Summary (French)']")).to_have_attribute("lang", "fr")
    area.click()
    page.keyboard.press("End")
    page.keyboard.type(" Then ")
    page.keyboard.press("Control+b")
    page.keyboard.type("bold words")
    page.keyboard.press("Control+b")
    page.keyboard.type(" again.")
    with page.expect_navigation():
        page.locator("#item-form button[type=submit]").click()
    case.refresh_from_db()
    assert "<strong>bold words</strong>" in case.summary_en, case.summary_en
    assert case.summary_en.startswith("<p>Start. Then ")
    assert not seen["csp"], seen["csp"]
    assert not seen["errors"], seen["errors"]


def test_the_editor_toolbar_makes_a_heading_and_a_list(watched, context, live_server):
    page, seen = watched
    editor = UserFactory(username="ethan", roles=[Role.EDITOR])
    session_cookie_add(context, editor, live_server)
    page.goto(url("partnerships:item_create", kind="chapter"))
    page.locator("input[name=number]").fill("3")
    page.locator("input[name=title_en]").fill("Working together")
    area = page.locator(".tiptap[aria-label='Introduction (English)']")
    area.click()
    # Markdown-like shortcuts of the editor: a level-2 heading, then a bulleted list.
    page.keyboard.type("## Why partner")
    page.keyboard.press("Enter")
    page.keyboard.type("- Fewer trips for clients")
    with page.expect_navigation():
        page.locator("#item-form button[type=submit]").click()
    from partnerships.models import Chapter

    chapter = Chapter.objects.working().get()
    assert "<h2>Why partner</h2>" in chapter.introduction_en
    assert "<ul><li><p>Fewer trips for clients</p></li></ul>" in chapter.introduction_en
    assert not seen["csp"], seen["csp"]
    assert not seen["errors"], seen["errors"]


def test_the_xss_corpus_runs_nothing_on_the_published_page(watched, context, live_server):
    page, seen = watched
    author = UserFactory(username="ethan", roles=[Role.EDITOR])
    reviewer = UserFactory(username="sophie", roles=[Role.EDITOR])
    case = CaseStudyFactory(title_en="Hostile case", slug_en="hostile-case")
    corpus = "".join(f"<p>Payload {n}:</p>{p}" for n, p in enumerate(XSS_PAYLOADS))
    # Sent as a browser without the editor would send it: straight into the text areas.
    session_cookie_add(context, author, live_server)
    page.goto(url("partnerships:item_edit", kind="case-study", pk=case.pk))
    for name in ("summary_en", "outcomes_en", "lessons_en", "summary_fr"):
        page.locator(f"textarea[name={name}]").evaluate("(t, v) => { t.value = v; }", corpus)
    page.evaluate(
        "() => document.querySelectorAll('.ProseMirror').forEach("
        "e => e.setAttribute('contenteditable', 'false'))"
    )
    # The editor writes its own HTML into the text areas only when typed in: this is the
    # corpus as posted.
    with page.expect_navigation():
        page.locator("#item-form button[type=submit]").click()
    case.refresh_from_db()
    assert "Payload 0:" in case.summary_en
    workflow.item_submit(item=case, user=author)
    workflow.item_publish(item=case, user=reviewer)
    public = CaseStudy.objects.public().get()
    context.clear_cookies()
    seen["csp"].clear()
    for language, slug in (("en", public.slug_en), ("fr", public.slug_fr)):
        response = page.goto(url("partnerships:case_study", language, slug=slug))
        assert response.status == 200
        expect(page.locator("main")).to_contain_text("Payload 0:")
        # Give any handler left a chance: every element of the page gets the events the
        # payloads listen for (an inline handler would also be a CSP violation), then a pause.
        page.evaluate(
            """() => document.querySelectorAll("main *").forEach((element) => {
                for (const type of ["mouseover", "mouseenter", "pointerenter", "focus",
                                    "click", "toggle", "load", "error"]) {
                    if (type === "click" && element.closest("a, button, form")) continue;
                    element.dispatchEvent(new Event(type));
                }
            })"""
        )
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        assert page.evaluate("() => typeof window.__xss") == "undefined"
        assert page.evaluate("() => typeof parent.__xss") == "undefined"
    assert not seen["dialogs"], seen["dialogs"]
    assert not seen["csp"], seen["csp"]
    assert not seen["errors"], seen["errors"]
