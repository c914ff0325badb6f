"""Rich text (HTML written in the portal's editor), sanitised on the server on every save.

What an editor's browser sends is never trusted: :func:`sanitize` keeps the structure a guide
needs (paragraphs, headings, lists, links, emphasis, quotes, tables) and drops everything else
with nh3 (the Ammonia sanitiser): scripts, event handlers, ``style``, ``javascript:`` and
``data:`` links, comments. :class:`RichTextField` applies it in ``pre_save``, so that every
path that writes the field (a service, the admin, the shell, a fixture loaded through the
ORM) stores clean HTML, and modeltranslation's per-language copies inherit it.

:func:`plain_text` gives the words of a text (search, excerpts, files that cannot hold HTML).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3
from django.db import models

TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
ATTRIBUTES = {
    # hreflang and lang: a link or a phrase in the other official language says so (WCAG 3.1.2).
    "a": {"href", "title", "hreflang", "lang"},
    "span": {"lang"},
    "p": {"lang"},
    "blockquote": {"lang"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize(value: str | None) -> str:
    """The HTML with only what the guide may hold; "" for nothing."""
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # An editor's empty document is "<p></p>": nothing was written.
    return "" if not plain_text(cleaned) else cleaned.strip()


class _Words(HTMLParser):
    BLOCKS = {"p", "br", "h2", "h3", "h4", "li", "blockquote", "pre", "tr", "hr", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"\s*\n\s*")


def plain_text(value: str | None) -> str:
    """The words of an HTML text, one block a line (no markup, entities decoded)."""
    if not value:
        return ""
    parser = _Words()
    parser.feed(value)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    return html.unescape(_BREAKS.sub("\n", text)).strip()


class RichTextField(models.TextField):
    """A TextField of HTML, sanitised (:func:`sanitize`) whenever the model is saved."""

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
