"""Spreadsheet-safe text: what a person wrote never becomes a formula.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
of them, a tab or carriage return) as a formula, which can run commands or leak data
("CSV injection"). CSV cells that start so get a leading apostrophe, which spreadsheets read
as "this is text" and do not show; Excel cells are written as typed text instead (see
``xlsx.text_cell``), so their value stays exactly what was written.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value) -> str:
    """The cell's text for a CSV file, neutralised when a spreadsheet would compute it."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if is_formula_like(text) else text


# Control characters that XML 1.0 (hence .xlsx and .docx files) cannot hold; tab, line feed
# and carriage return are allowed.
_XML_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def xml_text(value) -> str:
    """The text without the control characters an Office file cannot hold."""
    if value is None:
        return ""
    return str(value).translate(_XML_ILLEGAL)
