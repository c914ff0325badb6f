"""``{% shown value %}``: a :class:`portal.languages.Shown` text written out in HTML.

In the reader's language it is the text; otherwise the original, marked with its own `lang`
(screen readers switch voice) and followed by the note "(original French text, …)".

    {% load bilingual %}
    {% shown update.progress_shown block=True %}   paragraphs (line breaks kept)
    {% shown activity.objective %}                 inline
    {% shown update.progress_shown words=40 %}     inline, cut after 40 words
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.text import Truncator

register = template.Library()


@register.simple_tag
def shown(value, *, block: bool = False, words: int | None = None):
    text = value.text
    if words:
        text = Truncator(text).words(words, truncate=" …")
    if block:
        body = linebreaks_filter(text, autoescape=True)
        if not value.untranslated:
            return format_html('<div class="shown-text">{}</div>', body)
        return format_html(
            '<div class="shown-text" lang="{}">{}</div>'
            '<p class="untranslated-note small text-muted mb-0">{}</p>',
            value.language,
            body,
            value.note,
        )
    if not value.untranslated:
        return conditional_escape(text)
    return format_html(
        '<span lang="{}">{}</span> <span class="untranslated-note">{}</span>',
        value.language,
        text,
        value.note,
    )
