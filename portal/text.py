"""Text as people type it, made safe to show anywhere: bidirectional controls kept paired.

An embedding, override or isolate that is opened and never closed (U+202A–U+202E, U+2066–U+2068)
reverses or shifts everything after it in the same paragraph: in a table cell, a PDF or a
spreadsheet, the text that follows would read backwards. Paired controls are kept (they are
how right-to-left words are written in a left-to-right text); what is left open is closed at
the end of each line, and a closer with nothing to close is dropped.
"""

import re

EMBEDDINGS = {"\u202a", "\u202b", "\u202d", "\u202e"}  # LRE, RLE, LRO, RLO
POP_DIRECTIONAL_FORMATTING = "\u202c"
ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI, RLI, FSI
POP_DIRECTIONAL_ISOLATE = "\u2069"
CONTROLS = EMBEDDINGS | ISOLATES | {POP_DIRECTIONAL_FORMATTING, POP_DIRECTIONAL_ISOLATE}
_ANY_CONTROL = re.compile("[" + "".join(sorted(CONTROLS)) + "]")

# Where Unicode ends a paragraph (bidi class B), which ends every embedding: CR LF, LF, CR,
# the information separators, NEL and PARAGRAPH SEPARATOR. Word and the PDF show a line break
# for some of them without ending their paragraph, so controls are closed before each one.
_LINE_END = re.compile("(\r\n|[\n\r\x1c-\x1e\x85\u2029])")


def bidi_balanced(text: str) -> str:
    """`text` with its bidirectional controls paired, line by line."""
    if not _ANY_CONTROL.search(text):
        return text
    parts = _LINE_END.split(text)
    # split() with a group alternates: line, line end, line, …, line.
    parts[::2] = [_balance_line(line) for line in parts[::2]]
    return "".join(parts)


def _balance_line(line: str) -> str:
    kept = []
    open_controls: list[str] = []
    for character in line:
        if character in EMBEDDINGS or character in ISOLATES:
            open_controls.append(character)
        elif character == POP_DIRECTIONAL_FORMATTING:
            # Closes the innermost embedding, but never across an isolate (UAX #9, X7).
            if not open_controls or open_controls[-1] not in EMBEDDINGS:
                continue
            open_controls.pop()
        elif character == POP_DIRECTIONAL_ISOLATE:
            # Closes the innermost isolate and every embedding opened inside it (UAX #9, X6a).
            if not any(c in ISOLATES for c in open_controls):
                continue
            while open_controls:
                closed = open_controls.pop()
                if closed in ISOLATES:
                    break
                kept.append(POP_DIRECTIONAL_FORMATTING)
        kept.append(character)
    for still_open in reversed(open_controls):
        kept.append(
            POP_DIRECTIONAL_ISOLATE if still_open in ISOLATES else POP_DIRECTIONAL_FORMATTING
        )
    return "".join(kept)
