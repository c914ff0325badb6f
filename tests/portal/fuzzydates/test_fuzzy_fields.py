"""Fuzzy dates in Django (portal.fuzzydates.fields): the model field and the form field."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.test.utils import isolate_apps
from django.utils import translation
from django.utils.functional import lazy

from portal.fuzzydates import FuzzyDateField, FuzzyDateFormField
from tests.portal.fuzzydates.fuzzy_helpers import (
    ONGOING,
    D,
    day,
    month,
    quarter,
    season,
    year,
)

# --- Model field ------------------------------------------------------------------------------


def test_model_field_deconstructs_without_the_default_max_length():
    field = FuzzyDateField(blank=True)
    _name, path, args, kwargs = field.deconstruct()
    assert path == "portal.fuzzydates.fields.FuzzyDateField"
    assert args == []
    assert kwargs == {"blank": True}
    rebuilt = FuzzyDateField(*args, **kwargs)
    assert rebuilt.max_length == 16
    assert rebuilt.deconstruct()[1:] == (path, args, kwargs)


def test_model_field_deconstructs_a_custom_max_length():
    field = FuzzyDateField(max_length=20, verbose_name="due")
    _, _, _, kwargs = field.deconstruct()
    assert kwargs == {"max_length": 20, "verbose_name": "due"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        (month(2018, 4), month(2018, 4)),
        ("2018-04", month(2018, 4)),
        ("avril 2018", month(2018, 4)),
        ("En cours", ONGOING),
        (D(2019, 2, 15), day(2019, 2, 15)),
        (lazy(lambda: "2016", str)(), year(2016)),  # a lazy string
    ],
)
def test_model_field_to_python(value, expected):
    assert FuzzyDateField().to_python(value) == expected


def test_model_field_to_python_rejects_unreadable_text():
    with pytest.raises(ValidationError) as excinfo:
        FuzzyDateField().to_python("someday")
    assert excinfo.value.code == "invalid_fuzzy_date"


def test_model_field_stores_the_canonical_text():
    field = FuzzyDateField(blank=True)
    assert field.get_prep_value(quarter(2018, 3)) == "2018-Q3"
    assert field.get_prep_value("automne 2018") == "2018-fall"
    assert field.get_prep_value(None) == ""
    assert field.get_prep_value("") == ""
    assert FuzzyDateField(blank=True, null=True).get_prep_value(None) is None


def test_model_field_reads_the_database_value():
    field = FuzzyDateField(blank=True)
    assert field.from_db_value("2018-fall", None, None) == season(2018, "fall")
    assert field.from_db_value("", None, None) is None
    assert field.from_db_value(None, None, None) is None


def test_model_field_clean():
    field = FuzzyDateField()
    assert field.clean("Q3 2019", None) == quarter(2019, 3)
    assert field.clean(ONGOING, None) == ONGOING
    with pytest.raises(ValidationError) as excinfo:
        field.clean("", None)
    assert excinfo.value.code == "blank"
    with pytest.raises(ValidationError) as excinfo:
        field.clean("whenever", None)
    assert excinfo.value.code == "invalid_fuzzy_date"
    assert FuzzyDateField(blank=True).clean("", None) is None


def test_model_field_formfield():
    form_field = FuzzyDateField(blank=True, verbose_name="due date").formfield()
    assert isinstance(form_field, FuzzyDateFormField)
    assert not form_field.required
    assert form_field.label == "Due date"
    assert "maxlength" not in form_field.widget.attrs
    with translation.override("en"):
        assert "April 2018" in str(form_field.help_text)
    assert FuzzyDateField(help_text="When?").formfield().help_text == "When?"
    assert FuzzyDateField().formfield().required


def test_model_attribute_holds_a_fuzzy_date():
    with isolate_apps("workplan"):

        class Milestone(models.Model):
            due = FuzzyDateField(blank=True)

            class Meta:
                app_label = "workplan"

            def __str__(self):
                return str(self.due)

        assert Milestone().due is None
        assert Milestone(due="").due is None
        assert Milestone(due="avril 2018").due == month(2018, 4)
        milestone = Milestone(due=quarter(2019, 3))
        assert milestone.due == quarter(2019, 3)
        milestone.due = "2018-fall"
        assert milestone.due == season(2018, "fall")
        milestone.due = "whenever"  # kept as typed so that full_clean() reports it
        assert milestone.due == "whenever"
        with pytest.raises(ValidationError) as excinfo:
            milestone.clean_fields()
        assert excinfo.value.error_dict["due"][0].code == "invalid_fuzzy_date"
        milestone.due = "En cours"
        milestone.clean_fields(exclude=["id"])
        assert milestone.due == ONGOING
        assert Milestone._meta.get_field("due").value_to_string(milestone) == "ongoing"


# --- Form field -------------------------------------------------------------------------------


class MilestoneForm(forms.Form):
    due = FuzzyDateFormField()
    maybe = FuzzyDateFormField(required=False)


def test_form_field_cleans_to_a_fuzzy_date():
    form = MilestoneForm(data={"due": "  Automne\n2018 ", "maybe": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due": season(2018, "fall"), "maybe": None}


def test_form_field_errors_in_french():
    with translation.override("fr"):
        form = MilestoneForm(data={"due": "bientôt", "maybe": ""})
        assert not form.is_valid()
        message = form.errors["due"][0]
    assert "bientôt" in message
    assert "avril 2018" in message
    assert form.errors.as_data()["due"][0].code == "invalid_fuzzy_date"


def test_form_field_required():
    form = MilestoneForm(data={"due": "", "maybe": ""})
    assert not form.is_valid()
    assert form.errors.as_data()["due"][0].code == "required"


def test_form_field_shows_the_value_in_the_active_language():
    field = FuzzyDateFormField()
    with translation.override("fr"):
        assert field.prepare_value(month(2018, 4)) == "avril 2018"
        form = MilestoneForm(initial={"due": month(2018, 4)})
        assert 'value="avril 2018"' in str(form["due"])
    with translation.override("en"):
        assert field.prepare_value(month(2018, 4)) == "April 2018"
    assert field.prepare_value("typed text") == "typed text"
    assert field.prepare_value(None) is None


def test_form_field_has_changed():
    field = FuzzyDateFormField(required=False)
    assert not field.has_changed(month(2018, 4), "avril 2018")
    assert not field.has_changed("2018-04", "April 2018")
    assert not field.has_changed(None, "")
    assert field.has_changed(month(2018, 4), "mai 2018")
    assert field.has_changed(None, "2018")
    assert field.has_changed(month(2018, 4), "nonsense")


def test_form_field_help_text_is_translated():
    field = FuzzyDateFormField()
    with translation.override("en"):
        assert "“Fall 2018”" in str(field.help_text)
    with translation.override("fr"):
        assert "automne 2018" in str(field.help_text)
        assert "À déterminer" in str(field.help_text)
