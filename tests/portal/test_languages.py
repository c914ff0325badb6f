"""Bilingual text: a text in the reader's language, or the original marked (portal/languages.py,
portal/forms.py, the {% shown %} tag)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from portal.forms import bilingual_labels, bilingual_text_areas
from portal.languages import Shown, field_in_language, other_language, shown
from tests.workplan.factories import ActionFactory, StatusUpdateFactory

pytestmark = pytest.mark.django_db


def test_the_other_official_language():
    assert other_language("en") == "fr"
    assert other_language("fr") == "en"


def test_text_in_the_readers_language_is_shown_as_it_is():
    action = ActionFactory(description_en="Map the offices", description_fr="Cartographier")
    english = shown(action, "description", "en")
    assert (english.text, english.language, english.untranslated, english.note) == (
        "Map the offices",
        "en",
        False,
        "",
    )
    assert shown(action, "description", "fr").text == "Cartographier"


def test_a_missing_translation_shows_the_original_with_its_language_and_a_note():
    action = ActionFactory(remarks_en="", remarks_fr="Voir le rapport")
    english = shown(action, "remarks", "en")
    assert english.text == "Voir le rapport"
    assert english.language == "fr"
    assert english.untranslated
    assert english.note == "(original French text, no translation yet)"
    assert english.plain == "Voir le rapport (original French text, no translation yet)"
    with translation.override("fr"):
        assert shown(action, "remarks").text == "Voir le rapport"  # the active language


def test_a_status_update_falls_back_to_the_language_it_was_written_in():
    update = StatusUpdateFactory(language="en", progress_en="Done", progress_fr="")
    french = update.shown("progress", "fr")
    assert (french.text, french.language, french.reader_language) == ("Done", "en", "fr")
    with translation.override("fr"):
        assert french.note == "(texte original en anglais, pas encore traduit)"


def test_nothing_written_in_either_language_is_empty_and_unmarked():
    empty = Shown("", "fr", "en")
    assert not empty
    assert not empty.untranslated
    assert empty.plain == ""


def render(source: str, **context) -> str:
    return Template("{% load bilingual %}" + source).render(Context(context))


def test_the_tag_marks_the_original_with_its_lang_and_escapes_it():
    value = Shown("<b>Été</b>", "fr", "en")
    assert render("{% shown value %}", value=value) == (
        '<span lang="fr">&lt;b&gt;Été&lt;/b&gt;</span> '
        '<span class="untranslated-note">(original French text, no translation yet)</span>'
    )
    assert render("{% shown value %}", value=Shown("<i>x</i>", "en", "en")) == (
        "&lt;i&gt;x&lt;/i&gt;"
    )


def test_the_tag_keeps_paragraphs_and_cuts_words():
    value = Shown("First line\nsecond line", "en", "en")
    assert render("{% shown value block=True %}", value=value) == (
        '<div class="shown-text"><p>First line<br>second line</p></div>'
    )
    original = Shown("one two three four", "fr", "en")
    html = render("{% shown value words=2 block=True %}", value=original)
    assert html.startswith('<div class="shown-text" lang="fr"><p>one two …</p></div>')
    assert '<p class="untranslated-note small text-muted mb-0">' in html


def test_form_labels_follow_the_language_of_each_request():
    labels = bilingual_labels(objective="Objective")
    assert set(labels) == {"objective_en", "objective_fr"}
    assert str(labels["objective_en"]) == "Objective (English)"
    with translation.override("fr"):
        assert str(labels["objective_fr"]) == "Objective (français)"
        assert str(field_in_language("Titre", "anglais")) == "Titre (anglais)"


def test_text_areas_are_marked_with_their_language():
    widgets = bilingual_text_areas("remarks", rows=2)
    assert (widgets["remarks_en"].attrs["lang"], widgets["remarks_en"].attrs["rows"]) == ("en", 2)
    assert widgets["remarks_fr"].attrs["lang"] == "fr"
