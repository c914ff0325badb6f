"""Optimistic locking: an edit based on an older version of a record is refused, never merged.

Two people may open the same edit form. Whoever saves second would silently overwrite the
first one's change; instead, each versioned record counts its saved edits, the form carries
the version the user loaded, and the save is refused when the stored version has moved on.
The user is then shown what changed since (``EditConflict.changes``, see
``portal.history.changes_since``) with their own input kept, and decides whether to save again.

- :class:`Versioned`: the abstract model giving the ``version`` field;
- :func:`lock_for_update`: the check, inside the service's transaction;
- :class:`VersionedFormMixin`: the hidden ``version`` field of the edit form;
- :func:`rebase`: the posted data of a refused edit, now based on the current version;
- :class:`VersionedAdminMixin`: admin edits count as edits too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

VERSION_FIELD = "version"


class EditConflict(Exception):
    """Someone else saved the record since the user loaded it: nothing was written.

    `changes` says what changed since the version the user saw (seen → current, a list of
    ``portal.history.Change``); `current_version` is the version now stored.
    """

    def __init__(self, changes: Sequence[Any], current_version: int):
        super().__init__("The record changed since it was loaded.")
        self.changes = list(changes)
        self.current_version = current_version


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_(
            "Goes up by one with each saved edit, so that an edit based on an older version "
            "is refused."
        ),
    )

    class Meta:
        abstract = True


V = TypeVar("V", bound=Versioned)


def lock_for_update(
    model: type[V],
    *,
    pk,
    expected_version: int,
    changes_since: Callable[[V, int], Sequence[Any]],
) -> V:
    """The stored record, locked until the transaction ends, with its version bumped.

    Call it inside the service's transaction, then write the returned instance: the bumped
    version is saved with the edit, in the same history record. When the stored version is
    not `expected_version`, raises EditConflict with ``changes_since(record, expected_version)``
    before anything is written.
    """
    locked = model._default_manager.select_for_update().get(pk=pk)
    if locked.version != expected_version:
        raise EditConflict(changes_since(locked, expected_version), locked.version)
    locked.version += 1
    return locked


def _version_of(value) -> int | None:
    try:
        version = int(value)
    except (TypeError, ValueError):
        return None
    return version if version >= 1 else None


class VersionedFormMixin:
    """For the ModelForm editing a Versioned record: the version the edit is based on.

    A hidden field, set from the instance; ``cleaned_data["version"]`` is the version to pass
    to :func:`lock_for_update`. A form adding a record has no such field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        # A character field, checked in clean(): a missing or forged value must give the error
        # above the form, not one on a field nobody can see.
        self.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial[VERSION_FIELD] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if VERSION_FIELD in self.fields:
            cleaned[VERSION_FIELD] = _version_of(cleaned.get(VERSION_FIELD))
            if cleaned[VERSION_FIELD] is None:
                self.add_error(None, _("The form was incomplete; load the page again."))
        return cleaned


def rebase(data: QueryDict, current_version: int) -> QueryDict:
    """The posted data of a refused edit, now based on `current_version`.

    The form shown with the conflict keeps what the user typed; saving it again is then a
    deliberate choice made after seeing what changed, and goes through.
    """
    data = data.copy()
    data[VERSION_FIELD] = str(current_version)
    return data


class VersionedAdminMixin:
    """For the ModelAdmin of a Versioned model: an edit there is an edit like any other.

    Someone editing the same record from the portal's pages must see it as a newer version,
    not overwrite it.
    """

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), VERSION_FIELD)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
