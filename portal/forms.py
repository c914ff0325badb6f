"""Form helpers for bilingual content: both languages of a field side by side.

A translated field (django-modeltranslation) is edited as two form fields, ``objective_en``
and ``objective_fr``: each labelled with its language and marked with its `lang`, so that
screen readers and spell checkers read it in the right language.
"""

from django import forms
from django.core.exceptions import ValidationError

from portal.languages import Language, field_in_language


def bilingual_labels(**labels) -> dict[str, str]:
    """Labels for both languages of translated fields: "Objective (English)", …

    ``bilingual_labels(objective=_("Objective"))`` labels ``objective_en`` and ``objective_fr``.
    """
    return {
        f"{name}_{language.value}": field_in_language(label, language.label)
        for name, label in labels.items()
        for language in Language
    }


def text_area(language: str | None = None, rows: int = 3) -> forms.Textarea:
    """A text area, marked with the language its text is written in when that is known."""
    attrs = {"rows": rows}
    if language:
        attrs["lang"] = language
    return forms.Textarea(attrs=attrs)


def bilingual_text_areas(*names: str, rows: int = 3) -> dict[str, forms.Textarea]:
    """Text areas for both languages of translated fields, each marked with its language."""
    return {
        f"{name}_{language.value}": text_area(language.value, rows=rows)
        for name in names
        for language in Language
    }


def add_errors(form, error: ValidationError) -> None:
    """Puts a service's validation errors on the form's fields, or above them."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
