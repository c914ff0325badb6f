"""Bidirectional controls kept paired, so that an override left open reverses nothing else."""

import pytest

from portal.text import bidi_balanced

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain text",
        "Équipe « 12 h »",
        f"{RLE}عربى{PDF} and {RLI}עברית{PDI}",
        f"{LRO}a{RLO}b{PDF}{PDF}",
    ],
)
def test_paired_controls_and_plain_text_are_kept_as_they_are(text):
    assert bidi_balanced(text) == text


def test_an_override_left_open_is_closed_at_the_end_of_its_line():
    assert bidi_balanced(f"{RLO}reversed\nnext line") == f"{RLO}reversed{PDF}\nnext line"


def test_every_kind_of_line_end_closes_what_is_open():
    for line_end in ("\r\n", "\n", "\r", "\x1c", "\x85", "\u2029"):
        assert bidi_balanced(f"{RLI}a{line_end}b") == f"{RLI}a{PDI}{line_end}b"


def test_what_is_left_open_is_closed_innermost_first():
    assert bidi_balanced(f"{RLI}a{RLE}b{LRO}c") == f"{RLI}a{RLE}b{LRO}c{PDF}{PDF}{PDI}"


def test_a_closer_with_nothing_to_close_is_dropped():
    assert bidi_balanced(f"a{PDF}b{PDI}c") == "abc"


def test_an_embedding_closer_never_closes_across_an_isolate():
    # UAX #9 X7: inside an isolate, a PDF cannot reach the embedding outside it.
    assert bidi_balanced(f"{RLE}a{FSI}b{PDF}c{PDI}{PDF}") == f"{RLE}a{FSI}bc{PDI}{PDF}"


def test_an_isolate_closer_also_closes_the_embeddings_opened_inside_it():
    # UAX #9 X6a: the PDI ends the isolate and everything opened since.
    assert bidi_balanced(f"{LRI}a{RLO}b{PDI}c") == f"{LRI}a{RLO}b{PDF}{PDI}c"
