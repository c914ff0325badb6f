"""Rendered pieces of pages kept in the cache every worker shares, and never stale.

    {% load fragments %}
    {% fragment "plan" portal_roles.cochair request.GET.urlencode %} … {% endfragment %}

    content = fragments.cached("report-pdf", [query], lambda: module.render(report))

Each fragment is stored with the **content generation** it was made under: one token in the
cache that every change to what pages show replaces (`watch()` connects the models; a bulk
load calls `changed()`). A fragment of another generation is out of date and made again, so a
change reaches every page at its next request, in every worker, without anyone having to know
which fragments showed the changed row. A fragment's key holds the reader's language and
today's date (what is overdue changes at midnight) and whatever else it depends on (its `vary`
values: a role that adds links, the query string, the person for "my" pages). What a fragment
must never hold: a CSRF token or a form's one-time token (made for each reader and request: a
posting form's fields may be a fragment, its tokens stay outside), messages, or anything of
the signed-in person unless the person is in `vary`.

The pages of a working group are read far more often than they change. A change empties
nothing: each fragment is replaced in its place when next asked for, so the cache holds one
entry per fragment, not one per change.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "portal:content-generation"
# A `vary` value of None in {% fragment %}: the piece is made for this request and not kept.
# A public page passes it for input it refuses, so that no address can fill the cache with
# pages nobody else asks for (portal.filters.FilterSet.fragment_vary).
NOT_KEPT = None
# A fragment nobody asks for goes at last; one in use is made again at most this often.
TIMEOUT_S = 24 * 60 * 60

T = TypeVar("T")


def generation() -> str:
    """The current content generation (a new one after every change)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def changed(**_signal) -> None:
    """Something pages show has changed: every fragment is made again at its next request.

    The generation is replaced at once and again when the transaction commits: a page read
    between the two (which cannot see the uncommitted change yet) is stored under the
    generation that the commit then replaces, so no reader keeps it.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def watch(*models, not_shown: frozenset[str] = frozenset()) -> None:
    """Any save or deletion of these models, or change of their many-to-many fields, is a
    change (`changed`); but a save of `not_shown` fields alone (``update_fields``), which no
    page shows, such as a sign-in time."""

    def saved(update_fields=None, **signal):
        if update_fields and set(update_fields) <= not_shown:
            return
        changed()

    for model in models:
        post_save.connect(
            saved, sender=model, weak=False, dispatch_uid=f"fragments-save-{model._meta}"
        )
        post_delete.connect(changed, sender=model, dispatch_uid=f"fragments-delete-{model._meta}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                changed,
                sender=field.remote_field.through,
                dispatch_uid=f"fragments-m2m-{model._meta}-{field.name}",
            )


def key(name: str, vary: Iterable = ()) -> str:
    parts = [get_language() or "", timezone.localdate().isoformat()]
    parts += [str(value) for value in vary]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"fragment:{name}:{digest}"


def cached(name: str, vary: Iterable, make: Callable[[], T], *, request=None) -> T:
    """What `make()` returns, from the cache when the current generation made it.

    A fragment is stored with the generation it was made under; any other is out of date. The
    generation is read with the request's first fragment (one read for both) and kept for its
    others: it is read before anything the fragments show, so a change made meanwhile leaves
    them under the generation it replaced.
    """
    fragment_key = key(name, vary)
    current = getattr(request, "content_generation", None)
    if current is None:
        found = cache.get_many([GENERATION_KEY, fragment_key])
        current = found.get(GENERATION_KEY) or generation()
        if request is not None:
            request.content_generation = current
        stored = found.get(fragment_key)
    else:
        stored = cache.get(fragment_key)
    if stored is not None and stored[0] == current:
        return stored[1]
    value = make()
    cache.set(fragment_key, (current, value), TIMEOUT_S)
    return value
