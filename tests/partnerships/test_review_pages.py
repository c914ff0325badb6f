"""The review screen and the workflow's buttons: the draft against what it would replace,
publishing by a second person, the refusals shown as messages, the stale-side confirmation."""

import pytest
from django.contrib.messages import get_messages

from partnerships import workflow
from partnerships.models import CaseStudy, Section, Stage
from portal.models import AuditEntry
from portal.roles import Role
from tests.partnerships.edit_helpers import editor_client, item_data, item_url
from tests.partnerships.factories import CaseStudyFactory, ChapterFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return editor_client("ethan")


@pytest.fixture
def reviewer():
    return editor_client("sophie")


def step(client, item, name, **extra):
    return client.post(item_url("item_stage", item), {"step": name, **extra})


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def published_case(author, reviewer, **fields):
    case = CaseStudyFactory(last_author=author[1], **fields)
    workflow.item_submit(item=case, user=author[1])
    workflow.item_publish(item=case, user=reviewer[1])
    case.refresh_from_db()
    return case


def test_the_author_sends_for_review_and_cannot_publish_their_own_change(author, reviewer):
    client, _user = author
    case = CaseStudyFactory(last_author=author[1])
    response = step(client, case, "submit")
    assert response.status_code == 302
    assert response["Location"] == item_url("item_review", case)
    case.refresh_from_db()
    assert case.stage == Stage.IN_REVIEW
    body = client.get(item_url("item_review", case)).content.decode()
    assert 'id="publish-by-another"' in body
    response = step(client, case, "publish")
    assert response.status_code == 302  # a message, not a bare 403 page
    assert "Another editor or a co-chair must publish your own change." in messages_of(response)
    assert not CaseStudy.objects.public().exists()
    # Another editor publishes it.
    response = step(reviewer[0], case, "publish")
    assert response.status_code == 302
    assert "The item was published: readers see it now." in messages_of(response)
    assert CaseStudy.objects.public().get().title_en == case.title_en


def test_a_cochair_publishes_their_own_change():
    client, user = editor_client("cheryl", Role.COCHAIR)
    case = CaseStudyFactory(last_author=user)
    step(client, case, "submit")
    step(client, case, "publish")
    assert CaseStudy.objects.public().count() == 1


def test_send_back_to_draft_and_unpublish(author, reviewer):
    case = published_case(author, reviewer)
    client = reviewer[0]
    response = step(client, case, "unpublish")
    assert "The item was taken offline; it is a draft again." in messages_of(response)
    assert not CaseStudy.objects.public().exists()
    step(author[0], case, "submit")
    response = step(client, case, "return")
    case.refresh_from_db()
    assert case.stage == Stage.DRAFT
    assert "The item was sent back to draft." in messages_of(response)


def test_a_step_out_of_order_or_unknown_is_a_message(author, reviewer):
    case = CaseStudyFactory(last_author=author[1])
    response = step(reviewer[0], case, "publish")
    assert "Send the item for review before publishing it." in messages_of(response)
    response = reviewer[0].post(item_url("item_stage", case), {})
    assert response.status_code == 302
    assert "Choose a step: nothing was changed." in messages_of(response)
    assert reviewer[0].get(item_url("item_stage", case)).status_code == 405


def test_publishing_a_missing_side_is_refused_with_a_message(author, reviewer):
    case = CaseStudyFactory(last_author=author[1], summary_fr="")
    body = author[0].get(item_url("item_review", case)).content.decode()
    assert "The French text is missing" in body
    step(author[0], case, "submit")
    response = step(reviewer[0], case, "publish")
    assert "It cannot be published: its French text is missing." in messages_of(response)
    assert not CaseStudy.objects.public().exists()


def test_a_section_waits_for_its_chapter(author, reviewer):
    section = SectionFactory(last_author=author[1], chapter=ChapterFactory(title_en="Basics"))
    step(author[0], section, "submit")
    response = step(reviewer[0], section, "publish")
    assert "Publish the chapter “Basics” first" in " ".join(messages_of(response))
    assert not Section.objects.public().exists()


def test_publishing_a_stale_side_asks_for_confirmation_and_is_logged(author, reviewer):
    case = published_case(author, reviewer)
    author[0].post(
        item_url("item_edit", case),
        item_data(case, summary_en="<p>A new English summary.</p>"),
    )
    case.refresh_from_db()
    assert case.stale_sides() == ["fr"]
    step(author[0], case, "submit")
    response = step(reviewer[0], case, "publish")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="stale-confirm"' in body
    assert "The French text is older than the other side" in body
    assert 'name="confirm_stale"' in body
    # Not published yet, nothing logged.
    assert "A new English summary." not in CaseStudy.objects.public().get().summary_en
    assert not AuditEntry.objects.filter(kind="published-stale").exists()
    response = step(reviewer[0], case, "publish", confirm_stale="on")
    assert response.status_code == 302
    assert CaseStudy.objects.public().get().summary_en == "<p>A new English summary.</p>"
    entry = AuditEntry.objects.get(kind="published-stale")
    assert entry.user == reviewer[1]
    assert "French" in entry.detail


def test_the_review_compares_the_draft_with_the_published_version(author, reviewer):
    case = published_case(author, reviewer, title_en="Shared counter in Moncton")
    author[0].post(
        item_url("item_edit", case),
        item_data(case, title_en="Shared counter in Dieppe", title_fr=case.title_fr),
    )
    body = author[0].get(item_url("item_review", case)).content.decode()
    compare = body.split('id="review-compare"')[1].split("</table>")[0]
    row = next(part for part in compare.split("<tr") if "Title (English)" in part)
    assert '<del><span class="visually-hidden">removed: </span>Moncton</del>' in row
    assert '<ins><span class="visually-hidden">added: </span>Dieppe</ins>' in row
    assert "(changed)" in row
    french = next(part for part in compare.split("<tr") if "Title (French)" in part)
    assert "<del>" not in french
    assert "<ins>" not in french
    assert 'lang="fr"' in french


def test_an_item_never_published_is_reviewed_as_all_new(author):
    case = CaseStudyFactory(last_author=author[1], title_en="Brand new")
    body = author[0].get(item_url("item_review", case)).content.decode()
    assert "nothing is published yet" in body
    assert "Brand new</ins>" in body


def test_the_workflow_buttons_follow_the_stage(author, reviewer):
    case = CaseStudyFactory(last_author=author[1])
    body = author[0].get(item_url("item_review", case)).content.decode()
    assert 'value="submit"' in body
    assert 'value="publish"' not in body
    step(author[0], case, "submit")
    body = reviewer[0].get(item_url("item_review", case)).content.decode()
    assert 'value="publish"' in body
    assert 'value="return"' in body
    assert 'value="unpublish"' not in body
    step(reviewer[0], case, "publish")
    body = reviewer[0].get(item_url("item_review", case)).content.decode()
    assert 'value="unpublish"' in body
