"""The synthetic guide the bench loads: published through the workflow, searchable."""

import pytest
from django.core.management import call_command

from partnerships.models import CaseStudy, SearchEntry

pytestmark = pytest.mark.django_db


def test_generate_guide_publishes_case_studies_with_a_progress_bar(capsys):
    call_command("generate_guide", "--case-studies", "4")
    assert CaseStudy.objects.public().count() == 4
    assert CaseStudy.objects.working().filter(stage="published").count() == 4
    assert SearchEntry.objects.filter(language="fr").count() == 4
    out = capsys.readouterr().out
    assert "[" + "#" * 30 + "] 4/4" in out
    assert "Published 4 case studies." in out


def test_generate_guide_refuses_a_size_out_of_range():
    with pytest.raises(Exception, match="between 0 and"):
        call_command("generate_guide", "--case-studies", "-1")
    assert not CaseStudy.objects.exists()
