"""Writing the guide: saving a working copy, review, publishing, unpublishing, restoring, and
marking a translation up to date. The only code that writes guide content.

Each function is keyword-only, runs in one transaction and validates with ``full_clean()``.
Who may call them is the view's business (editors and co-chairs); the rules about *which*
editor may publish are here, because they are the workflow's own:

- publishing needs a second person: an editor other than the last author, or a co-chair;
- an item with a side missing is never published; one with a stale side is published only
  when the publisher confirms it, and that is logged (history comment and audit trail).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.translator import translator

from partnerships import search
from partnerships.models import Chapter, Contact, Content, PartnershipModel, Section, Stage
from partnerships.revisions import changes_since
from portal import audit
from portal.languages import LANGUAGES, Language, in_language, other_language
from portal.locking import lock_for_update
from portal.roles import Role, has_role


class StaleTranslation(Exception):
    """Publishing would put online a side older than the other: the publisher must confirm."""

    def __init__(self, languages: list[str]):
        super().__init__("A side is older than the other.")
        self.languages = languages


def m2m_names(model: type[Content]) -> list[str]:
    return [field.name for field in model._meta.many_to_many]


def copied_fields(model: type[Content]) -> list[str]:
    """The concrete fields (per-language ones included) a copy or a restore carries over:
    the editable ones. What a working copy keeps for itself (its stage, version, sides,
    authorship, public copy) is not editable, so it is never copied or restored."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key
    ]


def _language_texts(item: Content, language: str) -> tuple[str, ...]:
    return tuple(in_language(item, name, language) for name in item.text_fields())


def _slugs_fill(item: Content) -> None:
    for language in LANGUAGES:
        if not in_language(item, "slug", language) and in_language(item, "title", language):
            setattr(item, f"slug_{language}", slugify(in_language(item, "title", language))[:120])


def _save(item: Content, *, user, comment: str, m2m: Mapping[str, Iterable] | None = None):
    """Saves a working copy as one revision, its many-to-many links included."""
    item._history_user = user
    item._change_reason = comment or None
    if item.pk is None or m2m:
        # The links are set first, without a revision of their own; the save after them keeps
        # one record with everything.
        item.skip_history_when_saving = True
        try:
            item.save()
            for name, values in (m2m or {}).items():
                getattr(item, name).set(values)
        finally:
            del item.skip_history_when_saving
    item.save()


def _staleness_update(item: Content, changed: list[str]) -> None:
    """After an edit of the `changed` sides: which side is now older than the other.

    Both sides edited at once are both current. One side edited: if it was stale, the edit
    brings it up to date (a translator catching up); otherwise it is a new change, and the
    other side, if written, is now out of date.
    """
    if len(changed) == len(LANGUAGES):
        for language in LANGUAGES:
            setattr(item, f"stale_{language}", False)
    elif changed:
        (language,) = changed
        if getattr(item, f"stale_{language}"):
            setattr(item, f"stale_{language}", False)
        else:
            other = other_language(language)
            setattr(item, f"stale_{other}", any(_language_texts(item, other)))


@transaction.atomic
def item_save(
    *,
    item: Content,
    user,
    fields: Mapping,
    m2m: Mapping[str, Iterable] | None = None,
    comment: str = "",
    expected_version: int | None = None,
) -> Content:
    """Saves an editor's change to a working copy (a new item when ``item.pk`` is None).

    The item goes back to draft (its public copy, if any, stays online unchanged). Each
    language whose texts changed is dated, so that the other side shows as stale. An edit based
    on an older version raises EditConflict (portal/locking.py); nothing is written then.
    """
    if item.is_public:
        raise ValueError("Public copies are written by publishing, never edited.")
    if item.pk is not None:
        item = lock_for_update(
            type(item),
            pk=item.pk,
            expected_version=expected_version,
            changes_since=lambda stored, version: changes_since(item=stored, version=version),
        )
    before = {language: _language_texts(item, language) for language in LANGUAGES}
    for name, value in fields.items():
        setattr(item, name, value)
    _slugs_fill(item)
    now = timezone.now()
    changed = [
        language
        for language in LANGUAGES
        if _language_texts(item, language) != before[language]
        and any(_language_texts(item, language))
    ]
    for language in changed:
        setattr(item, f"text_changed_{language}", now)
        setattr(item, f"text_changed_by_{language}", user)
    _staleness_update(item, changed)
    item.stage = Stage.DRAFT
    item.last_author = user
    item.modified = now
    if not any(in_language(item, "title", language).strip() for language in LANGUAGES):
        raise ValidationError(
            {"title": _("Give the item a title in English or French.")}, code="title"
        )
    # The translated fields are checked one language at a time (title_en, title_fr…): the
    # field a translation stands for reads the active language only, and a side may be empty.
    item.full_clean(exclude=[*m2m_names(type(item)), *_translated_names(type(item))])
    _save(item, user=user, comment=comment, m2m=m2m)
    return item


def _translated_names(model: type[Content]) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def _locked(item: Content) -> Content:
    """The stored working copy, locked until the transaction ends: a step of the workflow acts
    on what is saved now, never on an older copy a page loaded (which would undo an edit)."""
    return type(item).objects.working().select_for_update().get(pk=item.pk)


def may_publish(item: Content, user) -> bool:
    """A second person publishes: an editor other than the last author, or a co-chair."""
    if has_role(user, Role.COCHAIR):
        return True
    return has_role(user, Role.EDITOR) and item.last_author_id != user.pk


@transaction.atomic
def item_submit(*, item: Content, user, comment: str = "") -> Content:
    """Draft → in review."""
    item = _locked(item)
    if item.stage != Stage.DRAFT:
        raise ValidationError(_("Only a draft can be sent for review."), code="stage")
    item.stage = Stage.IN_REVIEW
    _save(item, user=user, comment=comment or _("Sent for review"))
    return item


