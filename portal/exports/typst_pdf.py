"""PDF documents laid out by Typst: the data goes in as JSON, every word already written.

The layout (a ``.typ`` file) shows each string of the data as text, so what members write
never becomes markup. The PDF is tagged for screen readers and claims PDF/UA-1 when it can.

What a person wrote goes in through :func:`text`, which makes any text of any length lay out
in a narrow table column: Typst breaks lines only between words, so a long run of characters
without a space gets break opportunities, and a long word is set apart to be hyphenated. This
is done here, not in the layout: a layout rule that matches words (``show regex(…)``) nests
one level per match, and Typst stops at 512 in a paragraph ("maximum grouping depth
exceeded"), which a single long status update reached.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from pathlib import Path

import typst

from portal.exports import graphemes
from portal.exports.safety import file_text

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


# A run of characters without a break opportunity: a word and what sticks to it (no-break
# spaces, as in French « 12 h »). Shorter runs are left as they are.
_LONG_RUN = re.compile(r"[\S\u00a0\u2007\u202f]{16,}")
HYPHENATED_WORD = (16, 40)  # letters: a real word ("sociodémographiques"), hyphenated
UNBROKEN = 20  # characters of anything else left whole: "2026-03-02", a short address
BREAK_EVERY = 10  # then a break opportunity after every 10 characters (they fit any column)
ZERO_WIDTH_SPACE = "\u200b"


def _is_letter(cluster: str) -> bool:
    return cluster[0].isalpha()  # Unicode categories L*


def _broken(clusters: list[str]) -> str:
    if len(clusters) <= UNBROKEN:
        return "".join(clusters)
    return ZERO_WIDTH_SPACE.join(
        "".join(clusters[at : at + BREAK_EVERY]) for at in range(0, len(clusters), BREAK_EVERY)
    )


def _run_pieces(run: str):
    """(text, hyphenated) pieces of a long run: its words, and the rest made breakable."""
    shortest, longest = HYPHENATED_WORD
    rest: list[str] = []
    for letters, group in itertools.groupby(
        graphemes.clusters(run, most_marks=graphemes.MOST_MARKS), key=_is_letter
    ):
        group = list(group)
        if letters and shortest <= len(group) <= longest:
            if rest:
                yield _broken(rest), False
                rest = []
            yield "".join(group), True
        else:
            rest += group
    if rest:
        yield _broken(rest), False


def text(value) -> str | dict:
    """A text for the layout's ``shown()``: a string, or ``{"runs": [...]}`` where the runs
    alternate between text as it is and a word to hyphenate (odd positions).

    The text is cleaned as for every file (``safety.file_text``: no invisible controls, its
    bidirectional controls paired); a pile of more than 30 accents on one letter is cut to 30
    (a PDF's text layer cannot map more to one glyph).
    """
    value = file_text(value)
    if not _LONG_RUN.search(value):
        return value
    runs: list[list[str]] = [[]]
    end = 0
    for found in _LONG_RUN.finditer(value):
        runs[-1].append(value[end : found.start()])
        for piece, hyphenated in _run_pieces(found.group()):
            if hyphenated:
                runs += [[piece], []]
            else:
                runs[-1].append(piece)
        end = found.end()
    runs[-1].append(value[end:])
    if len(runs) == 1:
        return "".join(runs[0])
    return {"runs": ["".join(run) for run in runs]}


def shown_data(value) -> str | dict:
    """A :class:`portal.languages.Shown` for the layout: a text, or the original marked."""
    if not value.untranslated:
        return text(value.text)
    return {"text": text(value.text), "lang": value.language, "note": value.note}


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
