"""The one table of every URL the portal routes: who may reach it, with which method, and what
they get.

The permission matrix (tests/test_permissions.py) checks every row for every role and method
with the test client; the accessibility test (tests/e2e/test_accessibility.py) reads the same
rows to know which pages are HTML and which role can see each of them. A completeness test
fails when a URL name is routed but missing here, or named here but no longer routed: a new
view cannot ship without saying who may use it.

Outcomes, as the working group's access rules fix them:
- 200 for a role that may use the page (a POST here sends an empty, invalid form: the page
  re-renders with its errors, so nothing is written);
- 302 to the sign-in page for an anonymous visitor on any page that is not public
  (LoginRequiredMiddleware acts before the view, whatever the method);
- 403 for a signed-in user lacking the role (the role check comes before the method check:
  ``@role_required(...)`` wraps ``@require_GET``, so a refused user learns nothing more);
- 405 for a method the view does not accept, for those who may otherwise use it.

Everything under the Django admin's namespace is one family that only superusers reach
(ADMIN_SAMPLES checks a few of its pages).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from portal.languages import reader_language

ROLES = ("anonymous", "member", "editor", "steward", "cochair", "superuser")
SIGNED_IN = frozenset(ROLES[1:])
EVERYONE = frozenset(ROLES)
# Working-group members: a co-chair is a member too; a superuser may do anything.
MEMBERS = frozenset({"member", "cochair", "superuser"})
COCHAIRS = frozenset({"cochair", "superuser"})
# Those who keep the partnership guide: its editors and the co-chairs.
EDITORS = frozenset({"editor", "cochair", "superuser"})

METHODS = ("GET", "POST")


@dataclass(frozen=True)
class Outcome:
    """An expected response: a status code and, for a redirect, where it must lead.

    ``redirect_to`` is a URL name; the response's Location must start with its path in the
    request's language. None on a 302 means "a success redirect, anywhere".
    """

    status: int
    redirect_to: str | None = None

    def __str__(self):
        return f"{self.status} → {self.redirect_to}" if self.redirect_to else str(self.status)


OK = Outcome(200)
REDIRECT = Outcome(302)
SIGN_IN = Outcome(302, "login")
FORBIDDEN = Outcome(403)
NOT_ALLOWED = Outcome(405)
ADMIN_LOGIN = Outcome(302, "admin:login")
TO_DASHBOARD = Outcome(302, "workplan:dashboard")


def allowed_to(roles: frozenset[str], *, outcome: Outcome = OK) -> dict[str, Outcome]:
    """The method is accepted: `roles` get `outcome`, anonymous visitors are sent to sign in,
    other signed-in users are refused."""
    expected = {}
    for role in ROLES:
        if role in roles:
            expected[role] = outcome
        elif role == "anonymous":
            expected[role] = SIGN_IN
        else:
            expected[role] = FORBIDDEN
    return expected


def not_accepted_for(roles: frozenset[str]) -> dict[str, Outcome]:
    """The view does not accept the method: 405 for those who may use the view, otherwise the
    same refusal as for an accepted method (sign in, or 403)."""
    return allowed_to(roles, outcome=NOT_ALLOWED)


def every(outcome: Outcome) -> dict[str, Outcome]:
    return dict.fromkeys(ROLES, outcome)


@dataclass
class Samples:
    """Rows the URL kwargs point at: the seed plan's action 1.2 and an update posted on it,
    a council meeting, and the guide's samples (GuideSamples)."""

    activity_pk: int
    action_pk: int
    update_pk: int
    meeting_pk: int
    guide: GuideSamples


@dataclass
class GuideSamples:
    """A published chapter and section, a published case study with a newer draft (so that
    its review and revisions have something to compare), a contact and a partnership model."""

    chapter_slugs: dict[str, str]  # by language: a page's address is in its language
    case_study_slugs: dict[str, str]
    case_study_pk: int  # the working copy
    history_id: int  # its first revision
    contact_pk: int
    model_pk: int


