"""French typography as the Translation Bureau writes it (Canadian usage), checked.

- a no-break space (U+00A0, or the narrow U+202F) before « : » and inside « », never an
  ordinary space there;
- no ordinary space before « ; », « ! », « ? » (Canadian usage sets them close);
- the typographic apostrophe ’ and « » quotes, never the straight ' or ".

HTML tags and format placeholders (%(name)s, %s, {name}) are not text: they are left out.
"""

from __future__ import annotations

import re

_NOT_TEXT = re.compile(r"<[^>]*>|%\([^)]*\)[sdfr]|%[sd]|\{[^}]*\}|https?://\S+")
_RULES = (
    (re.compile(r" [:»]"), "an ordinary space before « : » or « » » (use a no-break space)"),
    (re.compile(r"« "), "an ordinary space after « « » (use a no-break space)"),
    (re.compile(r"[^\s\u00a0\u202f]:(?!\S)"), "no space before « : » (a no-break space)"),
    (re.compile(r"[ \u00a0\u202f][;!?]"), "a space before « ; », « ! » or « ? »"),
    (re.compile(r"'"), "a straight apostrophe (use ’)"),
    (re.compile(r'"'), "straight quotes (use « »)"),
)


def french_text(value: str) -> str:
    """The text a reader sees, without tags and placeholders."""
    return _NOT_TEXT.sub("", value)


def french_problems(value: str) -> list[str]:
    """What is wrong with the typography of a French text (empty when it is right)."""
    text = french_text(value)
    return [message for pattern, message in _RULES if pattern.search(text)]
