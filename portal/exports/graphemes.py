"""Characters as readers see them (grapheme clusters), for exports that cut or break text.

A letter and its accents, an emoji and its skin tone, a family joined by zero-width joiners or
a flag's two letters are one character to a reader: a line break or a cut between them would
show a lone accent or two letters instead of a flag. Python has no grapheme segmentation in
its standard library; this follows Unicode's rules (UAX #29) for what never starts a cluster,
which is what a break or a cut must respect. (It does not join Indic "prepend" characters to
what follows, nor leading Hangul jamo: a break there is merely less pretty.)
"""

import unicodedata

ZERO_WIDTH_JOINER = "\u200d"
# Unicode's "stream-safe" limit (UAX #15): no real text puts more than 30 combining marks on a
# letter. A longer pile ("Zalgo" text) is cut to it, where a format cannot hold it whole.
MOST_MARKS = 30


def extends(character: str) -> bool:
    """True for a character that belongs to the one before it (Grapheme_Extend and friends)."""
    code = ord(character)
    return (
        unicodedata.category(character) in ("Mn", "Mc", "Me")  # accents, vowel signs, keycaps
        or code == 0x200C  # zero-width non-joiner
        or code == 0x200D  # zero-width joiner
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (the flags of Scotland, Wales…)
        or 0x1160 <= code <= 0x11FF  # Hangul vowel and final jamo
        or 0xD7B0 <= code <= 0xD7FF
    )


def _regional_indicator(character: str) -> bool:
    return 0x1F1E6 <= ord(character) <= 0x1F1FF


def clusters(text: str, *, most_marks: int | None = None) -> list[str]:
    """The text's grapheme clusters; with `most_marks`, each keeps at most that many
    characters after its first (the rest are dropped)."""
    if text.isascii():
        return list(text)  # no ASCII character extends another (CR LF is whitespace)
    found: list[str] = []
    joined_next = False  # the previous character was a zero-width joiner
    lone_flag_letter = False  # the cluster is one regional indicator, waiting for its pair
    for character in text:
        flag_letter = _regional_indicator(character)
        if found and (joined_next or extends(character) or (flag_letter and lone_flag_letter)):
            if most_marks is None or len(found[-1]) <= most_marks:
                found[-1] += character
            lone_flag_letter = False
        else:
            found.append(character)
            lone_flag_letter = flag_letter
        joined_next = character == ZERO_WIDTH_JOINER
    return found
