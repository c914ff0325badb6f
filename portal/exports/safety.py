"""Text made safe for a file: what a person wrote never becomes a formula, never breaks the
format, and never changes how the rest of the file reads.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
of them, a tab or carriage return) as a formula, which can run commands or leak data
("CSV injection"). CSV cells that start so get a leading apostrophe, which spreadsheets read
as "this is text" and do not show; Excel cells are written as typed text instead (see
``excel.put``), so their value stays exactly what was written.

Every text any export writes goes through :func:`file_text` here (``xml_text`` for Word and
Excel, ``csv_safe`` for CSV, ``typst_pdf.text`` for PDF): without the characters no reader sees
and some formats cannot hold, and with its bidirectional controls paired
(:func:`portal.text.bidi_balanced`), so that an override a member left open does not reverse
the rest of a cell.
"""

import re

from portal.text import bidi_balanced

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# What no reader sees and some formats cannot hold: the C0 controls but tab, line feed and
# carriage return (XML 1.0, hence .xlsx and .docx, forbids them), DEL and the C1 controls
# (no font has a glyph for them: a PDF could no longer claim PDF/UA), the noncharacters
# (U+FFFE and U+FFFF are not XML either) and lone surrogates (not text at all: JSON, XML and
# UTF-8 refuse them).
_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff" + _NONCHARACTERS + "]"
)


def file_text(value) -> str:
    """The text as every export writes it: printable, its bidirectional controls paired."""
    if value is None:
        return ""
    return bidi_balanced(_INVISIBLE.sub("", str(value)))


def joined(separator: str, texts) -> str:
    """Several texts in one cell, each one's bidirectional controls closed before the next."""
    return separator.join(bidi_balanced(str(text)) for text in texts)


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value) -> str:
    """The cell's text for a CSV file, neutralised when a spreadsheet would compute it."""
    text = file_text(value)
    return "'" + text if is_formula_like(text) else text


def xml_text(value) -> str:
    """The text as an Office file (.docx, .xlsx) can hold it (see :func:`file_text`)."""
    return file_text(value)
