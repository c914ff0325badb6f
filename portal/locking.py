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
- :class:`VersionedAdminMixin`: the admin's change forms carry their version and refuse a
  stale save the same way, and their edits count as edits too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from portal.history import changes_since

VERSION_FIELD = "version"
# The admin shows the stored version as a read-only field under VERSION_FIELD: the version its
# form was loaded with travels under another name.
ADMIN_VERSION_FIELD = "loaded_version"
INCOMPLETE = _("The form was incomplete; load the page again.")


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
                self.add_error(None, INCOMPLETE)
        return cleaned


def rebase(data: QueryDict, current_version: int, field: str = VERSION_FIELD) -> QueryDict:
    """The posted data of a refused edit, now based on `current_version`.

    The form shown with the conflict keeps what the user typed; saving it again is then a
    deliberate choice made after seeing what changed, and goes through.
    """
    data = data.copy()
    data[field] = str(current_version)
    return data


def conflict_messages(conflict: EditConflict) -> list[str]:
    """A refused edit as lines of text (for a form error): what happened, what changed (seen →
    saved now), and what to do; the same words as portal/includes/conflict.html."""
    separator = pgettext("label separator", ":")
    return [
        str(_("Someone else saved a change while you were editing")),
        str(
            _(
                "Nothing was saved, so their change is kept. This is what changed since you "
                "opened the form (what you saw → what is saved now):"
            )
        ),
        *(
            f"{capfirst(change.label)}{separator} {change.old} → {change.new}"
            for change in conflict.changes
        ),
        str(
            _(
                "Your changes are still in the form below. Compare them with the current "
                "values; if you save again, your values will replace theirs."
            )
        ),
    ]


class _AdminVersionCheck(forms.ModelForm):
    """The admin change form of a Versioned record: refuses a save based on an older version.

    The check runs in clean(), inside the transaction the admin's change view opens, and
    locks the stored row: no other edit can come between it and the save.
    """

    # A character field, checked in clean(), as in VersionedFormMixin.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set per admin (VersionedAdminMixin.version_changes): what changed since a version.
    changes_since: Callable[[Any, int], Sequence[Any]]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # The stored version, read again: the history's "revert" form edits a past one.
            self.initial[ADMIN_VERSION_FIELD] = (
                type(self.instance)
                ._default_manager.values_list(VERSION_FIELD, flat=True)
                .get(pk=self.instance.pk)
            )

    def clean(self):
        cleaned = super().clean()
        seen = _version_of(cleaned.get(ADMIN_VERSION_FIELD))
        if seen is None:
            raise ValidationError(INCOMPLETE, code="incomplete")
        model = type(self.instance)
        # The change view's transaction holds the lock until the save; the history's revert
        # view opens none, hence this one.
        with transaction.atomic(using=model._default_manager.db):
            stored = model._default_manager.select_for_update().get(pk=self.instance.pk)
        if stored.version != seen:
            conflict = EditConflict(self.changes_since(stored, seen), stored.version)
            # Shown again, the form keeps what was typed, now based on the current version.
            self.data = rebase(self.data, stored.version, ADMIN_VERSION_FIELD)
            raise ValidationError(conflict_messages(conflict), code="conflict")
        self.instance.version = stored.version  # raised by one when saved (save_model)
        return cleaned


class VersionedAdminMixin:
    """For the ModelAdmin of a Versioned model: an edit there is an edit like any other.

    Its change form carries the version it was loaded with; saving it after someone else saved
    a newer version (from the portal or the admin) is refused with an error above the form,
    listing what changed, what was typed kept: it never reverts the newer edit. Each saved
    edit raises the version, so that the portal's forms see it as newer too. Override
    `version_changes` where a record's changes are more than its own fields.
    """

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), VERSION_FIELD)

    def version_changes(self, obj, version: int) -> Sequence[Any]:
        """What changed on `obj` since `version`: seen → current (portal.history.Change)."""
        return changes_since(obj, version=version)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and "form" not in kwargs:
            kwargs["form"] = type(
                self.form.__name__,
                (_AdminVersionCheck, self.form),
                {"changes_since": staticmethod(self.version_changes)},
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
