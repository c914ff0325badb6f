"""A synthetic plan of any size, for benchmarks and query-count tests (never for real data)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from directory.models import Organization, Person, User
from portal import fragments
from portal.fuzzydates import FuzzyDate
from portal.languages import Language
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Health,
    Priority,
    Resource,
    Status,
    StatusUpdate,
)

_SEASONS = ("spring", "summer", "fall", "winter")


def _fuzzy(rng: random.Random) -> FuzzyDate:
    year = rng.randint(2016, 2028)
    pick = rng.random()
    if pick < 0.3:
        return FuzzyDate.of_month(year, rng.randint(1, 12))
    if pick < 0.45:
        return FuzzyDate.of_season(year, rng.choice(_SEASONS))
    if pick < 0.55:
        return FuzzyDate.of_quarter(year, rng.randint(1, 4))
    if pick < 0.7:
        return FuzzyDate.of_year(year)
    if pick < 0.85:
        return FuzzyDate.of_day(year, rng.randint(1, 12), rng.randint(1, 28))
    return rng.choice([FuzzyDate.ongoing(), FuzzyDate.tbd()])


@transaction.atomic
def synthetic_plan_create(*, actions: int, updates: int, seed: int = 2026) -> None:
    """Adds `actions` actions over activities of 10 and `updates` status updates among them."""
    rng = random.Random(seed)
    organization, _ = Organization.objects.get_or_create(
        key="synthetic",
        defaults={
            "name_en": "Synthetic Organization",
            "name_fr": "Organisation synthétique",
            "order_of_government": "other",
        },
    )
    author, _ = User.objects.get_or_create(username="synthetic-author")
    person, _ = Person.objects.get_or_create(
        name="Synthetic Person", defaults={"organization": organization, "user": author}
    )
    first = (Activity.objects.order_by("-number").values_list("number", flat=True).first()) or 0
    activities = Activity.objects.bulk_create(
        Activity(
            number=first + i + 1,
            order=first + i + 1,
            objective_en=f"Synthetic objective {first + i + 1}",
            objective_fr=f"Objectif synthétique {first + i + 1}",
            priority=rng.choice(Priority.values),
        )
        for i in range((actions + 9) // 10)
    )
    built = []
    for i in range(actions):
        due = _fuzzy(rng)
        built.append(
            Action(
                activity=activities[i // 10],
                number=i % 10 + 1,
                description_en=f"Synthetic action {i} to improve service partnerships",
                description_fr=f"Mesure synthétique {i} pour améliorer les partenariats",
                start=_fuzzy(rng),
                due=due,
                due_end=due.end,
                status=rng.choice(Status.values),
                remarks_en="",
                remarks_fr="",
            )
        )
    created = Action.objects.bulk_create(built)
    through_orgs = Action.responsible_organizations.through
    through_orgs.objects.bulk_create(
        through_orgs(action_id=a.pk, organization_id=organization.pk) for a in created
    )
    through_people = Action.responsible_people.through
    through_people.objects.bulk_create(
        through_people(action_id=a.pk, person_id=person.pk) for a in created[::3]
    )
    Resource.objects.bulk_create(
        Resource(
            action=a, order=1, description_en="Staff time", description_fr="Temps du personnel"
        )
        for a in created
    )
    ExpectedResult.objects.bulk_create(
        ExpectedResult(
            action=a, order=n, description_en=f"Deliverable {n}", description_fr=f"Livrable {n}"
        )
        for a in created
        for n in (1, 2)
    )
    now = timezone.now()
    progress = {"en": "Progress was made.", "fr": "Des progrès ont été réalisés."}
    update_rows = []
    for n in range(updates if created else 0):
        when = now - datetime.timedelta(days=rng.randint(0, 400))
        language = rng.choice(Language.values)
        update_rows.append(
            StatusUpdate(
                action=created[n % len(created)],
                author=author,
                date=timezone.localdate(when),
                created=when,
                language=language,
                status=rng.choice(Status.values),
                health=rng.choice(Health.values),
                **{f"progress_{language}": progress[language]},
            )
        )
    StatusUpdate.objects.bulk_create(update_rows, batch_size=2000)
    fragments.changed()  # bulk_create sends no signal
