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


def test_a_long_run_gets_break_opportunities_between_clusters_only():
    from portal.exports.typst_pdf import ZERO_WIDTH_SPACE, text

    flags = "\U0001f1e8\U0001f1e6" * 40
    shown = text(flags)
    pieces = "".join(shown["runs"]) if isinstance(shown, dict) else shown
    assert ZERO_WIDTH_SPACE in pieces
    assert all(
        piece == "\U0001f1e8\U0001f1e6" * (len(piece) // 2)
        for piece in pieces.split(ZERO_WIDTH_SPACE)
    )


def test_a_real_long_word_is_set_apart_to_be_hyphenated():
    from portal.exports.typst_pdf import text

    assert text("Les données sociodémographiques") == {
        "runs": ["Les données ", "sociodémographiques", ""]
    }


def test_pdf_text_has_no_override_left_open():
    from portal.exports.typst_pdf import text

    assert text("\u202egauche") == "\u202egauche\u202c"
