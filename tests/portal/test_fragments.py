"""Fragments kept in the shared cache: a key that changes with every change, on both caches."""

import pytest
from django.template import Context, Template
from django.utils import translation

from directory.models import Organization
from portal import fragments
from tests.caches import shared_cache  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_cache")]

TEMPLATE = Template(
    '{% load fragments %}{% fragment "test" who %}{{ who }} {{ counter.next }}{% endfragment %}'
)


class Counter:
    """Counts how often the fragment's body is rendered."""

    def __init__(self):
        self.calls = 0

    def next(self):
        self.calls += 1
        return self.calls


def render(counter, who="Ada") -> str:
    return TEMPLATE.render(Context({"who": who, "counter": counter}))


def test_a_fragment_is_rendered_once_then_read_from_the_cache():
    counter = Counter()
    assert render(counter) == "Ada 1"
    assert render(counter) == "Ada 1"
    assert counter.calls == 1


def test_each_vary_value_and_each_language_has_its_own_fragment():
    counter = Counter()
    assert render(counter, "Ada") == "Ada 1"
    assert render(counter, "Grace") == "Grace 2"
    with translation.override("fr"):
        assert render(counter, "Ada") == "Ada 3"
    assert render(counter, "Ada") == "Ada 1"


def test_any_change_makes_every_fragment_again():
    counter = Counter()
    render(counter)
    fragments.changed()
    assert render(counter) == "Ada 2"


def test_a_watched_model_saved_deleted_or_related_is_a_change():
    counter = Counter()
    render(counter)
    organization = Organization.objects.create(key="nb", name_en="NB", name_fr="N.-B.")
    assert render(counter) == "Ada 2"
    organization.delete()
    assert render(counter) == "Ada 3"


def test_the_generation_changes_again_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fragments.changed()
    during = fragments.generation()
    assert len(callbacks) == 1
    callbacks[0]()
    assert fragments.generation() != during


def test_a_sign_in_time_is_not_a_change(member):
    before = fragments.generation()
    member.save(update_fields=["last_login"])
    assert fragments.generation() == before
    member.first_name = "Marie"
    member.save()
    assert fragments.generation() != before


def test_a_missing_generation_is_made_once():
    from django.core.cache import cache

    cache.delete(fragments.GENERATION_KEY)
    first = fragments.generation()
    assert first
    assert fragments.generation() == first


def test_any_value_may_be_cached_as_it_was_made():
    assert fragments.cached("file", ["csv"], lambda: ("a.csv", b"\xef\xbb\xbfa")) == (
        "a.csv",
        b"\xef\xbb\xbfa",
    )
    assert fragments.cached("file", ["csv"], lambda: "not called") == ("a.csv", b"\xef\xbb\xbfa")


def test_a_fragment_drops_the_templates_indentation_but_where_it_would_show():
    indented = Template(
        '{% load fragments %}{% fragment "indented" kind %}<ul>\n    <li>{{ kind }}</li>\n\n'
        "  </ul>{% endfragment %}"
    )
    assert indented.render(Context({"kind": "a"})) == "<ul>\n<li>a</li>\n</ul>"
    kept = Template(
        '{% load fragments %}{% fragment "kept" %}<pre>\n    code</pre>{% endfragment %}'
    )
    assert kept.render(Context()) == "<pre>\n    code</pre>"


def test_a_vary_value_of_none_is_made_for_its_request_and_not_kept():
    counter = Counter()
    assert render(counter, None) == "None 1"
    assert render(counter, None) == "None 2"
    assert counter.calls == 2
