"""The PDF footer's "Page N of M" comes from the translated pattern, whatever its word order."""

import pytest

from portal.exports.typst_pdf import page_counter


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("Page %(page)s of %(pages)s", ["Page ", "%(page)s", " of ", "%(pages)s"]),
        ("Page %(page)s de %(pages)s", ["Page ", "%(page)s", " de ", "%(pages)s"]),
        ("%(page)s/%(pages)s", ["%(page)s", "/", "%(pages)s"]),
        ("%(pages)s pages, page %(page)s", ["%(pages)s", " pages, page ", "%(page)s"]),
        ("No numbers", ["No numbers"]),
    ],
)
def test_page_counter_parts(pattern, parts):
    assert page_counter(pattern) == parts
