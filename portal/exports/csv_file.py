"""CSV files as spreadsheets open them: UTF-8 with a byte-order mark, every cell formula-safe.

The BOM lets Excel read French accents correctly; every cell goes through ``csv_safe`` so that
no text becomes a formula.
"""

import csv
import io

from portal.exports.safety import csv_safe

CONTENT_TYPE = "text/csv; charset=utf-8"
EXTENSION = "csv"


def rows_to_csv(header, rows) -> bytes:
    """CSV bytes (UTF-8 with BOM, CRLF line ends) with every cell made formula-safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
