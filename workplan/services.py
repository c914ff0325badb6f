"""Writes to the work plan: keyword-only functions, each one transaction, each validated.

The history (django-simple-history) records who changed what: every function sets the user
on what it saves, so the history names them whether or not a request is involved.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.history import CREATION
from portal.languages import Language, in_language, other_language
from portal.locking import INCOMPLETE, lock_for_update
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate
from workplan.selectors import (
    action_changes_since,
    activity_changes_since,
    status_update_changes_since,
)

ACTION_M2M_FIELDS = tuple(field.name for field in Action._meta.many_to_many)
RESOURCE_FIELDS = ("description_en", "description_fr")
EXPECTED_RESULT_FIELDS = ("description_en", "description_fr", "state", "date")


# --- Status updates -------------------------------------------------------------------------


def _check_language(language: str) -> None:
    if language not in Language.values:
        raise ValidationError({"language": _("Choose English or French.")})


def _set_texts(update: StatusUpdate, language: str, texts: dict) -> None:
    """Writes the update's texts (progress, next steps, challenges) in `language`."""
    for name, value in texts.items():
        setattr(update, f"{name}_{language}", (value or "").strip())


def _check_update_texts(update: StatusUpdate, language: str) -> None:
    """Validates a status update whose texts are in `language` (the base fields follow the
    active language, so they are left out of full_clean and checked here)."""
    update.full_clean(exclude=list(StatusUpdate.TEXT_FIELDS))
    if not in_language(update, "progress", language).strip():
        raise ValidationError({"progress": _("Say what progress was made.")})


def action_follow_latest_update(*, action: Action, user) -> None:
    """Sets the action's status, health and last update from its latest status update.

    The latest is the one with the latest date (then the latest posted), so an update dated
    earlier than one already posted does not undo it. With no update left, the action keeps
    its status and has no last update.
    """
    latest = StatusUpdate.objects.filter(action=action).order_by("-date", "-created").first()
    if latest is None:
        if action.last_updated is not None:
            action.last_updated = None
            action._history_user = user
            action.save(update_fields=["last_updated"])
        return
    if (action.status, action.health) != (latest.status, latest.health):
        # A status change is a change to the action: an edit based on the older version must
        # not overwrite it silently.
        action.version += 1
    action.status = latest.status
    action.health = latest.health
    action.last_updated = latest.created
    action._history_user = user
    action.save(update_fields=["status", "health", "last_updated", "version"])


def _submitted(token: uuid.UUID, *, action: Action, author) -> StatusUpdate | None:
    """The update already stored from the form of `token`, if any.

    A token is the author's own, for one action: the same token sent by someone else, or for
    another action, is a forged form, refused.
    """
    update = StatusUpdate.objects.filter(submission_token=token).first()
    if update is not None and (update.action_id, update.author_id) != (action.pk, author.pk):
        raise ValidationError(INCOMPLETE, code="submission_token")
    return update


@transaction.atomic
def status_update_create(
    *,
    action: Action,
    author,
    language: str,
    date: datetime.date,
    status: str,
    health: str,
    progress: str,
    next_steps: str = "",
    challenges: str = "",
    submission_token: uuid.UUID | None = None,
) -> StatusUpdate:
    """Posts a status update written in `language`; the action then follows its latest.

    `submission_token` is the one-time token of the form it was posted from: when an update
    was already stored with it (the form sent twice), that update is returned and nothing is
    written.
    """
    _check_language(language)
    # Locking the action makes posts on it wait for one another: the second of two posts of
    # one form finds the update the first one stored.
    action = Action.objects.select_for_update().get(pk=action.pk)
    if submission_token is not None:
        existing = _submitted(submission_token, action=action, author=author)
        if existing is not None:
            return existing
    update = StatusUpdate(
        action=action,
        author=author,
        language=language,
        date=date,
        status=status,
        health=health,
        submission_token=submission_token,
    )
    _set_texts(
        update,
        language,
        {"progress": progress, "next_steps": next_steps, "challenges": challenges},
    )
    _check_update_texts(update, language)
    update._history_user = author
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError:
        # Where the database does not lock the action (SQLite), the other post may have
        # stored it between the check above and this save: its token is then taken.
        existing = (
            _submitted(submission_token, action=action, author=author)
            if submission_token is not None
            else None
        )
        if existing is None:
            raise
        return existing
    action_follow_latest_update(action=action, user=author)
    return update


