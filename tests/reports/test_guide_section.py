"""The council report's partnership guide section: the public case studies new, updated or
featured in the report's period, in every format and both languages; never a draft."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from directory.models import Organization
from partnerships import workflow
from partnerships.models import CaseStudy, PartnershipModel
from reports.content import report_build
from reports.period import period_resolve
from tests.directory.factories import UserFactory
from tests.reports.conftest import at_noon

pytestmark = pytest.mark.django_db

# The second council meeting of `council_meetings`: the window is (2026-03-02, 2026-06-08].
NEW = ("Shared counter in Moncton", "Comptoir partagé à Moncton")
UPDATED = ("Outreach in Gaspé", "Services d’approche à Gaspé")
FEATURED = ("Call centre in Yukon", "Centre d’appels au Yukon")
OLD = ("Co-location in Brandon", "Colocalisation à Brandon")
DRAFT = ("Draft never published", "Ébauche jamais publiée")
NEWER_DRAFT = ("Newer draft of Brandon", "Nouvelle ébauche de Brandon")
LISTED = [NEW, UPDATED, FEATURED]  # every format lists these, and only these
NEVER = [OLD, DRAFT, NEWER_DRAFT]


@pytest.fixture
def author(db):
    return UserFactory(username="guide-author", roles=["editor"])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="guide-reviewer", roles=["editor"])


@pytest.fixture
def partners(db):
    return [
        Organization.objects.create(
            key="town-of-moncton",
            name_en="City of Moncton",
            name_fr="Ville de Moncton",
            order_of_government="municipal",
            province="NB",
        ),
        Organization.objects.create(
            key="first-nation-sample",
            name_en="Sample First Nation",
            name_fr="Première Nation exemple",
            order_of_government="indigenous",
            province="NB",
        ),
    ]


def _draft(author, partners, titles, **fields):
    en, fr = titles
    return workflow.item_save(
        item=CaseStudy(),
        user=author,
        fields={
            "title_en": en,
            "title_fr": fr,
            "summary_en": f"<p>{en}: clients served in one place.</p>",
            "summary_fr": f"<p>{fr} : la clientèle servie au même endroit.</p>",
            "province": "NB",
            "status": "pilot",
            **fields,
        },
        m2m={
            "organizations": partners,
            "partnership_models": PartnershipModel.objects.filter(key="co-location"),
        },
    )


def _publish(case, author, reviewer):
    workflow.item_submit(item=case, user=author)
    return workflow.item_publish(item=case, user=reviewer)


def _as_if_on(case, day: datetime.date, *, since=None) -> None:
    """Moves the case study's revisions (those after `since`) and its public copy's date of
    publication to that day, as if it had all happened then."""
    records = CaseStudy.history.filter(id=case.pk)
    if since is not None:
        records = records.filter(history_date__gt=since)
    records.update(history_date=at_noon(day))
    CaseStudy.objects.filter(pk=case.public_copy_id).update(modified=at_noon(day))


@pytest.fixture
def guide(author, reviewer, partners):
    """One case study of each kind, around the second council meeting's window."""
    new = _publish(_draft(author, partners, NEW), author, reviewer)
    _as_if_on(new, datetime.date(2026, 4, 10))

    updated = _publish(_draft(author, partners, UPDATED, province="QC"), author, reviewer)
    _as_if_on(updated, datetime.date(2026, 1, 10))
    before = timezone.now()
    workflow.item_save(
        item=updated,
        user=author,
        fields={"status": "active"},
        expected_version=CaseStudy.objects.get(pk=updated.pk).version,
    )
    updated = _publish(updated, author, reviewer)
    _as_if_on(updated, datetime.date(2026, 5, 5), since=before)

    featured = _publish(
        _draft(
            author,
            partners,
            FEATURED,
            province="YT",
            featured=True,
            featured_on=datetime.date(2026, 6, 8),  # the meeting's day is in the window
        ),
        author,
        reviewer,
    )
    _as_if_on(featured, datetime.date(2026, 1, 10))

    old = _publish(
        _draft(
            author,
            partners,
            OLD,
            featured=True,
            featured_on=datetime.date(2026, 3, 2),  # the previous meeting's day is not
        ),
        author,
        reviewer,
    )
    _as_if_on(old, datetime.date(2026, 1, 10))
    # Its newer draft, written in the window, is not what readers see: never in the report.
    before = timezone.now()
    workflow.item_save(
        item=old,
        user=author,
        fields={"title_en": NEWER_DRAFT[0], "title_fr": NEWER_DRAFT[1]},
        expected_version=CaseStudy.objects.get(pk=old.pk).version,
    )
    CaseStudy.history.filter(id=old.pk, history_date__gt=before).update(
        history_date=at_noon(datetime.date(2026, 5, 20))
    )
    CaseStudy.objects.filter(pk=old.pk).update(modified=at_noon(datetime.date(2026, 5, 20)))

    draft = _draft(author, partners, DRAFT)
    CaseStudy.history.filter(id=draft.pk).update(history_date=at_noon(datetime.date(2026, 4, 1)))
    CaseStudy.objects.filter(pk=draft.pk).update(modified=at_noon(datetime.date(2026, 4, 1)))


