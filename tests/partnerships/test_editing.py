"""The editors' pages of the guide: who may edit, writing items through the real forms (the
rich-text editor's media under the CSP, images, lists), edit conflicts, the contents page."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch
from PIL import Image

from partnerships import workflow
from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section, Stage
from partnerships.revisions import revisions_of
from portal.roles import Role
from tests.auth import sign_in
from tests.conftest import SIGNED_IN_TWO_STEP
from tests.directory.factories import OrganizationFactory
from tests.partnerships.edit_helpers import editor_client, item_data, item_url, url
from tests.partnerships.factories import (
    CaseStudyFactory,
    ChapterFactory,
    ContactFactory,
    PartnershipModelFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return editor_client("ethan")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


# --- Who may edit ---------------------------------------------------------------------------


def test_a_member_cannot_reach_the_editors_pages(member_client):
    case = CaseStudyFactory()
    for path in (
        url("edit_index"),
        url("translations"),
        url("item_create", kind="case-study"),
        item_url("item_edit", case),
        item_url("item_review", case),
        item_url("revisions", case),
        url("contact_list"),
        url("model_list"),
    ):
        assert member_client.get(path).status_code == 403, path
    response = member_client.post(item_url("item_edit", case), item_data(case, title_en="Mine"))
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.title_en != "Mine"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("edit_index"))
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COCHAIR])
def test_editors_and_cochairs_reach_the_editors_pages(role):
    client, _user = editor_client("someone", role)
    case = CaseStudyFactory()
    for path in (
        url("edit_index"),
        url("item_create", kind="chapter"),
        item_url("item_edit", case),
    ):
        assert client.get(path).status_code == 200, path


def test_unknown_kinds_and_public_copies_are_not_found(author):
    client, user = author
    case = CaseStudyFactory(last_author=user)
    workflow.item_submit(item=case, user=user)
    _other_client, other = editor_client("sophie")
    workflow.item_publish(item=case, user=other)
    public = CaseStudy.objects.public().get()
    assert client.get("/en/guide/edit/activity/new/").status_code == 404
    assert client.get(f"/en/guide/edit/activity/{case.pk}/").status_code == 404
    # Each language has its own words for the kinds: the other language's is no address.
    french = url("item_edit", page_language="fr", kind="case-study", pk=case.pk)
    assert french == f"/fr/guide/edition/etude-de-cas/{case.pk}/"
    assert client.get(french).status_code == 200
    assert client.get(f"/fr/guide/edition/case-study/{case.pk}/").status_code == 404
    assert client.get(f"/en/guide/edit/etude-de-cas/{case.pk}/").status_code == 404
    with pytest.raises(NoReverseMatch):
        url("item_create", kind="activity")
    for name in ("item_edit", "item_review", "revisions"):
        assert client.get(url(name, kind="case-study", pk=public.pk)).status_code == 404
    assert client.get(url("item_edit", kind="case-study", pk=public.pk + 100)).status_code == 404


# --- Writing items --------------------------------------------------------------------------


def test_an_editor_writes_a_new_case_study_in_both_languages(author):
    client, user = author
    partner = OrganizationFactory()
    model = PartnershipModelFactory()
    contact = ContactFactory()
    response = client.post(
        url("item_create", kind="case-study"),
        {
            "title_en": "One counter in Bathurst",
            "title_fr": "Un comptoir à Bathurst",
            "summary_en": "<p>Two <strong>governments</strong>, one counter.</p>",
            "summary_fr": "<p>Deux <strong>gouvernements</strong>, un comptoir.</p>",
            "organizations": [partner.pk],
            "partnership_models": [model.pk],
            "contacts": [contact.pk],
            "province": "NB",
            "place": "Bathurst",
            "year_started": "2021",
            "status": "pilot",
            "comment": "First draft from the meeting notes",
        },
    )
    case = CaseStudy.objects.working().get()
    assert response.status_code == 302
    assert response["Location"] == item_url("item_review", case)
    assert case.stage == Stage.DRAFT
    assert case.last_author == user
    assert (case.slug_en, case.slug_fr) == ("one-counter-in-bathurst", "un-comptoir-a-bathurst")
    assert case.summary_en == "<p>Two <strong>governments</strong>, one counter.</p>"
    assert list(case.organizations.all()) == [partner]
    assert list(case.partnership_models.all()) == [model]
    assert list(case.contacts.all()) == [contact]
    (record,) = revisions_of(case)
    assert record.history_change_reason == "First draft from the meeting notes"
    assert not CaseStudy.objects.public().exists()


def test_the_form_shows_both_languages_labelled_with_the_rich_text_editor(author):
    client, _user = author
    case = CaseStudyFactory()
    response = client.get(item_url("item_edit", case))
    body = response.content.decode()
    for label in ("Title (English)", "Title (French)", "Summary (English)", "Summary (French)"):
        assert label in body
    assert re.search(r'<textarea[^>]*name="summary_fr"[^>]*lang="fr"', body) or re.search(
        r'<textarea[^>]*lang="fr"[^>]*name="summary_fr"', body
    )
    assert "data-django-prose-editor-guide" in body
    assert "js/guide-editor.js" in body
    assert f'name="version" value="{case.version}"' in body


def test_the_editors_import_map_carries_the_nonce_of_the_policy(author):
    client, _user = author
    response = client.get(url("item_create", kind="section"))
    body = response.content.decode()
    match = re.search(r'<script nonce="([^"]+)" type="importmap">', body) or re.search(
        r'<script type="importmap" nonce="([^"]+)">', body
    )
    assert match, "the import map has no nonce"
    policy = response["Content-Security-Policy"]
    assert f"'nonce-{match.group(1)}'" in policy
    assert "unsafe-inline" not in policy
    # Every inline script of the page carries it.
    for script in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", body):
        assert f'nonce="{match.group(1)}"' in script, script


def test_a_section_is_filed_under_a_working_chapter(author):
    client, user = author
    chapter = ChapterFactory(last_author=user)
    workflow.item_submit(item=chapter, user=user)
    _other, other = editor_client("sophie")
    workflow.item_publish(item=chapter, user=other)
    public = Chapter.objects.public().get()
    # The public copy is not a choice.
    response = client.post(
        url("item_create", kind="section"),
        {"chapter": public.pk, "order": 1, "title_en": "Plan", "body_en": "<p>Plan.</p>"},
    )
    assert response.status_code == 200
    assert not Section.objects.exists()
    response = client.post(
        url("item_create", kind="section"),
        {"chapter": chapter.pk, "order": 1, "title_en": "Plan", "body_en": "<p>Plan.</p>"},
    )
    assert response.status_code == 302
    section = Section.objects.get()
    assert section.chapter == chapter
    assert section.missing_sides() == ["fr"]


def test_an_item_needs_a_title_in_one_language_and_may_wait_for_the_other(author):
    client, _user = author
    response = client.post(url("item_create", kind="chapter"), {"number": 1})
    assert response.status_code == 200
    assert "Give the item a title in English or French." in response.content.decode()
    response = client.post(url("item_create", kind="chapter"), {"number": 1, "title_fr": "Seul"})
    assert response.status_code == 302
    assert Chapter.objects.get().missing_sides() == ["en"]


def test_saving_a_published_item_makes_a_draft_and_keeps_the_public_copy(author):
    client, user = author
    case = CaseStudyFactory(last_author=user)
    workflow.item_submit(item=case, user=user)
    _other, other = editor_client("sophie")
    case = workflow.item_publish(item=case, user=other)
    case.refresh_from_db()
    response = client.post(
        item_url("item_edit", case), item_data(case, title_en="Renamed", comment="New name")
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title_en == "Renamed"
    assert case.stage == Stage.DRAFT
    assert CaseStudy.objects.public().get().title_en != "Renamed"
    assert revisions_of(case).first().history_change_reason == "New name"


# --- Conflicting edits ----------------------------------------------------------------------


def test_a_stale_edit_is_refused_with_409_keeping_what_was_typed(author):
    client, user = author
    case = CaseStudyFactory(last_author=user)
    loaded = item_data(case)
    # Someone else saves first.
    other_client, _other = editor_client("sophie")
    assert (
        other_client.post(
            item_url("item_edit", case), item_data(case, title_en="Their title")
        ).status_code
        == 302
    )
    loaded["title_en"] = "My title"
    loaded["summary_en"] = "<p>My careful summary.</p>"
    response = client.post(item_url("item_edit", case), loaded)
    assert response.status_code == 409
    body = response.content.decode()
    assert 'id="edit-conflict"' in body
    assert "Their title" in body  # what changed since
    assert 'value="My title"' in body  # what was typed, kept
    assert "My careful summary." in body
    case.refresh_from_db()
    assert case.title_en == "Their title"
    # The form now carries the current version: saving again is deliberate, and goes through.
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    assert version == str(case.version)
    loaded["version"] = version
    assert client.post(item_url("item_edit", case), loaded).status_code == 302
    case.refresh_from_db()
    assert case.title_en == "My title"


def test_a_form_without_its_version_is_refused(author):
    client, _user = author
    case = CaseStudyFactory()
    data = item_data(case, title_en="Forged")
    del data["version"]
    response = client.post(item_url("item_edit", case), data)
    assert response.status_code == 200
    assert "The form was incomplete; load the page again." in response.content.decode()


# --- Images ---------------------------------------------------------------------------------


def test_an_image_needs_its_description_in_both_languages(author, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client, _user = author
    case = CaseStudyFactory()
    picture = SimpleUploadedFile("counter.png", png_bytes(), content_type="image/png")
    data = item_data(case, image=picture, image_alt_en="The shared counter", image_alt_fr="")
    response = client.post(item_url("item_edit", case), data)
    assert response.status_code == 200
    assert "Describe the image in both languages" in response.content.decode()
    picture = SimpleUploadedFile("counter.png", png_bytes(), content_type="image/png")
    data = item_data(
        case, image=picture, image_alt_en="The shared counter", image_alt_fr="Le comptoir commun"
    )
    assert client.post(item_url("item_edit", case), data).status_code == 302
    case.refresh_from_db()
    assert case.image.name.startswith("case-studies/counter")
    assert (tmp_path / case.image.name).exists()


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("counter.png", b"<script>alert(1)</script>", "Upload a valid image"),
        ("counter.gif", None, "not allowed"),
        ("counter.png", b"big", "larger than 2 MB"),
    ],
    ids=["not-an-image", "wrong-type", "too-large"],
)
def test_an_image_that_is_not_a_small_picture_is_refused(
    author, settings, tmp_path, name, content, error
):
    settings.MEDIA_ROOT = tmp_path
    client, _user = author
    case = CaseStudyFactory()
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (2, 2)).save(buffer, format="GIF")
        content = buffer.getvalue()
    elif content == b"big":
        buffer = io.BytesIO()
        # Random pixels do not compress: a PNG of more than 2 MB.
        Image.frombytes("RGB", (1000, 1000), __import__("os").urandom(3_000_000)).save(
            buffer, format="PNG"
        )
        content = buffer.getvalue()
        assert len(content) > 2 * 1024 * 1024
    picture = SimpleUploadedFile(name, content)
    data = item_data(case, image=picture, image_alt_en="A", image_alt_fr="Un")
    response = client.post(item_url("item_edit", case), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    case.refresh_from_db()
    assert not case.image


# --- The contents page ----------------------------------------------------------------------


def test_the_contents_page_lists_every_working_item_with_its_state(author):
    client, user = author
    chapter = ChapterFactory(title_en="Getting started", last_author=user)
    SectionFactory(chapter=chapter, title_en="Finding partners")
    CaseStudyFactory(title_en="Shared counter in Moncton")
    body = client.get(url("edit_index")).content.decode()
    assert body.index("Getting started") < body.index("Finding partners")
    assert "Shared counter in Moncton" in body
    assert item_url("item_review", chapter) in body
    assert item_url("revisions", chapter) in body
    assert url("translations") in body
    assert url("contact_list") in body
    assert url("model_list") in body
    assert "Draft" in body
    assert "Not online" in body


def _fill(count: int, user):
    for _n in range(count):
        chapter = ChapterFactory(last_author=user)
        SectionFactory(chapter=chapter, last_author=user)
        CaseStudyFactory(last_author=user)


@pytest.mark.parametrize("count", [3, 30])
def test_the_contents_page_runs_the_same_queries_for_3_or_30_items(
    author, django_assert_max_num_queries, count
):
    client, user = author
    _fill(count, user)
    # Signed in (with the second step), the chapters, their sections, the case studies, and
    # the navigation's and messages' reads.
    with django_assert_max_num_queries(SIGNED_IN_TWO_STEP + 3 + 2):
        response = client.get(url("edit_index"))
    assert response.status_code == 200
    assert response.content.decode().count("Case study") >= count


# --- Contacts and partnership models ---------------------------------------------------------


def test_editors_keep_the_contacts(author):
    client, _user = author
    organization = OrganizationFactory()
    response = client.post(
        url("contact_create"),
        {
            "name": "Chantal Roy",
            "organization": organization.pk,
            "role_en": "Partnership lead",
            "role_fr": "Responsable des partenariats",
            "email": "chantal.roy@example.ca",
            "for_guide": "on",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.role_fr == "Responsable des partenariats"
    assert contact.for_guide
    assert "Chantal Roy" in client.get(url("contact_list")).content.decode()
    response = client.post(
        url("contact_edit", pk=contact.pk),
        {"name": "Chantal Roy", "organization": organization.pk, "email": "not-an-email"},
    )
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.email == "chantal.roy@example.ca"


def test_editors_keep_the_list_of_partnership_models(author):
    client, _user = author
    response = client.post(
        url("model_create"),
        {"key": "mobile-kiosk", "name_en": "Mobile kiosk", "name_fr": "Kiosque mobile", "order": 2},
    )
    assert response.status_code == 302
    model = PartnershipModel.objects.get(key="mobile-kiosk")
    assert model.name_fr == "Kiosque mobile"
    # Both names are needed.
    response = client.post(
        url("model_edit", pk=model.pk), {"key": "mobile-kiosk", "name_en": "Mobile kiosk"}
    )
    assert response.status_code == 200
    body = client.get(url("model_list")).content.decode()
    assert "Kiosque mobile" in body


def test_a_superuser_passes_the_editors_check(client, superuser):
    sign_in(client, superuser)
    assert client.get(url("edit_index")).status_code == 200


def test_the_editors_pages_open_in_french_with_french_content(author):
    client, user = author
    case = CaseStudyFactory(title_fr="Comptoir partagé à Dieppe", last_author=user)
    for path in (
        url("edit_index", page_language="fr"),
        url("translations", page_language="fr"),
        url("item_edit", page_language="fr", kind="case-study", pk=case.pk),
        url("item_review", page_language="fr", kind="case-study", pk=case.pk),
        url("revisions", page_language="fr", kind="case-study", pk=case.pk),
        url("contact_list", page_language="fr"),
        url("model_list", page_language="fr"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert path.startswith("/fr/")
    body = client.get(url("edit_index", page_language="fr")).content.decode()
    assert "Comptoir partagé à Dieppe" in body