@transaction.atomic
def item_return(*, item: Content, user, comment: str = "") -> Content:
    """In review → draft: the reviewer asks for changes."""
    item = _locked(item)
    if item.stage != Stage.IN_REVIEW:
        raise ValidationError(_("Only an item in review can be sent back."), code="stage")
    item.stage = Stage.DRAFT
    _save(item, user=user, comment=comment or _("Sent back to draft"))
    return item


def _public_parent(item: Content) -> dict:
    """For a section, the chapter its public copy belongs to (the chapter's public copy)."""
    if not isinstance(item, Section):
        return {}
    if item.chapter.public_copy_id is None:
        raise ValidationError(
            _("Publish the chapter “%(chapter)s” first: its sections are shown under it.")
            % {"chapter": item.chapter.title},
            code="chapter",
        )
    return {"chapter_id": item.chapter.public_copy_id}


def _copy_to_public(item: Content, now) -> Content:
    model = type(item)
    public = item.public_copy or model(is_public=True)
    for name in copied_fields(model):
        setattr(public, name, getattr(item, name))
    for name, value in _public_parent(item).items():
        setattr(public, name, value)
    public.stage = Stage.PUBLISHED
    public.modified = now
    public.last_author_id = item.last_author_id
    public.skip_history_when_saving = True
    public.save()
    for name in m2m_names(model):
        getattr(public, name).set(getattr(item, name).all())
    return public


def _language_names(languages: Iterable[str]) -> str:
    return ", ".join(str(Language(language).label) for language in languages)


@transaction.atomic
def item_publish(*, item: Content, user, confirm_stale: bool = False, comment: str = "") -> Content:
    """In review → published: the working copy becomes what readers see.

    Raises PermissionDenied when `user` is the last author (and not a co-chair),
    ValidationError when a side is missing (or, for a section, its chapter is not published),
    StaleTranslation when a side is older than the other and `confirm_stale` is not given.
    """
    item = _locked(item)
    if item.stage != Stage.IN_REVIEW:
        raise ValidationError(_("Send the item for review before publishing it."), code="stage")
    if not may_publish(item, user):
        raise PermissionDenied(_("Another editor or a co-chair must publish your own change."))
    missing = item.missing_sides()
    if missing:
        raise ValidationError(
            _("It cannot be published: its %(languages)s text is missing.")
            % {"languages": _language_names(missing)},
            code="missing",
        )
    stale = item.stale_sides()
    if stale and not confirm_stale:
        raise StaleTranslation(stale)
    now = timezone.now()
    public = _copy_to_public(item, now)
    item.public_copy = public
    item.stage = Stage.PUBLISHED
    reason = comment or _("Published")
    if stale:
        note = _("published with the %(languages)s text older than the other side") % {
            "languages": _language_names(stale)
        }
        reason = f"{reason} ({note})"
        audit.record(
            kind=audit.Kind.PUBLISHED_STALE,
            user=user,
            detail=f"{type(item)._meta.model_name} {item.pk}: {_language_names(stale)}",
        )
    _save(item, user=user, comment=reason)
    search.index(public)
    if isinstance(item, Chapter):
        # Its published sections follow it (they were unpublished with it).
        for section in item.sections.working().filter(stage=Stage.PUBLISHED):
            search.index(_copy_to_public(section, now))
    return item


@transaction.atomic
def item_unpublish(*, item: Content, user, comment: str = "") -> Content:
    """Takes an item offline: its public copy is removed, the working copy becomes a draft."""
    item = _locked(item)
    if item.public_copy_id is None:
        raise ValidationError(_("The item is not published."), code="stage")
    public = item.public_copy
    if isinstance(item, Chapter):
        for section in public.sections.all():
            search.unindex(section)
    search.unindex(public)
    item.public_copy = None
    item.stage = Stage.DRAFT
    _save(item, user=user, comment=comment or _("Unpublished"))
    public.delete()  # a chapter's public sections go with it
    return item


@transaction.atomic
def item_restore(*, item: Content, user, record, expected_version: int) -> Content:
    """Makes an old revision the working draft again (a new revision; nothing is lost)."""
    fields = {name: getattr(record, name) for name in copied_fields(type(item))}
    m2m = {
        name: [getattr(link, _target(type(item), name)) for link in getattr(record, name).all()]
        for name in m2m_names(type(item))
    }
    when = timezone.localtime(record.history_date)
    return item_save(
        item=item,
        user=user,
        fields=fields,
        m2m=m2m,
        comment=_("Restored the revision of %(date)s") % {"date": f"{when:%Y-%m-%d %H:%M}"},
        expected_version=expected_version,
    )


def _target(model, name: str) -> str:
    return model._meta.get_field(name).m2m_reverse_field_name()


@transaction.atomic
def translation_mark_current(*, item: Content, user, language: str) -> Content:
    """The translator checked `language`'s side against the other: it is up to date."""
    item = _locked(item)
    if language not in LANGUAGES:
        raise ValueError(language)
    if language in item.missing_sides():
        raise ValidationError(
            _("Write the missing text first: an empty side cannot be up to date."),
            code="missing",
        )
    setattr(item, f"stale_{language}", False)
    _save(
        item,
        user=user,
        comment=_("%(language)s text marked up to date") % {"language": Language(language).label},
    )
    return item


# --- The lists editors keep -------------------------------------------------------------------


@transaction.atomic
def list_entry_save(*, entry: Contact | PartnershipModel, fields: Mapping):
    """Adds or changes an entry of the lists editors keep (a contact, a partnership model);
    a new one when ``entry.pk`` is None."""
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    return entry
