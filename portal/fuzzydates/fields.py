"""Fuzzy dates in Django: a model field storing the canonical text, and a form field."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext_lazy as _

from portal.fuzzydates.parser import parse_fuzzy_date
from portal.fuzzydates.value import FuzzyDate

HELP_TEXT = _(
    "A day, month, season, quarter or year, for example “April 15, 2018”, “April 2018”, "
    "“Fall 2018”, “Q3 2018” or “2018”; or “Ongoing” or “To be determined”."
)

# --- Django fields --------------------------------------------------------------------------


class FuzzyDateDescriptor(DeferredAttribute):
    """Turns what is assigned to the model attribute into a FuzzyDate (or None) right away.

    Text that cannot be read is kept as is, so that ``full_clean()`` reports it.
    """

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = self.field.coerce_assigned(value)


class FuzzyDateField(models.CharField):
    """Stores ``FuzzyDate.canonical`` in a CharField column; Python value: FuzzyDate or None.

    With ``blank=True`` the empty string (or NULL with ``null=True``) means "no date" (None).
    """

    description = _("Fuzzy date (day, month, season, quarter, year, ongoing or to be determined)")
    descriptor_class = FuzzyDateDescriptor
    default_max_length = 16

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.default_max_length)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == self.default_max_length:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def coerce_assigned(self, value):
        if value is None or isinstance(value, FuzzyDate):
            return value
        try:
            return self.to_python(value)
        except ValidationError:
            return value

    def to_python(self, value):
        return _coerce(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        value = self.to_python(models.Field.get_prep_value(self, value))
        if value is None:
            return None if self.null else ""
        return value.canonical

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.canonical if isinstance(value, FuzzyDate) else (value or "")

    def validate(self, value, model_instance):
        if value is None:
            # "" and NULL both mean "no date": report a missing date as blank, not null.
            if not self.blank:
                raise ValidationError(self.error_messages["blank"], code="blank")
            return
        super().validate(value, model_instance)

    def run_validators(self, value):
        # CharField's MaxLengthValidator measures the stored text, not the FuzzyDate.
        if isinstance(value, FuzzyDate):
            value = value.canonical
        super().run_validators(value)

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", FuzzyDateFormField)
        kwargs.setdefault("help_text", self.help_text or HELP_TEXT)
        # Skip CharField.formfield: the typed text ("15 septembre 2019") may be longer than the
        # stored canonical text, so max_length must not reach the form field.
        return models.Field.formfield(self, **kwargs)


class FuzzyDateFormField(forms.CharField):
    """A text input read with :func:`parse_fuzzy_date`; cleans to a FuzzyDate (or None)."""

    def __init__(self, *, help_text=HELP_TEXT, max_length=None, min_length=None, **kwargs):
        # max_length/min_length are accepted for compatibility and ignored: they would measure
        # the typed text, whose length depends on the language, not the value.
        kwargs.setdefault("empty_value", None)
        super().__init__(help_text=help_text, **kwargs)

    def to_python(self, value):
        if isinstance(value, FuzzyDate):
            return value
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse_fuzzy_date(value)

    def prepare_value(self, value):
        if isinstance(value, FuzzyDate):
            return str(value)
        return value

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            return _coerce(initial) != self.to_python(data)
        except ValidationError:
            return True


def _coerce(value) -> FuzzyDate | None:
    """FuzzyDate, date, canonical or typed text -> FuzzyDate; None or blank text -> None."""
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, datetime.date):
        return FuzzyDate.from_date(value)
    value = str(value).strip()  # str() also resolves lazy strings
    if not value:
        return None
    try:
        return FuzzyDate.from_canonical(value)
    except ValueError:
        return parse_fuzzy_date(value)