@transaction.atomic
def status_update_translate(
    *,
    update: StatusUpdate,
    user,
    expected_version: int,
    progress: str,
    next_steps: str = "",
    challenges: str = "",
) -> StatusUpdate:
    """Adds (or corrects) the translation of an update into the other official language.

    Only those the update lets translate it may (StatusUpdate.may_be_translated_by; else
    PermissionDenied). Raises EditConflict (listing what changed: seen → current) when the
    stored version is not `expected_version`, e.g. another translator saved first; then
    nothing is written. The update records who translated it and when; its history, what.
    """
    if not update.may_be_translated_by(user):
        raise PermissionDenied
    locked = lock_for_update(
        StatusUpdate,
        pk=update.pk,
        expected_version=expected_version,
        changes_since=lambda stored, version: status_update_changes_since(
            update=stored, version=version
        ),
    )
    target = other_language(locked.language)
    _set_texts(
        locked,
        target,
        {"progress": progress, "next_steps": next_steps, "challenges": challenges},
    )
    _check_update_texts(locked, target)
    locked.translated_by = user
    locked.translated_at = timezone.now()
    locked._history_user = user
    locked.save()
    return locked


# --- Actions --------------------------------------------------------------------------------


def _items_write(
    *, model, action: Action, items: Iterable[dict], fields: tuple, user, reason: str | None
) -> None:
    """Brings an action's resources or expected results to the given list, in its order.

    Each item is a dict of `fields` plus "id" (None for a new one) and "delete". Their
    history records carry the change `reason`.
    """
    existing = {item.pk: item for item in model.objects.filter(action=action)}
    order = 0
    for item in items:
        pk = item.get("id")
        obj = existing.get(pk) if pk else None
        if pk and obj is None:
            continue  # removed meanwhile by someone else; nothing to update
        if item.get("delete"):
            if obj is not None:
                obj._history_user = user
                obj.delete()
            continue
        order += 1
        if obj is None:
            obj = model(action=action)
        values = {name: item.get(name) for name in fields}
        values["order"] = order
        if obj.pk and all(getattr(obj, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(obj, name, value)
        obj.full_clean()
        obj._history_user = user
        obj._change_reason = reason
        obj.save()


def _action_write(
    *,
    action: Action,
    user,
    fields: dict,
    resources: Iterable[dict],
    expected_results: Iterable[dict],
) -> Action:
    """Writes the action's own fields, responsible parties and listed items.

    The responsible parties are set without a history record of their own; the save that
    follows records one row with everything, in the user's name. The listed items are
    written after it, so their history follows the version they belong to. For a new action,
    the records after its "created" one carry the change reason CREATION: they are part of it.
    """
    fields = dict(fields)
    m2m = {name: list(fields.pop(name)) for name in ACTION_M2M_FIELDS if name in fields}
    for name, value in fields.items():
        setattr(action, name, value)
    action.full_clean()
    action._history_user = user
    reason = None
    if action.pk is None:
        action.save()  # the "created" history record
        reason = CREATION
    action.skip_history_when_saving = True
    try:
        for name, values in m2m.items():
            getattr(action, name).set(values)
    finally:
        del action.skip_history_when_saving
    action._change_reason = reason
    try:
        action.save()
    finally:
        del action._change_reason
    _items_write(
        model=Resource,
        action=action,
        items=resources,
        fields=RESOURCE_FIELDS,
        user=user,
        reason=reason,
    )
    _items_write(
        model=ExpectedResult,
        action=action,
        items=expected_results,
        fields=EXPECTED_RESULT_FIELDS,
        user=user,
        reason=reason,
    )
    return action


@transaction.atomic
def action_create(
    *,
    activity: Activity,
    user,
    fields: dict,
    resources: Iterable[dict] = (),
    expected_results: Iterable[dict] = (),
) -> Action:
    """Adds an action to an activity, with its resources needed and expected results."""
    action = Action(activity=activity)
    return _action_write(
        action=action,
        user=user,
        fields=fields,
        resources=resources,
        expected_results=expected_results,
    )


@transaction.atomic
def action_update(
    *,
    action: Action,
    user,
    expected_version: int,
    fields: dict,
    resources: Iterable[dict] = (),
    expected_results: Iterable[dict] = (),
) -> Action:
    """Saves a co-chair's edit of an action, unless someone changed it since they loaded it.

    Raises EditConflict (listing what changed: seen → current) when the stored version is
    not `expected_version`; then nothing is written. On success the version goes up by one.
    """
    locked = lock_for_update(
        Action,
        pk=action.pk,
        expected_version=expected_version,
        changes_since=lambda stored, version: action_changes_since(action=stored, version=version),
    )
    return _action_write(
        action=locked,
        user=user,
        fields=fields,
        resources=resources,
        expected_results=expected_results,
    )


# --- Activities -----------------------------------------------------------------------------


@transaction.atomic
def activity_create(*, user, fields: dict) -> Activity:
    activity = Activity(**fields)
    activity.full_clean()
    activity._history_user = user
    activity.save()
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, user, expected_version: int, fields: dict) -> Activity:
    """Saves an edit of an activity, unless someone changed it since the user loaded it.

    Raises EditConflict (listing what changed: seen → current) when the stored version is
    not `expected_version`; then nothing is written. On success the version goes up by one.
    """
    locked = lock_for_update(
        Activity,
        pk=activity.pk,
        expected_version=expected_version,
        changes_since=lambda stored, version: activity_changes_since(
            activity=stored, version=version
        ),
    )
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked._history_user = user
    locked.save()
    return locked
