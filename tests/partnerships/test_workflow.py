"""The guide's workflow (partnerships/workflow.py) through the database: drafts, review,
publishing by a second person, the public copy that stays online, unpublishing, restoring."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerships import workflow
from partnerships.models import CaseStudy, SearchEntry, Section, Stage
from partnerships.revisions import compare, revisions_of
from portal.models import AuditEntry
from portal.roles import Role
from tests.directory.factories import OrganizationFactory, UserFactory
from tests.partnerships.factories import CaseStudyFactory, ChapterFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(username="ethan", roles=[Role.EDITOR])


@pytest.fixture
def reviewer():
    return UserFactory(username="sophie", roles=[Role.EDITOR])


def _new_case_study(author, **fields):
    values = {
        "title_en": "Shared front counter",
        "title_fr": "Comptoir commun",
        "summary_en": "<p>One counter for two governments.</p>",
        "summary_fr": "<p>Un comptoir pour deux gouvernements.</p>",
        "province": "NB",
        "status": "active",
        **fields,
    }
    return workflow.item_save(
        item=CaseStudy(),
        user=author,
        fields=values,
        m2m={"organizations": [OrganizationFactory()]},
        comment="First draft",
    )


def _publish(item, author, reviewer, **options):
    workflow.item_submit(item=item, user=author)
    return workflow.item_publish(item=item, user=reviewer, **options)


def test_a_new_item_is_a_draft_with_one_revision_and_slugs_from_its_titles(author):
    case = _new_case_study(author)
    assert case.stage == Stage.DRAFT
    assert (case.slug_en, case.slug_fr) == ("shared-front-counter", "comptoir-commun")
    records = list(revisions_of(case))
    assert len(records) == 1
    assert records[0].history_user == author
    assert records[0].history_change_reason == "First draft"
    assert [org.organization_id for org in records[0].organizations.all()] == [
        case.organizations.get().pk
    ]
    assert not CaseStudy.objects.public().exists()


def test_the_author_cannot_publish_their_own_change_another_editor_can(author, reviewer):
    case = _new_case_study(author)
    workflow.item_submit(item=case, user=author)
    with pytest.raises(PermissionDenied):
        workflow.item_publish(item=case, user=author)
    workflow.item_publish(item=case, user=reviewer)
    public = CaseStudy.objects.public().get()
    assert public.title_fr == "Comptoir commun"
    assert list(public.organizations.all()) == list(case.organizations.all())
    assert SearchEntry.objects.filter(item_id=public.pk).count() == 2


def test_a_cochair_may_publish_their_own_change(author):
    cochair = UserFactory(roles=[Role.COCHAIR])
    case = _new_case_study(cochair)
    workflow.item_submit(item=case, user=cochair)
    workflow.item_publish(item=case, user=cochair)
    assert CaseStudy.objects.public().count() == 1


def test_publishing_needs_review_first(author, reviewer):
    case = _new_case_study(author)
    with pytest.raises(ValidationError):
        workflow.item_publish(item=case, user=reviewer)


def test_the_published_copy_stays_online_while_the_next_draft_is_written(author, reviewer):
    case = _publish(_new_case_study(author), author, reviewer)
    workflow.item_save(
        item=case,
        user=author,
        fields={"title_en": "Shared front counter, second year"},
        expected_version=case.version,
    )
    case.refresh_from_db()
    assert case.stage == Stage.DRAFT
    assert CaseStudy.objects.public().get().title_en == "Shared front counter"
    assert case.stale_sides() == ["fr"]


def test_a_missing_side_is_never_published(author, reviewer):
    case = _new_case_study(author, summary_fr="")
    workflow.item_submit(item=case, user=author)
    with pytest.raises(ValidationError) as refused:
        workflow.item_publish(item=case, user=reviewer)
    assert "French" in str(refused.value)
    assert not CaseStudy.objects.public().exists()


def test_a_stale_side_needs_confirmation_and_is_logged(author, reviewer):
    case = _publish(_new_case_study(author), author, reviewer)
    case = workflow.item_save(
        item=case, user=author, fields={"summary_en": "<p>New.</p>"}, expected_version=case.version
    )
    workflow.item_submit(item=case, user=author)
    with pytest.raises(workflow.StaleTranslation) as stale:
        workflow.item_publish(item=case, user=reviewer)
    assert stale.value.languages == ["fr"]
    assert CaseStudy.objects.public().get().summary_en == "<p>One counter for two governments.</p>"
    workflow.item_publish(item=case, user=reviewer, confirm_stale=True)
    assert CaseStudy.objects.public().get().summary_en == "<p>New.</p>"
    assert AuditEntry.objects.filter(kind="published-stale", user=reviewer).count() == 1
    assert "older" in revisions_of(case).first().history_change_reason


def test_marking_a_side_up_to_date_clears_it_from_the_queue(author, reviewer):
    case = _publish(_new_case_study(author), author, reviewer)
    workflow.item_save(
        item=case, user=author, fields={"title_en": "Renamed"}, expected_version=case.version
    )
    assert list(CaseStudy.objects.needing_translation()) == [case]
    workflow.translation_mark_current(item=case, user=reviewer, language="fr")
    assert not CaseStudy.objects.needing_translation().exists()


def test_unpublishing_removes_the_public_copy_and_its_search_entries(author, reviewer):
    case = _publish(_new_case_study(author), author, reviewer)
    workflow.item_unpublish(item=case, user=reviewer)
    case.refresh_from_db()
    assert case.stage == Stage.DRAFT
    assert not CaseStudy.objects.public().exists()
    assert not SearchEntry.objects.exists()


def test_sections_follow_their_chapter(author, reviewer):
    section = SectionFactory(last_author=author)
    workflow.item_submit(item=section, user=author)
    with pytest.raises(ValidationError):
        workflow.item_publish(item=section, user=reviewer)
    chapter = section.chapter
    chapter.last_author = author
    chapter = _publish(chapter, author, reviewer)
    workflow.item_publish(item=section, user=reviewer)
    public = Section.objects.public().get()
    assert public.chapter_id == chapter.public_copy_id
    workflow.item_unpublish(item=chapter, user=reviewer)
    assert not Section.objects.public().exists()


def test_restoring_an_old_revision_makes_it_the_draft_again(author, reviewer):
    case = _new_case_study(author)
    first = revisions_of(case).first()
    case = workflow.item_save(
        item=case, user=author, fields={"title_en": "Changed"}, expected_version=case.version
    )
    workflow.item_restore(item=case, user=reviewer, record=first, expected_version=case.version)
    case.refresh_from_db()
    assert case.title_en == "Shared front counter"
    records = list(revisions_of(case))
    assert len(records) == 3
    rows = {(row.label, row.language): row for row in compare(CaseStudy, records[1], records[0])}
    title = rows[("title (English)", "en")]
    assert title.changed
    assert [piece.text for piece in title.new if piece.changed] == ["Shared front counter"]


def test_every_save_sanitises_the_rich_text(author):
    hostile = '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">l</a></p>'
    case = _new_case_study(author, summary_en=hostile)
    case.refresh_from_db()
    assert case.summary_en == '<p>Hi <a rel="noopener noreferrer">l</a></p>'


def test_case_study_factory_makes_a_publishable_item(author, reviewer):
    case = CaseStudyFactory(last_author=author)
    _publish(case, author, reviewer)
    assert ChapterFactory().stage == Stage.DRAFT
