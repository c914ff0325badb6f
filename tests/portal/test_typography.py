"""French typography and terminology rules (portal/typography.py, portal/terminology.py)."""

import pytest

from portal.terminology import Term, renders
from portal.typography import french_problems, french_text

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text",
    [
        f"Date de référence{NBSP}: 1er décembre 2026",
        f"Le guide «{NBSP}Partenariats{NBSP}»",
        "Quoi de neuf?",  # Canadian usage: no space before ? ! ;
        "L’état d’avancement",
        '<span class="visually-hidden">Mesure </span>%(code)s',  # tags are not text
        "telecharger/<str:fmt>/",
        "9 h 40",
        f"%(label)s{NBSP}:",
    ],
)
def test_right_french_passes(text):
    assert french_problems(text) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Date de référence : 1er décembre", "ordinary space before « : »"),
        ("Date de référence: 1er décembre", "no space before « : »"),
        (f"Le guide « Partenariats{NBSP}»", "ordinary space after « « »"),
        (f"Le guide «{NBSP}Partenariats »", "ordinary space before « : » or « » »"),
        ("Quoi de neuf ?", "a space before « ; », « ! » or « ? »"),
        ("L'état", "straight apostrophe"),
        ('Le "guide"', "straight quotes"),
    ],
)
def test_wrong_french_is_named(text, problem):
    assert any(problem in found for found in french_problems(text)), french_problems(text)


def test_placeholders_and_tags_are_not_text():
    assert french_text('<a href="x">Voir</a> %(count)s {n}') == "Voir  "


def test_a_term_must_be_rendered_with_its_french_term():
    term = Term("status update", "compte rendu", "status updates", "comptes rendus")
    assert renders(term, "Post a status update", "Publier un compte rendu")
    assert not renders(term, "Post a status update", "Publier une mise à jour de l’état")
    assert renders(term, "Recent status updates", "Comptes rendus récents")
    assert not renders(term, "Recent status updates", "Compte-rendu récents")
    assert renders(term, "Status of the update", "État de la mise à jour")  # not the term
    apostrophe = Term("due date", "date d’échéance")
    assert renders(apostrophe, "Due date", "Date d'échéance")  # ’ and ' alike
