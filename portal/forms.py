"""Form helpers for bilingual content: both languages of a field side by side.

A translated field (django-modeltranslation) is edited as two form fields, ``objective_en``
and ``objective_fr``: each labelled with its language and marked with its `lang`, so that
screen readers and spell checkers read it in the right language.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models

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


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing a chosen key the database column cannot hold as an unknown choice.

    Django looks the chosen keys up with ``pk__in``, which on SQLite raises OverflowError for
    a number past 64 bits (a 500) instead of finding nothing; this checks the range first.
    """

    def _check_values(self, value):
        meta = self.queryset.model._meta
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key, models.IntegerField | models.AutoField):
            connection = connections[self.queryset.db]
            lowest, highest = connection.ops.integer_field_range(key.get_internal_type())
            for choice in value if isinstance(value, list | tuple) else ():
                try:
                    number = int(str(choice).strip())
                except ValueError:
                    continue  # Django's own check refuses it
                if (lowest is not None and number < lowest) or (
                    highest is not None and number > highest
                ):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": choice},
                    )
        return super()._check_values(value)
