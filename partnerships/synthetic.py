"""A synthetic guide of any size, for benchmarks and query-count tests (never for real data).

Every item goes through the workflow (written by one editor, published by another), so that
public copies, revisions and search entries are exactly what real use makes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from django.contrib.auth.models import Group
from django.db import transaction

from directory.models import Organization, Province, Service, User
from partnerships import workflow
from partnerships.models import CaseStatus, CaseStudy, PartnershipModel
from portal.roles import Role

_PLACES = ("Moncton", "Saint John", "Gatineau", "Whitehorse", "Iqaluit", "Sudbury", "Brandon")
_SERVICES = (
    ("synthetic-passport", "Passport", "Passeport"),
    ("synthetic-ei", "Employment Insurance", "Assurance-emploi"),
    ("synthetic-health-card", "Health card", "Carte santé"),
    ("synthetic-licence", "Driver's licence", "Permis de conduire"),
)
# Sentences the lessons are drawn from, so that each case study has about as many words as a
# real one (searching short texts would flatter the search).
_LESSONS = (
    (
        "Partners agreed early on who answers which question and how a client is referred.",
        "Les partenaires ont convenu tôt de qui répond à quelle question et de l’orientation.",
    ),
    (
        "Staff of both governments trained together before the counter opened.",
        "Le personnel des deux gouvernements a suivi la même formation avant l’ouverture.",
    ),
    (
        "A shared schedule of outreach visits reached rural and remote communities.",
        "Un calendrier commun de visites a joint les collectivités rurales et éloignées.",
    ),
    (
        "Signage in both official languages and in Indigenous languages helped clients.",
        "Une signalisation dans les deux langues officielles et en langues autochtones a aidé.",
    ),
    (
        "An information-sharing agreement came first; the service changes followed.",
        "Une entente d’échange de renseignements est venue d’abord, puis les changements.",
    ),
    (
        "Client surveys at both offices measured satisfaction before and after the change.",
        "Des sondages auprès de la clientèle ont mesuré la satisfaction avant et après.",
    ),
    (
        "The call centre's scripts were reviewed with the municipality's front-line staff.",
        "Les scripts du centre d’appels ont été revus avec le personnel de première ligne.",
    ),
    (
        "Costs of the shared space were split by the number of clients each partner served.",
        "Les coûts des locaux communs ont été partagés selon la clientèle servie par chacun.",
    ),
)
LESSON_PARAGRAPHS, SENTENCES_EACH = 4, 4


def _lessons(rng: random.Random, language: int) -> str:
    """A few paragraphs of lessons learned, in English (0) or French (1)."""
    return "".join(
        "<p>" + " ".join(rng.choice(_LESSONS)[language] for _ in range(SENTENCES_EACH)) + "</p>"
        for _ in range(LESSON_PARAGRAPHS)
    )


def _people() -> tuple[User, User]:
    author, _ = User.objects.get_or_create(username="synthetic-guide-author")
    publisher, _ = User.objects.get_or_create(username="synthetic-guide-publisher")
    publisher.groups.add(Group.objects.get(name=Role.EDITOR))
    return author, publisher


@transaction.atomic
def synthetic_guide_create(
    *, case_studies: int, seed: int = 2026, progress: Callable[[int], None] | None = None
) -> None:
    """Publishes `case_studies` synthetic case studies (with varied models, places, services)."""
    rng = random.Random(seed)
    author, publisher = _people()
    organizations = [
        Organization.objects.get_or_create(
            key=f"synthetic-guide-{order}",
            defaults={
                "name_en": f"Synthetic {order} partner",
                "name_fr": f"Partenaire synthétique ({order})",
                "order_of_government": order,
            },
        )[0]
        for order in ("federal", "provincial", "municipal", "indigenous")
    ]
    services = [
        Service.objects.get_or_create(key=key, defaults={"name_en": en, "name_fr": fr})[0]
        for key, en, fr in _SERVICES
    ]
    models = list(PartnershipModel.objects.all()) or [
        PartnershipModel.objects.create(
            key="synthetic-co-location", name_en="Co-location", name_fr="Colocalisation"
        )
    ]
    first = CaseStudy.objects.working().count()
    for n in range(first, first + case_studies):
        item = workflow.item_save(
            item=CaseStudy(),
            user=author,
            fields={
                "title_en": f"Synthetic partnership {n}: shared service network",
                "title_fr": f"Partenariat synthétique {n} : réseau de services partagé",
                "summary_en": f"<p>Partners {n} share a front counter and a call centre "
                "to serve clients closer to home.</p>",
                "summary_fr": f"<p>Les partenaires {n} partagent un comptoir et un centre "
                "d’appels pour servir la clientèle près de chez elle.</p>",
                "outcomes_en": "<p>Shorter trips and fewer hand-offs for clients.</p>",
                "outcomes_fr": "<p>Des déplacements plus courts et moins de transferts.</p>",
                "lessons_en": _lessons(rng, 0),
                "lessons_fr": _lessons(rng, 1),
                "province": rng.choice(Province.values),
                "place": rng.choice(_PLACES),
                "year_started": rng.randint(2005, 2026),
                "status": rng.choice(CaseStatus.values),
            },
            m2m={
                "organizations": rng.sample(organizations, 2),
                "partnership_models": rng.sample(models, min(2, len(models))),
                "services": rng.sample(services, 2),
            },
        )
        workflow.item_submit(item=item, user=author)
        workflow.item_publish(item=item, user=publisher)
        if progress is not None:
            progress(n - first + 1)
