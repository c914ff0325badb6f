"""Every free text of the portal has a maximum from portal/limits.py, enforced by its model:
checked over every model of the apps people type text into, so that a text field added later
without one fails."""

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db import models

from portal import limits

TYPED_IN = ("directory", "workplan", "reports")
LIMITS = {
    value for name, value in vars(limits).items() if name.isupper() and isinstance(value, int)
}
# Excel's most characters in a cell: a status update's texts, whole, must fit in one.
EXCEL_CELL = 32_767


def _text_fields():
    for app in TYPED_IN:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.TextField):
                    yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(_text_fields()))
def test_every_text_field_has_a_limit_its_model_enforces(field):
    """Both languages' columns (modeltranslation) and the history's copies included."""
    assert field.max_length in LIMITS, f"{field} has no limit from portal/limits.py"
    enforced = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    assert enforced == [field.max_length], f"{field}: the model does not refuse longer text"


def test_the_translation_columns_are_covered():
    """The check above sees modeltranslation's columns (not only the fields declared)."""
    names = {param.id for param in _text_fields()}
    assert {"workplan.Activity.objective_fr", "workplan.StatusUpdate.progress_en"} <= names
    assert "workplan.HistoricalStatusUpdate.challenges_fr" in names


def test_names_and_titles_keep_the_short_limit():
    for app in TYPED_IN:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if type(field) is models.CharField and not field.choices:
                    assert field.max_length <= limits.SHORT_TEXT, field


def test_a_status_updates_texts_fit_in_one_excel_cell():
    assert limits.PROGRESS + limits.NEXT_STEPS + limits.CHALLENGES < EXCEL_CELL