def _report(meeting, language):
    return report_build(period=period_resolve(meeting=meeting), language=language)


def _index(language: str) -> int:
    return 0 if language == "en" else 1


# --- The content, built once ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_section_lists_what_happened_in_the_period_in_the_reports_language(
    guide, council_meetings, language
):
    _first, second = council_meetings
    report = _report(second, language)
    at = _index(language)
    found = {entry.title.text: entry for entry in report.guide}
    assert sorted(found) == sorted(titles[at] for titles in LISTED)
    assert [(e.kind, e.date) for e in found[NEW[at]].events] == [
        ("new", datetime.date(2026, 4, 10))
    ]
    assert [(e.kind, e.date) for e in found[UPDATED[at]].events] == [
        ("updated", datetime.date(2026, 5, 5))
    ]
    assert [(e.kind, e.date) for e in found[FEATURED[at]].events] == [
        ("featured", datetime.date(2026, 6, 8))
    ]
    moncton = "City of Moncton" if language == "en" else "Ville de Moncton"
    nation = "Sample First Nation" if language == "en" else "Première Nation exemple"
    assert sorted(found[NEW[at]].partners) == sorted([moncton, nation])
    assert found[NEW[at]].province_label == (
        "New Brunswick" if language == "en" else "Nouveau-Brunswick"
    )
    assert found[UPDATED[at]].province_label == ("Quebec" if language == "en" else "Québec")
    with translation.override(language):
        case = CaseStudy.objects.public().get(title_en=NEW[0])
        assert found[NEW[at]].url == reverse("partnerships:case_study", args=[case.slug])
    if language == "en":
        assert found[NEW[at]].status_label == "Pilot"
        assert found[UPDATED[at]].status_label == "Active"
        assert found[NEW[at]].happened == "New (2026-04-10)"
        assert "3 case studies new, updated or featured in the period" in report.totals


def test_the_previous_meetings_window_has_its_own_case_studies(guide, council_meetings):
    first, _second = council_meetings  # no meeting before it: everything up to 2026-03-02
    report = _report(first, "en")
    found = {entry.title.text: [e.kind for e in entry.events] for entry in report.guide}
    # Published on 2026-01-10; featured on the meeting's day. Nothing of April or later.
    assert found == {
        UPDATED[0]: ["new"],
        FEATURED[0]: ["new"],
        OLD[0]: ["new", "featured"],
    }


def test_a_report_without_guide_changes_says_none_and_has_no_section(council_meetings):
    _first, second = council_meetings
    report = _report(second, "en")
    assert report.guide == []
    assert "0 case studies new, updated or featured in the period" in report.totals


@pytest.mark.parametrize("count", [2, 12])
def test_the_sections_queries_do_not_grow(
    author, reviewer, partners, council_meetings, django_assert_max_num_queries, count
):
    for n in range(count):
        _publish(_draft(author, partners, (f"Case {n}", f"Cas {n}")), author, reviewer)
    period = period_resolve()
    # The (empty) plan's activities, actions, status history and status updates; the guide's
    # two: the public case studies of the period (when each was first published included),
    # and their partners.
    with django_assert_max_num_queries(6):
        report = report_build(period=period, language="en")
    assert len(report.guide) == count


# --- Every format -----------------------------------------------------------------------------


def download(client, fmt: str, language: str, meeting):
    with translation.override(language):
        url = reverse("reports:report_download", args=[fmt])
    response = client.get(url, {"language": language, "meeting": meeting.pk})
    assert response.status_code == 200
    return response


