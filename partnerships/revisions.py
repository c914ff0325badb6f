"""Revisions of the guide's working copies, and their comparison word by word.

Every save of a working copy is a django-simple-history record (partnerships/workflow.py):
:func:`revisions_of` lists them. :func:`compare` sets two states of an item side by side,
field by field and language by language (a state is a revision or the public copy: the review
screen compares the draft with what it would replace), each changed text with its removed and
added words marked.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.template.defaultfilters import yesno
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator

from partnerships.models import Content
from portal import history
from portal.richtext import RichTextField, plain_text


def revisions_of(item: Content):
    """The item's revisions, newest first, with who saved each and their links preloaded."""
    return history.history_records(
        type(item), select_related=("history_user__person",), id=item.pk
    ).reverse()


def changes_since(*, item: Content, version: int) -> list[history.Change]:
    """For an edit conflict: what changed since the version the editor loaded."""
    return history.changes_since(item, version=version)


@dataclass
class Piece:
    text: str
    changed: bool  # removed (on the old side) or added (on the new side)


@dataclass
class Row:
    label: str
    language: str | None
    old: list[Piece]
    new: list[Piece]
    changed: bool


_WORDS = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """Both texts cut into pieces, the words only one side has marked as changed."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    before: list[Piece] = []
    after: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            before.append(Piece("".join(a[i1:i2]), False))
            after.append(Piece("".join(b[j1:j2]), False))
            continue
        if i2 > i1:
            before.append(Piece("".join(a[i1:i2]), True))
        if j2 > j1:
            after.append(Piece("".join(b[j1:j2]), True))
    return before, after


def _fields(model: type[Content]) -> list:
    """The fields a comparison shows: each translated text once per language (what the
    workflow keeps for itself — stage, sides, authorship — is not editable: left out)."""
    translated = set(translator.get_options_for_model(model).fields)
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in translated
    ]


def _m2m_names(state, field) -> list[str]:
    """The names a state links to: a record's copies of the links, or the live ones."""
    target = field.m2m_reverse_field_name()
    rows = getattr(state, field.name).all()
    objects = [getattr(row, target) for row in rows] if hasattr(state, "history_id") else rows
    return sorted(str(obj) for obj in objects if obj is not None)


def _text(field, state) -> str:
    """A field's value in a state, as words a reader compares."""
    value = getattr(state, field.attname)
    base = field.translated_field if isinstance(field, TranslationField) else field
    if isinstance(base, RichTextField):
        return plain_text(value)
    if field.many_to_one:
        related = getattr(state, field.name, None)
        return str(related) if related is not None else ""
    if value in (None, ""):
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return yesno(value)
    return str(value)


def compare(model: type[Content], old, new) -> list[Row]:
    """Two states of an item (history records or a model instance), field by field.

    `old` may be None (an item never published): every value of `new` is then new.
    """
    rows = []
    for field in _fields(model):
        before = _text(field, old) if old is not None else ""
        rows.append(_row(field, before, _text(field, new)))
    for field in model._meta.many_to_many:
        before = ", ".join(_m2m_names(old, field)) if old is not None else ""
        rows.append(_row(field, before, ", ".join(_m2m_names(new, field))))
    return rows


def _row(field, before: str, after: str) -> Row:
    old, new = word_diff(before, after)
    language = field.language if isinstance(field, TranslationField) else None
    return Row(history._field_label(field), language, old, new, before != after)
