"""The whole public guide as one PDF (Typst), in one language: a table of contents, the
chapters with their sections, then the case studies.

The layout is ``templates/partnerships/guide.typ``. As for the council report
(reports/formats/to_pdf.py), it receives everything as JSON data, every word already in the
document's language, and shows each string as text. The guide's rich text (sanitised HTML,
portal/richtext.py) arrives as structure — blocks (paragraphs, headings, list items, quotes,
tables) made of runs of text with their emphasis and link — never as markup: a text that looks
like Typst or HTML is printed as the characters it is.

Only public copies are read (partnerships/selectors.py): a draft never reaches the PDF.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerships import selectors
from partnerships.models import CaseStudy
from portal.dates import long_date
from portal.exports import typst_pdf
from portal.exports.typst_pdf import text

CONTENT_TYPE = typst_pdf.CONTENT_TYPE
EXTENSION = typst_pdf.EXTENSION
LAYOUT = settings.BASE_DIR / "templates" / "partnerships" / "guide.typ"
# Links the PDF keeps as links; any other (a relative address) is kept as its text.
LINK_PREFIXES = ("http://", "https://", "mailto:", "tel:")

# --- Rich text as structure -------------------------------------------------------------------

_INLINE_STYLES = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
    "s": "strike",
    "sub": "sub",
    "sup": "sup",
    "code": "code",
}
_HEADINGS = {"h2": 1, "h3": 2, "h4": 3}  # levels under the text's own heading
_SPACES = re.compile(r"\s+")
_BLOCKS = {"p", "li", "blockquote", "pre", "td", "th", *_HEADINGS}


class _Structure(HTMLParser):
    """Reads sanitised HTML into blocks of runs (see :func:`blocks`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.styles: list[str] = []  # open inline styles, innermost last
        self.links: list[str | None] = []
        self.langs: list[str | None] = []
        self.lists: list[dict] = []  # open lists: {"ordered": bool, "next": n}
        self.quote = 0
        self.pre = 0
        self.table: list[list[dict]] | None = None
        self.header_row = False
        self.current: dict | None = None  # the block being filled

    # Blocks ----------------------------------------------------------------------------------

    def _open(self, block: dict) -> None:
        self._close()
        block.setdefault("runs", [])
        if self.quote:
            block["quote"] = True
        self.current = block

    def _close(self) -> None:
        block, self.current = self.current, None
        if block is None:
            return
        runs = _trimmed(block["runs"], keep_spaces=bool(self.pre))
        if not runs and block["kind"] != "cell":
            return
        block["runs"] = runs
        if block["kind"] == "cell":
            if self.table is not None and self.table:
                self.table[-1].append(block)
            return
        self.blocks.append(block)

    def _block(self) -> dict:
        """The block text goes into: an implicit paragraph outside any block."""
        if self.current is None:
            self._open({"kind": "paragraph"})
        return self.current

    # Parser ----------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _INLINE_STYLES:
            self.styles.append(_INLINE_STYLES[tag])
        elif tag == "a":
            href = attributes.get("href") or ""
            self.links.append(href if href.startswith(LINK_PREFIXES) else None)
        elif tag == "span":
            self.langs.append(attributes.get("lang"))
        elif tag == "br":
            self._block()["runs"].append({"break": True})
        elif tag == "hr":
            self._close()
            self.blocks.append({"kind": "rule"})
        elif tag in ("ul", "ol"):
            self._close()
            start = attributes.get("start") or "1"
            self.lists.append(
                {"ordered": tag == "ol", "next": int(start) if start.isdigit() else 1}
            )
        elif tag == "li":
            ordered = self.lists[-1] if self.lists else {"ordered": False, "next": 1}
            self._open(
                {
                    "kind": "item",
                    "depth": max(len(self.lists), 1),
                    "marker": f"{ordered['next']}." if ordered["ordered"] else "•",
                }
            )
            ordered["next"] += 1
        elif tag in _HEADINGS:
            self._open({"kind": "heading", "level": _HEADINGS[tag]})
        elif tag == "blockquote":
            self._close()
            self.quote += 1
        elif tag == "pre":
            self._open({"kind": "paragraph", "code": True})
            self.pre += 1
        elif tag == "p":
            self._open({"kind": "paragraph", "lang": attributes.get("lang")})
        elif tag == "table":
            self._close()
            self.table = []
        elif tag == "tr":
            if self.table is not None:
                self.table.append([])
        elif tag in ("td", "th"):
            if tag == "th":
                self.header_row = self.header_row or (
                    self.table is not None and len(self.table) == 1
                )
            self._open({"kind": "cell", "header": tag == "th"})

    def handle_endtag(self, tag):
        if tag in _INLINE_STYLES:
            if _INLINE_STYLES[tag] in self.styles:
                self.styles.reverse()
                self.styles.remove(_INLINE_STYLES[tag])
                self.styles.reverse()
        elif tag == "a":
            if self.links:
                self.links.pop()
        elif tag == "span":
            if self.langs:
                self.langs.pop()
        elif tag in ("ul", "ol"):
            self._close()
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self._close()
            self.quote = max(0, self.quote - 1)
        elif tag == "pre":
            self._close()
            self.pre = max(0, self.pre - 1)
        elif tag == "table":
            self._close()
            rows = [row for row in (self.table or []) if row]
            if rows:
                self.blocks.append(
                    {
                        "kind": "table",
                        "columns": max(len(row) for row in rows),
                        "header": self.header_row,
                        "rows": [[cell["runs"] for cell in row] for row in rows],
                    }
                )
            self.table, self.header_row = None, False
        elif tag in _BLOCKS:
            self._close()

    def handle_data(self, data):
        if not data:
            return
        if self.current is None and not data.strip():
            return  # the whitespace between blocks
        run: dict = {"text": data}
        styles = set(self.styles) | ({"code"} if self.pre else set())
        for style in styles:
            run[style] = True
        link = next((link for link in reversed(self.links) if link), None)
        if link:
            run["link"] = link
        lang = next((lang for lang in reversed(self.langs) if lang), None)
        if lang:
            run["lang"] = lang
        self._block()["runs"].append(run)

    def close(self):
        super().close()
        self._close()


def _trimmed(runs: list[dict], *, keep_spaces: bool) -> list[dict]:
    """The runs with HTML's white space rule (a run of spaces and line breaks shows as one
    space; none at a block's start or end), each text laid out for Typst (typst_pdf.text)."""
    out: list[dict] = []
    after_space = True  # at the block's start, as after a space
    for run in runs:
        if "break" in run:
            out.append(run)
            after_space = True
            continue
        value = run["text"] if keep_spaces else _SPACES.sub(" ", run["text"])
        if after_space and not keep_spaces:
            value = value.lstrip(" ")
        if not value:
            continue
        after_space = value.endswith(" ")
        out.append({**run, "text": value})
    while out and "break" in out[-1]:
        out.pop()
    if out and not keep_spaces:
        out[-1] = {**out[-1], "text": out[-1]["text"].rstrip(" ")}
        if not out[-1]["text"]:
            out.pop()
    return [{**run, "text": text(run["text"])} if "text" in run else run for run in out]


def blocks(html: str) -> list[dict]:
    """Sanitised HTML as a list of blocks for the layout, each text a plain string:

    - ``{"kind": "paragraph", "runs": [...], "quote"?: True, "code"?: True, "lang"?: "fr"}``
    - ``{"kind": "heading", "level": 1-3, "runs": [...]}`` (1 for the text's <h2>)
    - ``{"kind": "item", "depth": 1, "marker": "•" or "3.", "runs": [...]}``
    - ``{"kind": "table", "columns": n, "header": bool, "rows": [[runs, …], …]}``
    - ``{"kind": "rule"}``

    A run is ``{"text": …}`` with any of ``bold``, ``italic``, ``underline``, ``strike``,
    ``sub``, ``sup``, ``code`` (true), ``link`` (an absolute address), ``lang``; or
    ``{"break": True}`` for a line break.
    """
    if not html:
        return []
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.blocks


# --- The document ----------------------------------------------------------------------------


def _fact(label: str, value: str) -> list:
    return [label, text(value)]


def _case_study(case: CaseStudy) -> dict:
    partners = [
        f"{organization.name} ({organization.get_order_of_government_display()})"
        for organization in case.organizations.all()
    ]
    where = ", ".join(part for part in (case.place, case.get_province_display()) if part)
    facts = [
        _fact(_("Partners"), "; ".join(partners)),
        _fact(_("Partnership models"), ", ".join(m.name for m in case.partnership_models.all())),
        _fact(_("Services involved"), ", ".join(s.name for s in case.services.all())),
        _fact(_("Where"), where or _("Across Canada")),
        _fact(_("Year started"), str(case.year_started or "")),
        _fact(_("Status"), case.get_status_display()),
    ]
    contacts = [
        text(
            ", ".join(
                part
                for part in (
                    contact.name,
                    contact.role,
                    contact.organization.name,
                    contact.email,
                    contact.phone,
                )
                if part
            )
        )
        for contact in case.contacts.all()
    ]
    parts = [
        {"heading": _("Outcomes for clients"), "blocks": blocks(case.outcomes)},
        {"heading": _("Lessons learned"), "blocks": blocks(case.lessons)},
    ]
    return {
        "title": text(case.title),
        "facts": [fact for fact in facts if fact[1]],
        "summary": blocks(case.summary),
        "parts": [part for part in parts if part["blocks"]],
        "contacts": contacts,
    }


def guide_title() -> str:
    return _(
        "Service Partnerships Playbook: Jurisdictional Collaboration to Improve the "
        "Client Experience"
    )


def data(language: str) -> dict:
    """Everything the PDF shows, in `language`, read from the public copies."""
    with translation.override(language):
        modified = selectors.guide_modified()
        title = guide_title()
        # The day in the portal's time zone, as the pages and the file's name give it.
        day = timezone.localdate(modified) if modified else None
        dated = _("Date modified: %(date)s") % {"date": long_date(day)} if day else ""
        return {
            "lang": language,
            "title": title,
            "subtitle": _("Service Network Collaboration Working Group"),
            "dated": dated,
            "footer": title,
            "page_counter": typst_pdf.page_counter(_("Page %(page)s of %(pages)s")),
            "words": {
                "contents": _("Contents"),
                "case_studies": _("Case studies"),
                "contacts": _("Contacts"),
                "empty": _("Nothing has been published in the guide yet."),
            },
            "chapters": [
                {
                    "title": text(chapter.title),
                    "number": chapter.number,
                    "introduction": blocks(chapter.introduction),
                    "sections": [
                        {"title": text(section.title), "body": blocks(section.body)}
                        for section in chapter.sections.all()
                    ],
                }
                for chapter in selectors.chapters_public()
            ],
            "case_studies": [
                _case_study(case)
                for case in selectors.case_studies_public().prefetch_related(
                    "contacts__organization"
                )
            ],
        }


def render(language: str) -> bytes:
    return typst_pdf.render(LAYOUT, data(language), input_name="guide")
