"""Loads the guide's sample content (fixtures/guide/guide.json) into the database.

Sample content, clearly marked as such (a note in each case study's summary and in the first
chapter's introduction): chapters with their sections and case studies drawn from public
examples of service partnerships, each citing its source, with fictitious contacts.

Everything is written through the workflow (partnerships/workflow.py), as editors would: a
sample author saves each working copy and sends it for review, and a second sample account
publishes it, so that revisions, public copies and search entries are exactly what real use
makes. Both accounts cannot sign in. One case study is left as a draft, and one published
case study gets a newer draft, so that the demonstration shows the workflow.

Loading twice changes nothing: organizations, services and contacts are matched by their keys
and addresses, and an item whose address (English slug) already exists is left as editors
have made it.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from directory.models import Organization, Service, User
from partnerships import workflow
from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section
from portal import fragments
from portal.roles import Role

GUIDE_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "guide" / "guide.json"
AUTHOR = "guide-sample"
PUBLISHER = "guide-sample-publisher"
COMMENT = "Sample content loaded (fixtures/guide/guide.json)"

CHAPTER_FIELDS = ("number", "title", "slug", "introduction")
SECTION_FIELDS = ("order", "title", "slug", "body")
CASE_FIELDS = (
    "title",
    "slug",
    "summary",
    "outcomes",
    "lessons",
    "province",
    "place",
    "year_started",
    "status",
    "featured",
    "featured_on",
)


@dataclass
class Loaded:
    """What a load added (zero each when the sample content was already there)."""

    chapters: int = 0
    sections: int = 0
    case_studies: int = 0
    contacts: int = 0


def _text(value):
    """A rich text is given as one string or as a list of lines."""
    return "\n".join(value) if isinstance(value, list) else value


def _fields(row: dict, names) -> dict:
    """The row's values for these fields, each translated one in both languages."""
    fields = {}
    for name in names:
        for key in (name, f"{name}_en", f"{name}_fr"):
            if key in row:
                fields[key] = _text(row[key])
    if fields.get("featured_on"):
        fields["featured_on"] = datetime.date.fromisoformat(fields["featured_on"])
    return fields


def _sample_account(username: str, first_name: str, last_name: str) -> User:
    """An account that writes the sample content and can never sign in."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _accounts() -> tuple[User, User]:
    # Fictitious people, named alike in both languages (a name shows on French pages too).
    author = _sample_account(AUTHOR, "Camille", "Roy")
    publisher = _sample_account(PUBLISHER, "Dominique", "Léger")
    # Publishing needs an editor other than the author (partnerships/workflow.py).
    publisher.groups.add(Group.objects.get(name=Role.EDITOR))
    return author, publisher


def _organizations(data) -> dict[str, Organization]:
    found = {}
    for row in data["organizations"]:
        found[row["key"]], _ = Organization.objects.get_or_create(
            key=row["key"],
            defaults={
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "acronym_en": row["acronym_en"],
                "acronym_fr": row["acronym_fr"],
                "order_of_government": row["order"],
                "province": row["province"],
            },
        )
    return found


def _services(data) -> dict[str, Service]:
    found = {}
    for row in data["services"]:
        found[row["key"]], _ = Service.objects.get_or_create(
            key=row["key"], defaults={"name_en": row["name_en"], "name_fr": row["name_fr"]}
        )
    return found


def _contacts(data, organizations, loaded: Loaded) -> dict[str, Contact]:
    found = {}
    for row in data["contacts"]:
        contact, created = Contact.objects.get_or_create(
            email=row["email"],
            defaults={
                "name": row["name"],
                "organization": organizations[row["organization"]],
                "role_en": row["role_en"],
                "role_fr": row["role_fr"],
                "phone": row["phone"],
                "for_guide": row["for_guide"],
            },
        )
        loaded.contacts += created
        found[row["email"]] = contact
    return found


def _publish(item, author: User, publisher: User):
    workflow.item_submit(item=item, user=author)
    return workflow.item_publish(item=item, user=publisher)


def _chapter(row, author, publisher, loaded: Loaded) -> None:
    chapter = Chapter.objects.working().filter(slug_en=row["slug_en"]).first()
    if chapter is None:
        chapter = workflow.item_save(
            item=Chapter(), user=author, fields=_fields(row, CHAPTER_FIELDS), comment=COMMENT
        )
        chapter = _publish(chapter, author, publisher)
        loaded.chapters += 1
    for order, section_row in enumerate(row["sections"], start=1):
        if chapter.sections.working().filter(slug_en=section_row["slug_en"]).exists():
            continue
        section = workflow.item_save(
            item=Section(chapter=chapter),
            user=author,
            fields={"order": order, **_fields(section_row, SECTION_FIELDS)},
            comment=COMMENT,
        )
        if chapter.public_copy_id is not None:
            _publish(section, author, publisher)
        else:  # an editor took the chapter offline: its new section waits in review
            workflow.item_submit(item=section, user=author)
        loaded.sections += 1


def _case_study(row, links, author, publisher, loaded: Loaded) -> None:
    if CaseStudy.objects.working().filter(slug_en=row["slug_en"]).exists():
        return
    organizations, services, contacts = links
    case = workflow.item_save(
        item=CaseStudy(),
        user=author,
        fields=_fields(row, CASE_FIELDS),
        m2m={
            "organizations": [organizations[key] for key in row["organizations"]],
            "partnership_models": PartnershipModel.objects.filter(
                key__in=row["partnership_models"]
            ),
            "services": [services[key] for key in row["services"]],
            "contacts": [contacts[email] for email in row["contacts"]],
        },
        comment=COMMENT,
    )
    loaded.case_studies += 1
    if not row["publish"]:
        return
    case = _publish(case, author, publisher)
    draft = row.get("next_draft")
    if draft:
        workflow.item_save(
            item=case,
            user=author,
            fields=_fields(draft["fields"], CASE_FIELDS),
            comment=draft["comment"],
            expected_version=CaseStudy.objects.get(pk=case.pk).version,
        )


@transaction.atomic
def guide_load(*, path: Path = GUIDE_FIXTURE) -> Loaded:
    """Loads the sample guide; returns what was added (nothing when it was already there)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    loaded = Loaded()
    author, publisher = _accounts()
    organizations = _organizations(data)
    services = _services(data)
    contacts = _contacts(data, organizations, loaded)
    for row in data["chapters"]:
        _chapter(row, author, publisher, loaded)
    for row in data["case_studies"]:
        _case_study(row, (organizations, services, contacts), author, publisher, loaded)
    fragments.changed()  # organizations and services go in without the guide's own signals
    return loaded
