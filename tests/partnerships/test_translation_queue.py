"""The translation queue: every item with a side missing or out of date, who changed which side
when, the "mark up to date" button, and a fixed number of queries as the queue grows."""

import pytest
from django.contrib.messages import get_messages

from partnerships import workflow
from tests.conftest import SIGNED_IN_TWO_STEP
from tests.partnerships.edit_helpers import editor_client, item_data, item_url, url
from tests.partnerships.factories import CaseStudyFactory, ChapterFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return editor_client("ethan")


def row_of(body: str, kind: str, item) -> str:
    return body.split(f'id="queue-{kind}-{item.pk}"')[1].split("</tr>")[0]


def test_an_empty_queue_says_so(author):
    CaseStudyFactory()
    body = author[0].get(url("translations")).content.decode()
    assert 'id="queue-empty"' in body


def test_missing_and_stale_sides_are_listed_with_who_changed_what(author):
    client, user = author
    missing = SectionFactory(title_en="Only English", body_fr="")
    complete = CaseStudyFactory(title_en="Counter")
    # The English side changes after the French one: the French side is out of date.
    client.post(item_url("item_edit", complete), item_data(complete, title_en="Counter, renamed"))
    untouched = ChapterFactory(title_en="Untouched")
    body = client.get(url("translations")).content.decode()
    assert "Untouched" not in body
    section_row = row_of(body, "section", missing)
    french = section_row.split('class="queue-side queue-fr"')[1]
    assert "Missing" in french
    case_row = row_of(body, "case-study", complete)
    english, french = case_row.split('class="queue-side queue-en"')[1].split(
        'class="queue-side queue-fr"'
    )
    assert "Up to date" in english
    assert f"by {user.display_name}" in english
    assert "Out of date" in french
    assert "Mark the French text up to date" in french
    assert url("translation_mark_current", kind="case-study", pk=complete.pk, language="fr") in (
        french
    )
    assert item_url("item_edit", complete) in case_row
    assert untouched.pk is not None


def test_marking_a_side_up_to_date_clears_it(author):
    client, _user = author
    case = CaseStudyFactory(title_en="Counter")
    client.post(item_url("item_edit", case), item_data(case, summary_en="<p>Changed.</p>"))
    response = client.post(
        url("translation_mark_current", kind="case-study", pk=case.pk, language="fr")
    )
    assert response.status_code == 302
    assert response["Location"] == url("translations")
    case.refresh_from_db()
    assert not case.stale_sides()
    assert 'id="queue-empty"' in client.get(url("translations")).content.decode()


def test_a_missing_side_cannot_be_marked_up_to_date(author):
    client, _user = author
    case = CaseStudyFactory(summary_fr="")
    response = client.post(
        url("translation_mark_current", kind="case-study", pk=case.pk, language="fr")
    )
    assert "Write the missing text first" in " ".join(
        str(m) for m in get_messages(response.wsgi_request)
    )
    assert (
        client.post(
            url("translation_mark_current", kind="case-study", pk=case.pk, language="de")
        ).status_code
        == 404
    )
    assert (
        client.get(
            url("translation_mark_current", kind="case-study", pk=case.pk, language="fr")
        ).status_code
        == 405
    )


def test_translating_the_stale_side_clears_it_too(author):
    client, _user = author
    case = CaseStudyFactory()
    client.post(item_url("item_edit", case), item_data(case, title_en="New English title"))
    case.refresh_from_db()
    assert case.stale_sides() == ["fr"]
    client.post(item_url("item_edit", case), item_data(case, title_fr="Nouveau titre français"))
    case.refresh_from_db()
    assert not case.stale_sides()


@pytest.mark.parametrize("count", [3, 30])
def test_the_queue_runs_the_same_queries_for_3_or_30_items(
    author, django_assert_max_num_queries, count
):
    client, user = author
    for n in range(count):
        chapter = ChapterFactory(title_fr="")
        SectionFactory(chapter=chapter, body_fr="")
        case = CaseStudyFactory()
        workflow.item_save(
            item=case, user=user, fields={"title_en": f"New {n}"}, expected_version=case.version
        )
    # Signed in (with the second step), then one query per kind of item.
    with django_assert_max_num_queries(SIGNED_IN_TWO_STEP + 3 + 2):
        response = client.get(url("translations"))
    assert response.status_code == 200
    assert response.content.decode().count('class="queue-side queue-fr"') == 3 * count
