"""PDF documents laid out by Typst: the data goes in as JSON, every word already written.

The layout (a ``.typ`` file) shows each string of the data as text, so what members write
never becomes markup. The PDF is tagged for screen readers and claims PDF/UA-1 when it can.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typst

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"
PAGE_TOKENS = ("%(page)s", "%(pages)s")

logger = logging.getLogger(__name__)


def page_counter(pattern: str) -> list[str]:
    """A pattern such as "Page %(page)s of %(pages)s" as parts, for the layout to fill in."""
    parts, rest = [], pattern
    while rest:
        found = [(rest.find(token), token) for token in PAGE_TOKENS if token in rest]
        if not found:
            parts.append(rest)
            break
        at, token = min(found)
        parts += [rest[:at], token] if at else [token]
        rest = rest[at + len(token) :]
    return parts


def shown_data(value) -> str | dict:
    """A :class:`portal.languages.Shown` for the layout: a string, or the original marked."""
    if not value.untranslated:
        return value.text
    return {"text": value.text, "lang": value.language, "note": value.note}


def render(layout: Path, data: dict, *, input_name: str = "data") -> bytes:
    """The PDF of `layout` with `data` (read there as ``json(bytes(sys.inputs.<input_name>))``)."""
    source = json.dumps(data)

    def compile_pdf(**options) -> bytes:
        return typst.compile(
            str(layout), root=str(layout.parent), sys_inputs={input_name: source}, **options
        )

    try:
        return compile_pdf(pdf_standards="ua-1")
    except typst.TypstError as error:
        # PDF/UA-1 refuses a character that no installed font can show (a member may paste
        # Chinese, say). The reader still gets the document, tagged, without the claim.
        logger.warning("%s made without PDF/UA-1: %s", layout.name, error)
        return compile_pdf()
