"""The guide's sample content (fixtures/guide/guide.json, partnerships/seed.py) and the
partnership models the migration seeds."""

import json

import pytest
from django.core.management import call_command

from directory.models import Organization, Service, User
from partnerships.models import (
    CaseStudy,
    Chapter,
    Contact,
    PartnershipModel,
    SearchEntry,
    Section,
    Stage,
)
from partnerships.seed import AUTHOR, GUIDE_FIXTURE, PUBLISHER, guide_load
from portal.richtext import plain_text

pytestmark = pytest.mark.django_db

MODELS = {
    "cross-promotion": ("Cross promotion", "Promotion croisée"),
    "co-location": ("Co-location", "Colocalisation"),
    "shared-front-counter": ("Shared front counter", "Comptoir de services partagé"),
    "outreach": (
        "Outreach from a partner's office",
        "Services d’approche dans le bureau d’un partenaire",
    ),
    "integrated-call-centre": ("Integrated call centre", "Centre d’appels intégré"),
    "shared-online-service": ("Shared online service", "Service en ligne partagé"),
    "data-sharing": ("Data sharing", "Partage de données"),
}


def test_the_migration_seeds_the_seven_partnership_models_in_both_languages():
    found = {m.key: (m.name_en, m.name_fr) for m in PartnershipModel.objects.all()}
    assert found == MODELS
    assert list(PartnershipModel.objects.values_list("key", flat=True)) == list(MODELS)
    assert all(m.description_en and m.description_fr for m in PartnershipModel.objects.all())


def _counts() -> tuple:
    return (
        Chapter.objects.working().count(),
        Chapter.objects.public().count(),
        Section.objects.working().count(),
        Section.objects.public().count(),
        CaseStudy.objects.working().count(),
        CaseStudy.objects.public().count(),
        CaseStudy.history.count(),
        SearchEntry.objects.count(),
        Organization.objects.count(),
        Service.objects.count(),
        Contact.objects.count(),
        User.objects.count(),
    )


def test_the_sample_guide_loads_once_however_often_it_runs(capsys):
    call_command("load_guide")
    counts = _counts()
    call_command("load_guide")
    assert _counts() == counts
    out = capsys.readouterr().out
    assert "added 3 chapters, 8 sections, 7 case studies" in out
    assert "added 0 chapters, 0 sections, 0 case studies" in out


def test_published_in_both_languages_through_the_workflow():
    guide_load()
    data = json.loads(GUIDE_FIXTURE.read_text(encoding="utf-8"))
    public = CaseStudy.objects.public()
    assert public.count() >= 6
    for case in public:
        for name in ("title_en", "title_fr", "summary_en", "summary_fr"):
            assert getattr(case, name)
        # Marked as sample content, and citing its source as a link, in each language.
        assert plain_text(case.summary_en).startswith("Sample content")
        assert plain_text(case.summary_fr).startswith("Contenu d’exemple")
        assert 'href="http' in case.summary_en
        assert 'href="http' in case.summary_fr
        assert case.organizations.exists()
        assert case.partnership_models.exists()
    # Chapters with their sections, published under the chapters' public copies.
    chapters = Chapter.objects.public().order_by("number")
    assert chapters.count() == len(data["chapters"]) >= 3
    for chapter in chapters:
        assert 2 <= chapter.sections.count() <= 3
        assert all(s.body_en and s.body_fr for s in chapter.sections.all())
    first = chapters.first()
    assert "Sample content" in first.introduction_en
    assert "Contenu d’exemple" in first.introduction_fr
    body = " ".join(Section.objects.public().values_list("body_en", flat=True))
    for markup in ("<h3>", "<ul>", "<ol>", "<table>", "<a href="):
        assert markup in body
    # Searchable: two entries (en, fr) per public chapter, section and case study.
    published = chapters.count() + Section.objects.public().count() + public.count()
    assert SearchEntry.objects.count() == 2 * published
    # Written by one sample account and published by another, neither of which can sign in.
    author, publisher = User.objects.get(username=AUTHOR), User.objects.get(username=PUBLISHER)
    for account in (author, publisher):
        assert not account.is_active
        assert not account.has_usable_password()
    record = CaseStudy.history.filter(stage=Stage.PUBLISHED).first()
    assert record.history_user == publisher
    assert CaseStudy.objects.working().first().last_author == author


def test_the_demo_shows_the_workflow_a_draft_a_newer_draft_and_featured_ones():
    guide_load()
    working = CaseStudy.objects.working()
    never_published = working.filter(public_copy__isnull=True)
    assert never_published.count() == 1
    assert never_published.get().stage == Stage.DRAFT
    newer = working.filter(public_copy__isnull=False, stage=Stage.DRAFT)
    assert newer.count() == 2
    for case in newer:  # online: the published text
        assert (case.lessons_en, case.outcomes_en) != (
            case.public_copy.lessons_en,
            case.public_copy.outcomes_en,
        )
    # One of them changed in English only: the translation queue has its French side.
    waiting = CaseStudy.objects.needing_translation().get()
    assert waiting.slug_en == "bridgewater-access-nova-scotia-federal-building"
    assert waiting.stale_fr
    assert not waiting.stale_en
    featured = CaseStudy.objects.public().filter(featured=True)
    assert featured.count() == 2
    assert all(case.featured_on for case in featured)
    # The fictitious contacts say so, and write to example.ca.
    for contact in Contact.objects.all():
        assert contact.email.endswith("@example.ca")
        assert "sample" in contact.role_en
        assert "fictive" in contact.role_fr
    assert Contact.objects.filter(for_guide=True).exists()


def test_an_item_editors_changed_is_left_as_they_made_it():
    guide_load()
    case = CaseStudy.objects.working().get(slug_en="picton-service-canada-serviceontario")
    CaseStudy.objects.filter(pk=case.pk).update(title_en="Edited by an editor")
    guide_load()
    assert CaseStudy.objects.working().get(pk=case.pk).title_en == "Edited by an editor"
    assert (
        CaseStudy.objects.working().filter(title_en__startswith="Service Canada and").count() == 0
    )
