"""The guide's rich text in its public pages.

    {% load guide_text %}
    {{ section.body|rich_text:3 }}   the text, its own top heading (<h2>) shown as <h3>
    {{ case.summary|plain_words:40 }} its words only, cut after 40

The text was sanitised when it was saved (portal/richtext.py); it is sanitised again here,
which costs little and keeps a page safe from a row written some other way.
"""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from portal.richtext import plain_text, sanitize

register = template.Library()

_HEADING = re.compile(r"<(/?)h([2-6])\b")


@register.filter
def rich_text(value, top: int = 2):
    """Sanitised HTML whose headings start at level `top` (the page's outline stays in order)."""
    shift = int(top) - 2
    html = sanitize(value)
    if shift:
        html = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + shift, 6)}", html)
    return mark_safe(html)  # noqa: S308 (sanitised just above)


@register.filter
def plain_words(value, words: int = 0):
    """The words of a rich text (escaped by the template), cut after `words` if given."""
    text = " ".join(plain_text(value).split())
    return Truncator(text).words(int(words), truncate=" …") if words else text
