"""Published guide content for the public pages' tests, made as production makes it: working
copies from the factories, sent for review by one editor and published by another
(partnerships/workflow.py), so that public copies and search entries are the real ones.

The fixtures are imported by the test modules that use them."""

import pytest

from partnerships import workflow
from partnerships.models import CaseStudy, Content
from portal.roles import Role
from tests.directory.factories import OrganizationFactory, UserFactory
from tests.partnerships.factories import (
    CaseStudyFactory,
    ChapterFactory,
    ContactFactory,
    PartnershipModelFactory,
    SectionFactory,
    ServiceFactory,
)

# The distinctive word of every draft: it must never reach a reader.
DRAFT_WORD = "Zyxwordraft"


def publish(item: Content, *, author, publisher) -> Content:
    """Sends the working copy for review and publishes it; returns its public copy."""
    workflow.item_submit(item=item, user=author)
    workflow.item_publish(item=item, user=publisher)
    item.refresh_from_db()
    return item.public_copy


def redraft(item: Content, *, author, **fields) -> Content:
    """A new working draft of a published item (its public copy stays as it was)."""
    item.refresh_from_db()
    return workflow.item_save(item=item, user=author, fields=fields, expected_version=item.version)


@pytest.fixture
def author(db):
    return UserFactory(username="ethan", roles=[Role.EDITOR])


@pytest.fixture
def publisher(db):
    return UserFactory(username="sophie", roles=[Role.EDITOR])


def case_study_publish(*, author, publisher, m2m=None, **fields) -> CaseStudy:
    """A case study written with `fields` and its links (`m2m`), published."""
    links = m2m or {}
    case = CaseStudyFactory(organizations=links.pop("organizations", None), **fields)
    for name, values in links.items():
        getattr(case, name).set(values)
    return publish(case, author=author, publisher=publisher)


@pytest.fixture
def guide(db, author, publisher):
    """A small published guide, a never-published draft and a newer draft of a published
    chapter and case study, each draft with DRAFT_WORD in both languages."""
    federal = OrganizationFactory(
        name_en="Service Canada", name_fr="Service Canada", order_of_government="federal"
    )
    city = OrganizationFactory(
        name_en="City of Moncton", name_fr="Ville de Moncton", order_of_government="municipal"
    )
    colocation = PartnershipModelFactory(
        key="co-location", name_en="Co-location", name_fr="Colocalisation"
    )
    call_centre = PartnershipModelFactory(
        key="call-centre", name_en="Integrated call centre", name_fr="Centre d'appels intégré"
    )
    passport = ServiceFactory(key="passport", name_en="Passport", name_fr="Passeport")
    licence = ServiceFactory(
        key="licence", name_en="Driver's licence", name_fr="Permis de conduire"
    )
    contact = ContactFactory(name="Nadia Cormier", organization=city)
    guide_contact = ContactFactory(name="Guide Desk", organization=federal, for_guide=True)

    chapter = ChapterFactory(
        number=1,
        title_en="Working together",
        title_fr="Travailler ensemble",
        slug_en="working-together",
        slug_fr="travailler-ensemble",
    )
    SectionFactory(
        chapter=chapter,
        order=1,
        title_en="Shared counters",
        title_fr="Comptoirs partagés",
        slug_en="shared-counters",
        slug_fr="comptoirs-partages",
        body_en="<p>Partners plan the <strong>network</strong> of counters together.</p>",
        body_fr="<p>Les partenaires planifient le <strong>réseau</strong> de comptoirs.</p>",
    )
    public_chapter = publish(chapter, author=author, publisher=publisher)
    for section in chapter.sections.all():
        publish(section, author=author, publisher=publisher)
    chapter_two = ChapterFactory(
        number=2,
        title_en="Measuring results",
        title_fr="Mesurer les résultats",
        slug_en="measuring-results",
        slug_fr="mesurer-les-resultats",
    )
    publish(chapter_two, author=author, publisher=publisher)

    moncton = case_study_publish(
        author=author,
        publisher=publisher,
        m2m={
            "organizations": [federal, city],
            "partnership_models": [colocation],
            "services": [passport],
            "contacts": [contact],
        },
        title_en="Moncton service hub",
        title_fr="Carrefour de services de Moncton",
        slug_en="moncton-service-hub",
        slug_fr="carrefour-de-services-de-moncton",
        province="NB",
        place="Moncton",
        status="active",
        featured=True,
        featured_on="2026-10-01",
        outcomes_en="<p>Clients make one trip instead of three.</p>",
        outcomes_fr="<p>Les clients se déplacent une fois au lieu de trois.</p>",
    )
    yukon = case_study_publish(
        author=author,
        publisher=publisher,
        m2m={
            "organizations": [federal],
            "partnership_models": [call_centre],
            "services": [licence],
        },
        title_en="Yukon call centre",
        title_fr="Centre d'appels du Yukon",
        slug_en="yukon-call-centre",
        slug_fr="centre-dappels-du-yukon",
        province="YT",
        place="Whitehorse",
        status="pilot",
    )

    # Drafts: one never published, and newer drafts of a published chapter and case study.
    draft_word = {f"title_{lang}": f"{DRAFT_WORD} {lang}" for lang in ("en", "fr")}
    never = CaseStudyFactory(
        **draft_word,
        summary_en=f"<p>{DRAFT_WORD} summary.</p>",
        summary_fr=f"<p>{DRAFT_WORD} résumé.</p>",
        province="NB",
        featured=True,
        featured_on="2026-11-30",
    )
    never.partnership_models.set([colocation])
    never.contacts.set([ContactFactory(name=f"{DRAFT_WORD} Person", organization=city)])
    ChapterFactory(number=3, **draft_word)
    redraft(
        chapter,
        author=author,
        title_en=f"Working together {DRAFT_WORD}",
        introduction_en=f"<p>{DRAFT_WORD} introduction.</p>",
    )
    redraft(
        moncton.working_copy,
        author=author,
        title_fr=f"Carrefour {DRAFT_WORD}",
        summary_fr=f"<p>{DRAFT_WORD} nouveau résumé.</p>",
    )
    return {
        "chapter": public_chapter,
        "moncton": moncton,
        "yukon": yukon,
        "models": {"co-location": colocation, "call-centre": call_centre},
        "services": {"passport": passport, "licence": licence},
        "contact": contact,
        "guide_contact": guide_contact,
    }
