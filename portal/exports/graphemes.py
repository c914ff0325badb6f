"""Characters as readers see them (grapheme clusters), for exports that cut or break text.

A letter and its accents, an emoji and its skin tone, a family joined by zero-width joiners or
a flag's two letters are one character to a reader: a line break or a cut between them would
show a lone accent or two letters instead of a flag. Python's standard library has no grapheme
segmentation; the `regex` module's ``\\X`` follows Unicode's rules (UAX #29) in full.
"""

import regex

_CLUSTER = regex.compile(r"\X")
# Unicode's "stream-safe" limit (UAX #15): no real text puts more than 30 combining marks on a
# letter. A longer pile ("Zalgo" text) is cut to it, where a format cannot hold it whole.
MOST_MARKS = 30


def clusters(text: str, *, most_marks: int | None = None) -> list[str]:
    """The text's grapheme clusters; with `most_marks`, each keeps at most that many
    characters after its first (the rest are dropped)."""
    if text.isascii():
        return list(text)  # CR LF is the only ASCII cluster of two, and both are whitespace
    found = _CLUSTER.findall(text)
    if most_marks is None:
        return found
    return [cluster[: most_marks + 1] for cluster in found]


def cluster_start(text: str, at: int) -> int:
    """The start of the cluster that holds position `at` (`at` itself when a cluster starts
    there): where a cut before `at` may fall."""
    if at >= len(text) or text.isascii():
        return at
    for cluster in _CLUSTER.finditer(text):
        if cluster.end() > at:
            return cluster.start()
    return at
