"""One description of a table's columns, read by every format that lays the table out.

A :class:`Column` has a key (what the rows are keyed by), a label (lazy, so each file reads it
in its own language) and, for each format it appears in, its width there: ``html`` and ``pdf``
in per cent of the table, ``xlsx`` in characters, ``docx`` in inches; ``csv`` is ``True``
(a CSV column has no width). A column without a width for a format is not in that format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FORMATS = ("html", "csv", "xlsx", "docx", "pdf")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    html: bool = False  # widths on a page come from its stylesheet (class c-KEY)
    csv: bool = False
    xlsx: float | None = None
    docx: float | None = None
    pdf: float | None = None
    date: bool = False  # the value is a date (an Excel date cell, ISO 8601 in CSV)
    wraps: bool = True  # Excel: long text wraps in the cell (dates never do)
    printed: bool = True  # Excel: in the printed area (cells meant for other tools are not)

    def width(self, fmt: str):
        return getattr(self, fmt)


def columns_in(columns: Iterable[Column], fmt: str) -> list[Column]:
    """The columns that appear in a format, in their order."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}.")
    return [column for column in columns if column.width(fmt)]


def headings(columns: Iterable[Column]) -> list[str]:
    """The columns' labels in the active language."""
    return [str(column.label) for column in columns]