def guide_samples_create() -> GuideSamples:
    """The guide's samples, written through the workflow (once: found again afterwards)."""
    from django.contrib.auth.models import Group

    from directory.models import Organization, User
    from partnerships import workflow
    from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section
    from partnerships.revisions import revisions_of

    author, _ = User.objects.get_or_create(username="sample-guide-author")
    publisher, _ = User.objects.get_or_create(username="sample-guide-publisher")
    publisher.groups.add(Group.objects.get(name="editor"))
    organization, _ = Organization.objects.get_or_create(
        key="sample-guide-partner",
        defaults={
            "name_en": "Sample Partner",
            "name_fr": "Partenaire exemple",
            "order_of_government": "municipal",
            "province": "NB",
        },
    )
    model, _ = PartnershipModel.objects.get_or_create(
        key="sample-co-location", defaults={"name_en": "Co-location", "name_fr": "Colocalisation"}
    )
    contact, _ = Contact.objects.get_or_create(
        name="Sample Contact",
        defaults={"organization": organization, "email": "guide@example.ca", "for_guide": True},
    )

    def published(item):
        workflow.item_submit(item=item, user=author)
        return workflow.item_publish(item=item, user=publisher)

    chapter = Chapter.objects.working().filter(slug_en="sample-chapter").first()
    if chapter is None:
        chapter = published(
            workflow.item_save(
                item=Chapter(number=90),
                user=author,
                fields={"title_en": "Sample chapter", "title_fr": "Chapitre exemple"},
            )
        )
        published(
            workflow.item_save(
                item=Section(chapter=chapter, order=1),
                user=author,
                fields={
                    "title_en": "Sample section",
                    "title_fr": "Section exemple",
                    "body_en": "<p>Partners plan a shared front counter.</p>",
                    "body_fr": "<p>Les partenaires planifient un comptoir commun.</p>",
                },
            )
        )
    case = CaseStudy.objects.working().filter(slug_en="sample-case-study").first()
    if case is None:
        case = published(
            workflow.item_save(
                item=CaseStudy(),
                user=author,
                fields={
                    "title_en": "Sample case study",
                    "title_fr": "Étude de cas exemple",
                    "summary_en": "<p>Two governments share one office.</p>",
                    "summary_fr": "<p>Deux gouvernements partagent un bureau.</p>",
                    "province": "NB",
                    "place": "Moncton",
                    "status": "active",
                },
                m2m={
                    "organizations": [organization],
                    "partnership_models": [model],
                    "contacts": [contact],
                },
            )
        )
        case = workflow.item_save(
            item=case,
            user=author,
            fields={"summary_en": "<p>Two governments share one office and a call centre.</p>"},
            expected_version=case.version,
        )
    return GuideSamples(
        chapter_slugs={"en": chapter.slug_en, "fr": chapter.slug_fr},
        case_study_slugs={"en": case.slug_en, "fr": case.slug_fr},
        case_study_pk=case.pk,
        history_id=revisions_of(case).last().history_id,
        contact_pk=contact.pk,
        model_pk=model.pk,
    )


def samples_create() -> Samples:
    """Loads the real plan (if not yet loaded) and adds a French status update and a meeting.

    Needs database access; used by the permission matrix and by the browser tests.
    """
    from directory.models import User
    from reports.models import Meeting
    from workplan.models import Action, StatusUpdate
    from workplan.seed import plan_load

    plan_load()
    action = Action.objects.select_related("activity").get(activity__number=1, number=2)
    author, _ = User.objects.get_or_create(
        username="sample-author", defaults={"email": "sample-author@example.ca"}
    )
    update = StatusUpdate.objects.create(
        action=action,
        author=author,
        date=datetime.date(2026, 11, 2),
        language="fr",
        status="in_progress",
        health="on_track",
        progress_fr="Le répertoire des points de service a été mis à jour.",
    )
    meeting = Meeting.objects.create(
        date=datetime.date(2026, 11, 26),
        title_en="PSSDC fall meeting",
        title_fr="Réunion d'automne du CPSSP",
        kind="council",
    )
    return Samples(
        activity_pk=action.activity_id,
        action_pk=action.pk,
        update_pk=update.pk,
        meeting_pk=meeting.pk,
        guide=guide_samples_create(),
    )


def _no_kwargs(samples: Samples) -> dict:
    return {}