def _assert_only_the_listed(text: str, language: str) -> None:
    at = _index(language)
    squeezed = "".join(text.split())
    for titles in LISTED:
        assert "".join(titles[at].split()) in squeezed, titles[at]
    for titles in NEVER:
        for title in titles:
            assert "".join(title.split()) not in squeezed, title
    for day in ("(2026-04-10)", "(2026-05-05)", "(2026-06-08)"):
        assert day in squeezed


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_report_page(cochair_client, guide, council_meetings, language):
    _first, second = council_meetings
    with translation.override(language):
        url = reverse("reports:report")
    body = cochair_client.get(url, {"meeting": second.pk, "language": language}).content.decode()
    section = body[body.index('id="report-guide-heading"') :]
    _assert_only_the_listed(section, language)
    assert body.count('id="report-guide"') == 1
    with translation.override(language):
        public = CaseStudy.objects.public().get(title_en=NEW[0])
        assert f'<a href="{public.get_absolute_url()}">' in section


@pytest.mark.parametrize("language", ["en", "fr"])
def test_csv(cochair_client, guide, council_meetings, language):
    _first, second = council_meetings
    content = download(cochair_client, "csv", language, second).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    at = rows.index([]) if [] in rows else None
    assert at is not None  # the actions (none here), an empty row, then the section
    title, header, *body = rows[at + 1 :]
    assert len(title) == 1
    if language == "en":
        assert title == [
            "Partnership guide: case studies new, updated or featured since the previous meeting"
        ]
        assert header == [
            "Case study",
            "Partners",
            "Status",
            "Province or territory",
            "What happened",
        ]
    assert len(body) == len(LISTED)
    _assert_only_the_listed(content, language)
    by_title = {row[0]: row for row in body}
    new = by_title[NEW[_index(language)]]
    assert new[4].endswith("(2026-04-10)")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_xlsx(cochair_client, guide, council_meetings, language):
    _first, second = council_meetings
    response = download(cochair_client, "xlsx", language, second)
    workbook = load_workbook(io.BytesIO(response.content))
    ws = workbook.worksheets[-1]
    if language == "en":
        assert workbook.sheetnames == ["Summary", "Partnership guide"]
        assert [cell.value for cell in ws[2]] == [
            "Case study",
            "Partners",
            "Status",
            "Province or territory",
            "What happened",
        ]
        summary = {row[0].value: row[1].value for row in workbook.worksheets[0].iter_rows()}
        assert summary["Case studies new, updated or featured in the period"] == 3
    assert ws.auto_filter.ref.startswith("A2:")
    values = [[cell.value for cell in row] for row in ws.iter_rows(min_row=3)]
    assert len(values) == len(LISTED)
    _assert_only_the_listed(" ".join(str(v) for row in values for v in row), language)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_docx(cochair_client, guide, council_meetings, language):
    _first, second = council_meetings
    document = Document(io.BytesIO(download(cochair_client, "docx", language, second).content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    if language == "en":
        assert headings[-1] == (
            "Partnership guide: case studies new, updated or featured since the previous meeting"
        )
        assert rows[0] == [
            "Case study",
            "Partners",
            "Status",
            "Province or territory",
            "What happened",
        ]
    assert len(rows) == 1 + len(LISTED)
    _assert_only_the_listed(" ".join(cell for row in rows for cell in row), language)
    paragraphs = " ".join(p.text for p in document.paragraphs)
    for titles in NEVER:
        for title in titles:
            assert title not in paragraphs


@pytest.mark.parametrize("language", ["en", "fr"])
def test_pdf(cochair_client, guide, council_meetings, language):
    _first, second = council_meetings
    reader = PdfReader(io.BytesIO(download(cochair_client, "pdf", language, second).content))
    text = " ".join(page.extract_text() for page in reader.pages)
    _assert_only_the_listed(text, language)
    if language == "en":
        assert "Partnership guide: case studies new, updated or featured" in " ".join(text.split())


# --- Caches -----------------------------------------------------------------------------------


def test_a_publication_reaches_the_cached_page_and_file_at_once(
    cochair_client, author, reviewer, partners, council_meetings
):
    """The report page and its files are cached until the content changes (portal/fragments.py):
    publishing a case study is such a change; writing a draft changes nothing they show."""
    url = reverse("reports:report")  # as of today, since the second meeting
    csv_url = reverse("reports:report_download", args=["csv"])
    assert "report-guide-heading" not in cochair_client.get(url).content.decode()
    assert NEW[0].encode() not in cochair_client.get(csv_url).content
    case = _draft(author, partners, NEW)
    assert NEW[0] not in cochair_client.get(url).content.decode()
    _publish(case, author, reviewer)
    assert NEW[0] in cochair_client.get(url).content.decode()
    assert NEW[0] in cochair_client.get(csv_url).content.decode("utf-8-sig")
