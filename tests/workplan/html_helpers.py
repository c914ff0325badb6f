"""Reading the work plan's pages in tests: one history change, one table's action codes."""

import re

import lxml.html
from django.utils.html import escape

# The label separator: ":" in English; in French a no-break space may come first (a character or an
# entity), as when the template writes {% translate ":" context "label separator" %}.
_SEPARATOR = r"(?:\xa0|&nbsp;|&#160;|&#xa0;)?:"


def change_pattern(field: str, old: str, new: str, *, lang: str | None = None) -> re.Pattern:
    """One item `field: old → new` of a history entry or of an edit-conflict box.

    The item is matched whole, from its <li> to its </li>: the old and the new value belong to
    the same change. `lang` is the lang attribute both values carry (text in the other language
    than the page's); None means they carry none.
    """
    lang_attribute = f' lang="{re.escape(lang)}"' if lang else ""
    return re.compile(
        r"<li>\s*"
        rf'<span class="history-field">{re.escape(escape(field))}</span>\s*{_SEPARATOR}\s*'
        rf'<span class="history-old"{lang_attribute}>{re.escape(escape(old))}</span>\s*'
        r'<span aria-hidden="true">→</span>\s*<span class="visually-hidden">[^<]*</span>\s*'
        rf'<span class="history-new"{lang_attribute}>{re.escape(escape(new))}</span>\s*'
        r"</li>"
    )


def assert_change(html: str, field: str, old: str, new: str, *, lang: str | None = None) -> None:
    """`html` holds the change item `field: old → new` (values as shown, before escaping)."""
    pattern = change_pattern(field, old, new, lang=lang)
    assert pattern.search(html), f"no change item {field!r}: {old!r} → {new!r} in the HTML"


def page(response) -> lxml.html.HtmlElement:
    """The rendered page of a successful response, parsed."""
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def codes(doc: lxml.html.HtmlElement, table_id: str) -> list[str]:
    """The action codes heading the rows of a table's body, in order."""
    return [a.text for a in doc.xpath(f'//table[@id="{table_id}"]/tbody/tr/th/a')]