@dataclass(frozen=True)
class Route:
    """One URL name: its sample kwargs and the expected outcome per method and role."""

    name: str
    get: dict[str, Outcome]
    post: dict[str, Outcome]
    kwargs: Callable[[Samples], dict] = _no_kwargs
    # False when a GET answers with a file to download rather than an HTML page.
    page: bool = True
    # Kept apart from the method outcomes so the matrix stays easy to read.
    notes: str = field(default="", compare=False)

    def expected(self, method: str, role: str) -> Outcome:
        return {"GET": self.get, "POST": self.post}[method][role]

    def roles_with_page(self) -> list[str]:
        """The roles whose GET shows the page (200), in the order the browser tests prefer."""
        return [role for role in ROLES if self.get[role] == OK]


def _action(s: Samples) -> dict:
    return {"pk": s.action_pk}


def _guide_case(s: Samples) -> dict:
    return {"kind": "case-study", "pk": s.guide.case_study_pk}


ROUTES: list[Route] = [
    # --- The front door and accounts (directory) ---
    Route(
        "home",
        get={
            "anonymous": OK,
            "editor": OK,
            "steward": OK,
            "member": TO_DASHBOARD,
            "cochair": TO_DASHBOARD,
            "superuser": TO_DASHBOARD,
        },
        post=every(NOT_ALLOWED),
        notes="Public; working-group members land on their dashboard.",
    ),
    Route(
        "login",
        get={"anonymous": OK, **dict.fromkeys(SIGNED_IN, REDIRECT)},
        post={"anonymous": OK, **dict.fromkeys(SIGNED_IN, REDIRECT)},
        notes="An empty sign-in form re-renders with errors; signed-in users are sent on.",
    ),
    Route(
        "logout",
        # The sign-in requirement acts before the view: an anonymous GET is sent to sign in.
        get={"anonymous": SIGN_IN, **dict.fromkeys(SIGNED_IN, NOT_ALLOWED)},
        post=every(REDIRECT),
    ),
    Route("account", get=allowed_to(SIGNED_IN), post=not_accepted_for(SIGNED_IN)),
    # Two-step verification. The matrix's sessions are fully signed in (tests/auth.py): the
    # privileged roles have given their code, members have no second factor.
    Route(
        "mfa_verify",
        get={"anonymous": SIGN_IN, **dict.fromkeys(SIGNED_IN, REDIRECT)},
        post={"anonymous": SIGN_IN, **dict.fromkeys(SIGNED_IN, REDIRECT)},
        notes="The second sign-in step: members have no code to give (sent home), verified "
        "sessions are sent on. tests/directory/test_mfa.py covers the step itself.",
    ),
    Route(
        "mfa_enrol",
        get=allowed_to(SIGNED_IN),
        post=allowed_to(SIGNED_IN),
        notes="Members may choose it; the others may move it to another phone.",
    ),
    Route(
        "mfa_backup_codes",
        get={**allowed_to(SIGNED_IN), "member": REDIRECT},
        post={**allowed_to(SIGNED_IN, outcome=REDIRECT)},
        notes="Without a second factor (members here) there are no codes: sent to set one up.",
    ),
    Route(
        "mfa_disable",
        get=not_accepted_for(SIGNED_IN),
        post=allowed_to(SIGNED_IN, outcome=REDIRECT),
        notes="Refused, with a message, to those whose role needs two-step verification.",
    ),
    Route("password_change", get=allowed_to(SIGNED_IN), post=allowed_to(SIGNED_IN)),
    Route("password_change_done", get=allowed_to(SIGNED_IN), post=not_accepted_for(SIGNED_IN)),
    Route("password_reset", get=every(OK), post=every(OK)),
    Route("password_reset_done", get=every(OK), post=every(NOT_ALLOWED)),
    Route(
        "password_reset_confirm",
        get=every(OK),
        post=every(OK),
        kwargs=lambda s: {"uidb64": "MTIzNDU2Nzg", "token": "bogus-token"},
        notes="A bogus link shows “this link is no longer valid” for any method.",
    ),
    Route("password_reset_complete", get=every(OK), post=every(NOT_ALLOWED)),
    # --- The work plan (members read and post updates; co-chairs edit the plan) ---
    Route("workplan:plan", get=allowed_to(MEMBERS), post=not_accepted_for(MEMBERS)),
    Route("workplan:dashboard", get=allowed_to(MEMBERS), post=not_accepted_for(MEMBERS)),
    Route("workplan:my_actions", get=allowed_to(MEMBERS), post=not_accepted_for(MEMBERS)),
    Route(
        "workplan:action",
        get=allowed_to(MEMBERS),
        post=not_accepted_for(MEMBERS),
        kwargs=_action,
    ),
    Route(
        "workplan:plan_export",
        get=allowed_to(MEMBERS),
        post=not_accepted_for(MEMBERS),
        kwargs=lambda s: {"fmt": "csv"},
        page=False,
    ),
    Route(
        "workplan:update_create",
        get=allowed_to(MEMBERS),
        post=allowed_to(MEMBERS),
        kwargs=_action,
    ),
    Route(
        "workplan:update_translate",
        get=allowed_to(COCHAIRS),
        post=allowed_to(COCHAIRS),
        kwargs=lambda s: {"pk": s.update_pk},
        notes=(
            "An update's author, the people of the author's organization and co-chairs may "
            "translate it (StatusUpdate.may_be_translated_by). The sample update's author has "
            "no directory entry, so the matrix member, of another organization, is refused; "
            "tests/workplan/test_update_translations.py covers the author and colleagues."
        ),
    ),
    Route(
        "workplan:action_edit",
        get=allowed_to(COCHAIRS),
        post=allowed_to(COCHAIRS),
        kwargs=_action,
    ),
    Route(
        "workplan:action_create",
        get=allowed_to(COCHAIRS),
        post=allowed_to(COCHAIRS),
        kwargs=lambda s: {"pk": s.activity_pk},
    ),
    Route("workplan:activity_create", get=allowed_to(COCHAIRS), post=allowed_to(COCHAIRS)),
    Route(
        "workplan:activity_edit",
        get=allowed_to(COCHAIRS),
        post=allowed_to(COCHAIRS),
        kwargs=lambda s: {"pk": s.activity_pk},
    ),
    # --- Reports to the council ---
    Route("reports:report", get=allowed_to(MEMBERS), post=not_accepted_for(MEMBERS)),
    Route(
        "reports:report_download",
        get=allowed_to(COCHAIRS),
        post=not_accepted_for(COCHAIRS),
        kwargs=lambda s: {"fmt": "csv"},
        page=False,
    ),
    Route("reports:meeting_create", get=allowed_to(COCHAIRS), post=allowed_to(COCHAIRS)),
    # --- The partnership guide: public reading ---
    Route("partnerships:guide", get=every(OK), post=every(NOT_ALLOWED)),
    Route(
        "partnerships:chapter",
        get=every(OK),
        post=every(NOT_ALLOWED),
        kwargs=lambda s: {"slug": s.guide.chapter_slugs[reader_language()]},
    ),
    Route("partnerships:case_studies", get=every(OK), post=every(NOT_ALLOWED)),
    Route(
        "partnerships:case_study",
        get=every(OK),
        post=every(NOT_ALLOWED),
        kwargs=lambda s: {"slug": s.guide.case_study_slugs[reader_language()]},
    ),
    Route("partnerships:contacts", get=every(OK), post=every(NOT_ALLOWED)),
    Route("partnerships:search", get=every(OK), post=every(NOT_ALLOWED)),
    Route("partnerships:guide_pdf", get=every(OK), post=every(NOT_ALLOWED), page=False),
    Route("partnerships:sitemap", get=every(OK), post=every(NOT_ALLOWED), page=False),
    # --- The partnership guide: editors and co-chairs ---
    Route("partnerships:edit_index", get=allowed_to(EDITORS), post=not_accepted_for(EDITORS)),
    Route("partnerships:translations", get=allowed_to(EDITORS), post=not_accepted_for(EDITORS)),
    Route(
        "partnerships:item_create",
        get=allowed_to(EDITORS),
        post=allowed_to(EDITORS),
        kwargs=lambda s: {"kind": "case-study"},
    ),
    Route(
        "partnerships:item_edit",
        get=allowed_to(EDITORS),
        post=allowed_to(EDITORS),
        kwargs=_guide_case,
    ),
    Route(
        "partnerships:item_review",
        get=allowed_to(EDITORS),
        post=not_accepted_for(EDITORS),
        kwargs=_guide_case,
    ),
    Route(
        "partnerships:item_stage",
        get=not_accepted_for(EDITORS),
        post=allowed_to(EDITORS, outcome=REDIRECT),
        kwargs=_guide_case,
        notes="An empty form names no step: back to the review page with a message.",
    ),
    Route(
        "partnerships:revisions",
        get=allowed_to(EDITORS),
        post=not_accepted_for(EDITORS),
        kwargs=_guide_case,
    ),
    Route(
        "partnerships:revision_restore",
        get=not_accepted_for(EDITORS),
        post=allowed_to(EDITORS, outcome=REDIRECT),
        kwargs=lambda s: {**_guide_case(s), "history_id": s.guide.history_id},
    ),
    Route(
        "partnerships:translation_mark_current",
        get=not_accepted_for(EDITORS),
        post=allowed_to(EDITORS, outcome=REDIRECT),
        kwargs=lambda s: {**_guide_case(s), "language": "fr"},
    ),
    Route("partnerships:contact_list", get=allowed_to(EDITORS), post=not_accepted_for(EDITORS)),
    Route("partnerships:contact_create", get=allowed_to(EDITORS), post=allowed_to(EDITORS)),
    Route(
        "partnerships:contact_edit",
        get=allowed_to(EDITORS),
        post=allowed_to(EDITORS),
        kwargs=lambda s: {"pk": s.guide.contact_pk},
    ),
    Route("partnerships:model_list", get=allowed_to(EDITORS), post=not_accepted_for(EDITORS)),
    Route("partnerships:model_create", get=allowed_to(EDITORS), post=allowed_to(EDITORS)),
    Route(
        "partnerships:model_edit",
        get=allowed_to(EDITORS),
        post=allowed_to(EDITORS),
        kwargs=lambda s: {"pk": s.guide.model_pk},
    ),
]

