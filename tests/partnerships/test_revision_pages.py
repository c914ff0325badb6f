"""The revisions page: who saved, when, with what comment; any two revisions compared field by
field and language by language; restoring one as a new draft; a stale restore refused."""

import re

import pytest
from django.contrib.messages import get_messages

from partnerships.models import CaseStudy, Stage
from partnerships.revisions import revisions_of
from tests.partnerships.edit_helpers import editor_client, item_data, item_url
from tests.partnerships.factories import CaseStudyFactory, ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return editor_client("ethan")


def three_revisions(client, case):
    """Three saves through the form: titles Alpha, then Beta, then Gamma (French kept)."""
    for title, comment in (("Alpha", "First"), ("Beta", "Second"), ("Gamma", "Third")):
        case.refresh_from_db()
        response = client.post(
            item_url("item_edit", case), item_data(case, title_en=title, comment=comment)
        )
        assert response.status_code == 302
    case.refresh_from_db()
    return list(revisions_of(case))  # newest first


def test_the_revisions_are_listed_with_who_when_and_comment(author):
    client, user = author
    case = CaseStudyFactory()
    three_revisions(client, case)
    body = client.get(item_url("revisions", case)).content.decode()
    listing = body.split('id="revision-list"')[1].split("</table>")[0]
    assert listing.index("Third") < listing.index("Second") < listing.index("First")
    assert listing.count(user.display_name) == 3
    # and the factory's own two (the item, then its partner organizations)
    assert listing.count("<time") == 5


def test_by_default_the_latest_is_compared_with_the_one_before(author):
    client, _user = author
    case = CaseStudyFactory()
    three_revisions(client, case)
    body = client.get(item_url("revisions", case)).content.decode()
    compare = body.split('id="revision-compare"')[1].split("</table>")[0]
    assert '<del><span class="visually-hidden">removed: </span>Beta</del>' in compare
    assert '<ins><span class="visually-hidden">added: </span>Gamma</ins>' in compare


def test_any_two_revisions_are_compared(author):
    client, _user = author
    case = CaseStudyFactory()
    contact = ContactFactory(name="Lise Arsenault")
    _newest, _second, first, *_rest = three_revisions(client, case)
    case.refresh_from_db()
    client.post(item_url("item_edit", case), item_data(case, contacts=[str(contact.pk)]))
    latest = revisions_of(case).first()
    # Chosen in either order, the older is on the left.
    body = client.get(
        item_url("revisions", case), {"old": latest.history_id, "new": first.history_id}
    ).content.decode()
    compare = body.split('id="revision-compare"')[1].split("</table>")[0]
    assert "removed: </span>Alpha</del>" in compare
    assert "added: </span>Gamma</ins>" in compare
    contacts = next(part for part in compare.split("<tr") if "Contacts" in part)
    assert "Lise Arsenault" in contacts
    assert "<ins>" in contacts
    assert f'value="{first.history_id}" id="old-{first.history_id}" checked' in body
    # Nonsense choices fall back to the default comparison.
    response = client.get(item_url("revisions", case), {"old": "x", "new": "99999999999999"})
    assert response.status_code == 200


def test_restoring_a_revision_makes_it_the_draft_again(author):
    client, _user = author
    restorer, restoring_user = editor_client("sophie")
    case = CaseStudyFactory()
    _newest, _second, first = three_revisions(client, case)[:3]
    body = restorer.get(item_url("revisions", case)).content.decode()
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    response = restorer.post(
        item_url("revision_restore", case, history_id=first.history_id), {"version": version}
    )
    assert response.status_code == 302
    assert response["Location"] == item_url("item_review", case)
    case.refresh_from_db()
    assert case.title_en == "Alpha"
    assert case.stage == Stage.DRAFT
    assert case.last_author == restoring_user
    latest = revisions_of(case).first()
    assert latest.history_change_reason.startswith("Restored the revision of")
    assert len(revisions_of(case)) == 6  # nothing lost: the factory's two, three saves, this


def test_a_restore_based_on_an_old_page_is_refused(author):
    client, _user = author
    case = CaseStudyFactory()
    records = three_revisions(client, case)
    stale_version = case.version - 1
    response = client.post(
        item_url("revision_restore", case, history_id=records[-1].history_id),
        {"version": stale_version},
    )
    assert response.status_code == 302
    assert "nothing was restored" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    case.refresh_from_db()
    assert case.title_en == "Gamma"
    # A form without a version, or a revision of another item, changes nothing either.
    response = client.post(item_url("revision_restore", case, history_id=records[-1].history_id))
    assert response.status_code == 302
    other = CaseStudyFactory()
    foreign = revisions_of(other).first()
    response = client.post(
        item_url("revision_restore", case, history_id=foreign.history_id),
        {"version": case.version},
    )
    assert response.status_code == 404
    assert CaseStudy.objects.get(pk=case.pk).title_en == "Gamma"
