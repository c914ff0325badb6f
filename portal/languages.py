"""The two official languages, and text as a reader sees it.

Everything a person writes in the portal lives in English and French fields
(django-modeltranslation: ``description_en``, ``description_fr``). A page or a file in one
language shows the text in that language when it exists, and otherwise the original, marked
with its own language and a note: :class:`Shown` is that value, :func:`shown` reads it from a
model, and ``{% shown %}`` (``{% load bilingual %}``) writes it out in HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


LANGUAGES = tuple(Language.values)

# Said of a text shown in the language it was written in, the reader's not being written yet.
UNTRANSLATED_NOTES = {
    Language.ENGLISH: _("(original English text, no translation yet)"),
    Language.FRENCH: _("(original French text, no translation yet)"),
}


def other_language(code: str) -> str:
    """The other official language: "fr" for "en", "en" for "fr"."""
    return Language.ENGLISH if code == Language.FRENCH else Language.FRENCH


def reader_language(language: str | None = None) -> str:
    """The language asked for, or the active one ("en" or "fr")."""
    return (language or get_language() or Language.ENGLISH)[:2]


def in_language(obj, name: str, language: str) -> str:
    """One language's value of a translated field ("" when not written)."""
    return getattr(obj, f"{name}_{language}", "") or ""


@dataclass(frozen=True, slots=True)
class Shown:
    """A text as a reader sees it: in their language, or the original marked as such."""

    text: str
    language: str  # the language the text is written in
    reader_language: str  # the language of the page or file that shows it

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def untranslated(self) -> bool:
        """Shown in its original language because the reader's is not written yet."""
        return bool(self.text) and self.language != self.reader_language

    @property
    def note(self) -> str:
        return str(UNTRANSLATED_NOTES[self.language]) if self.untranslated else ""

    @property
    def plain(self) -> str:
        """The text with its note, for files that cannot mark a language (CSV, Excel)."""
        return f"{self.text} {self.note}" if self.untranslated else self.text


def shown(obj, name: str, language: str | None = None, *, original: str | None = None) -> Shown:
    """The translated field `name` of `obj` in the reader's language, or else the original.

    `original` is the language the text was first written in when the object records it (a
    status update); otherwise the other official language stands in.
    """
    language = reader_language(language)
    text = in_language(obj, name, language)
    if text:
        return Shown(text, language, language)
    source = original or other_language(language)
    return Shown(in_language(obj, name, source), source, language)


def _field_in_language(label, language_label) -> str:
    return _("%(field)s (%(language)s)") % {"field": label, "language": language_label}


# "Objective (English)". Lazy: a label built at import time must still follow the language
# of each request.
field_in_language = lazy(_field_in_language, str)