ROUTES_BY_NAME = {route.name: route for route in ROUTES}

# Routed only in some configurations: `make bench` sets BENCHMARK_FLOOR to route the floor page.
CONDITIONAL_NAMES = frozenset({"floor"})

# The Django admin: one family, reached by superusers only (staff flag and all permissions).
ADMIN_NAMESPACE = "admin"
# Each sample with where an anonymous visitor goes: the admin's index sends them to its own
# login; its other pages are closed first by LoginRequiredMiddleware, which sends them to the
# portal's sign-in. Signed-in users without the staff flag go to the admin's login.
ADMIN_SAMPLES = (
    ("admin:index", {}, ADMIN_LOGIN),
    ("admin:directory_user_changelist", {}, SIGN_IN),
    ("admin:auth_group_changelist", {}, SIGN_IN),
)
ADMIN_EXPECTED = {
    **dict.fromkeys(ROLES, ADMIN_LOGIN),
    "superuser": OK,
}


def routed_names() -> tuple[set[str], list[str]]:
    """Every URL name the resolver knows ("namespace:name"), and the unnamed patterns.

    Names under the admin namespace are left out: the admin is one family (ADMIN_SAMPLES).
    """
    from django.urls import URLPattern, URLResolver, get_resolver

    names: set[str] = set()
    unnamed: list[str] = []

    def walk(patterns, namespaces: tuple[str, ...], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
                if inner and inner[0] == ADMIN_NAMESPACE:
                    continue
                walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                if pattern.name is None:
                    unnamed.append(prefix + str(pattern.pattern))
                else:
                    names.add(":".join((*namespaces, pattern.name)))

    walk(get_resolver().url_patterns, (), "")
    return names, unnamed


def cases() -> Iterator[tuple[Route, str, str]]:
    """Every (route, role, method) the permission matrix checks."""
    for route in ROUTES:
        for method in METHODS:
            for role in ROLES:
                yield route, role, method
