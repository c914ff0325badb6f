"""The audit trail (portal/audit.py, portal.models.AuditEntry), through the real stack: the
sign-in form, django-axes, the 403 and CSRF pages, the groups of a user, the downloads and the
admin where superusers read it."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from portal import audit
from portal.models import AuditEntry
from portal.roles import Role
from tests.auth import sign_in
from tests.directory.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

Kind = AuditEntry.Kind
SIGN_IN_URL = "/en/sign-in/"
CLIENT_ADDRESS = "203.0.113.7"
AUDIT_ADMIN = "/en/admin/portal/auditentry/"


def entries(kind):
    return list(AuditEntry.objects.filter(kind=kind).order_by("pk"))


def only(kind) -> AuditEntry:
    found = entries(kind)
    assert len(found) == 1, found
    return found[0]


# --- Sign-in, failures, lockout, sign-out ----------------------------------------------------


def test_a_sign_in_through_the_form_is_recorded_with_the_address(client, member):
    response = client.post(
        SIGN_IN_URL, {"username": "member", "password": PASSWORD}, REMOTE_ADDR=CLIENT_ADDRESS
    )
    assert response.status_code == 302
    entry = only(Kind.SIGN_IN)
    assert (entry.user, entry.username) == (member, "member")
    assert entry.ip_address == CLIENT_ADDRESS
    assert entry.path == SIGN_IN_URL
    assert timezone.now() - entry.when < datetime.timedelta(minutes=1)
    assert not entries(Kind.SIGN_IN_FAILED)


def test_a_failed_sign_in_records_what_was_typed(client, member):
    client.post(
        SIGN_IN_URL, {"username": "member", "password": "wrong"}, REMOTE_ADDR=CLIENT_ADDRESS
    )
    client.post(SIGN_IN_URL, {"username": "nobody", "password": "wrong"})
    aimed_at_member, unknown = entries(Kind.SIGN_IN_FAILED)
    # An attempt on an existing account names it; one on no account keeps only what was typed.
    assert (aimed_at_member.username, aimed_at_member.user) == ("member", member)
    assert aimed_at_member.ip_address == CLIENT_ADDRESS
    assert (unknown.username, unknown.user) == ("nobody", None)
    assert not entries(Kind.SIGN_IN)


def test_a_10000_character_username_is_recorded_cut_without_error(client, member):
    response = client.post(SIGN_IN_URL, {"username": "x" * 10_000, "password": "wrong"})
    assert response.status_code == 200
    entry = only(Kind.SIGN_IN_FAILED)
    assert entry.username == "x" * 149 + "…"
    assert entry.user is None


def test_invisible_characters_in_a_username_are_written_out(client, member):
    # A right-to-left override would make the entry read backwards in the admin ("admin").
    # (A null byte never gets this far: the form refuses it before any password is checked.)
    client.post(SIGN_IN_URL, {"username": "adm\u202enimda", "password": "wrong"})
    entry = only(Kind.SIGN_IN_FAILED)
    assert entry.username == "adm\\u202enimda"


def test_a_lockout_is_recorded(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(SIGN_IN_URL, {"username": "member", "password": "wrong"})
    assert len(entries(Kind.SIGN_IN_FAILED)) == settings.AXES_FAILURE_LIMIT
    locked = entries(Kind.LOCKED_OUT)
    assert locked
    assert {(e.username, e.user) for e in locked} == {("member", member)}
    assert all(e.ip_address == "127.0.0.1" and e.path == SIGN_IN_URL for e in locked)
    # The right password is refused now, and that attempt is recorded as refused too.
    response = client.post(SIGN_IN_URL, {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    assert not entries(Kind.SIGN_IN)


def test_sign_out_is_recorded(client, member):
    sign_in(client, member)
    client.post("/en/sign-out/")
    entry = only(Kind.SIGN_OUT)
    assert (entry.user, entry.path) == (member, "/en/sign-out/")


@override_settings(PROXY_COUNT=1)
def test_behind_the_load_balancer_the_forwarded_client_address_is_recorded(client, member):
    # The load balancer appends the address it received from; what the client wrote itself
    # further left ("forged") is not believed.
    client.post(
        SIGN_IN_URL,
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=f"198.51.100.9, {CLIENT_ADDRESS}",
    )
    assert only(Kind.SIGN_IN).ip_address == CLIENT_ADDRESS


# --- Refusals ---------------------------------------------------------------------------------


def test_a_member_refused_a_cochair_page_is_recorded(member_client, member):
    url = reverse("reports:meeting_create")
    response = member_client.get(f"{url}?from=probe", REMOTE_ADDR=CLIENT_ADDRESS)
    assert response.status_code == 403
    entry = only(Kind.ACCESS_DENIED)
    assert (entry.user, entry.path, entry.ip_address) == (member, url, CLIENT_ADDRESS)
    assert entry.detail == f"GET {url}?from=probe"


def test_a_csrf_failure_is_a_recorded_403_on_the_portal_page(member):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, member)
    response = client.post("/fr/deconnexion/", REMOTE_ADDR=CLIENT_ADDRESS)
    assert response.status_code == 403
    # The portal's own page, in the reader's language, not Django's bare CSRF page.
    assert "Le formulaire a expiré" in response.content.decode()
    entry = only(Kind.ACCESS_DENIED)
    assert (entry.user, entry.path, entry.ip_address) == (
        member,
        "/fr/deconnexion/",
        CLIENT_ADDRESS,
    )
    assert entry.detail.startswith("POST /fr/deconnexion/ CSRF: ")
    # The person is still signed in: the forged sign-out did nothing.
    assert not entries(Kind.SIGN_OUT)


def test_an_anonymous_csrf_failure_is_recorded_without_an_account():
    response = Client(enforce_csrf_checks=True).post(
        SIGN_IN_URL, {"username": "member", "password": "x"}
    )
    assert response.status_code == 403
    entry = only(Kind.ACCESS_DENIED)
    assert (entry.user, entry.username, entry.path) == (None, "", SIGN_IN_URL)


# --- Roles and superuser status ----------------------------------------------------------------


def role_entries():
    return [
        (e.kind, e.username, e.detail)
        for e in AuditEntry.objects.filter(
            kind__in=[Kind.ROLE_GRANTED, Kind.ROLE_REMOVED]
        ).order_by("pk")
    ]


def test_roles_given_and_taken_from_either_side_are_recorded(db):
    marie, jean = UserFactory(username="marie"), UserFactory(username="jean")
    cochair = Group.objects.get(name=Role.COCHAIR)
    member = Group.objects.get(name=Role.MEMBER)

    marie.groups.add(cochair)
    marie.groups.add(member)
    cochair.user_set.remove(marie)
    member.user_set.add(jean)
    jean.groups.remove(member)
    cochair.user_set.add(marie, jean)
    assert role_entries() == [
        (Kind.ROLE_GRANTED, "marie", "cochair"),
        (Kind.ROLE_GRANTED, "marie", "member"),
        (Kind.ROLE_REMOVED, "marie", "cochair"),
        (Kind.ROLE_GRANTED, "jean", "member"),
        (Kind.ROLE_REMOVED, "jean", "member"),
        (Kind.ROLE_GRANTED, "marie", "cochair"),
        (Kind.ROLE_GRANTED, "jean", "cochair"),
    ]
    for person in (marie, jean):
        assert {e.user for e in AuditEntry.objects.filter(username=person.username)} == {person}


def test_clearing_roles_records_each_role_that_was_held(db):
    marie = UserFactory(username="marie", roles=[Role.MEMBER, Role.EDITOR])
    jean = UserFactory(username="jean", roles=[Role.EDITOR])
    AuditEntry.objects.all().delete()

    marie.groups.clear()
    Group.objects.get(name=Role.EDITOR).user_set.clear()
    assert sorted(role_entries()) == [
        (Kind.ROLE_REMOVED, "jean", "editor"),
        (Kind.ROLE_REMOVED, "marie", "editor"),
        (Kind.ROLE_REMOVED, "marie", "member"),
    ]
    assert not jean.groups.exists()


def test_a_change_that_changes_nothing_records_nothing(db):
    marie = UserFactory(username="marie", roles=[Role.MEMBER])
    AuditEntry.objects.all().delete()
    member, steward = Group.objects.get(name=Role.MEMBER), Group.objects.get(name=Role.STEWARD)

    marie.groups.add(member)  # already held
    marie.groups.remove(steward)  # never held
    steward.user_set.clear()  # nobody holds it
    marie.save()
    assert not AuditEntry.objects.exists()


def _change_form_data(response) -> dict:
    """What the admin's change form would send back unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if field.disabled or value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = local.date(), local.time()
        elif isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = value
    return data


def test_a_role_and_superuser_status_given_in_the_admin_say_by_whom(admin_client, superuser):
    marie = UserFactory(username="marie", roles=[Role.MEMBER])
    AuditEntry.objects.all().delete()
    url = f"/en/admin/directory/user/{marie.pk}/change/"
    data = _change_form_data(admin_client.get(url))
    data["groups"] = [Group.objects.get(name=Role.COCHAIR).pk]
    data["is_superuser"] = "on"

    response = admin_client.post(url, data, REMOTE_ADDR=CLIENT_ADDRESS)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(role_entries()) == [
        (Kind.ROLE_GRANTED, "marie", "cochair by admin"),
        (Kind.ROLE_REMOVED, "marie", "member by admin"),
    ]
    granted = only(Kind.SUPERUSER_GRANTED)
    assert (granted.user, granted.detail) == (marie, "by admin")
    assert (granted.ip_address, granted.path) == (CLIENT_ADDRESS, url)


def test_superuser_status_given_and_taken_is_recorded(db):
    jean = UserFactory(username="jean")
    jean.is_superuser = True
    jean.save()
    jean.is_superuser = False
    jean.save()
    UserFactory(username="root", superuser=True)
    assert [(e.kind, e.username, e.detail) for e in AuditEntry.objects.order_by("pk")] == [
        (Kind.SUPERUSER_GRANTED, "jean", ""),
        (Kind.SUPERUSER_REMOVED, "jean", ""),
        (Kind.SUPERUSER_GRANTED, "root", ""),
    ]


def test_saving_a_sign_in_time_costs_no_superuser_check(db, django_assert_num_queries):
    jean = UserFactory(username="jean")
    jean.last_login = timezone.now()
    with django_assert_num_queries(1):
        jean.save(update_fields=["last_login"])


# --- Downloads ---------------------------------------------------------------------------------


def test_a_report_download_is_recorded_with_what_was_downloaded(client, cochair, seed_plan):
    sign_in(client, cochair)
    with translation.override("fr"):
        url = reverse("reports:report_download", args=["csv"])
    response = client.get(f"{url}?language=en", REMOTE_ADDR=CLIENT_ADDRESS)
    assert response.status_code == 200
    entry = only(Kind.DOWNLOAD)
    assert (entry.user, entry.path, entry.ip_address) == (cochair, url, CLIENT_ADDRESS)
    # What, format, language (the report's, chosen in the form), the file, the query.
    assert re.fullmatch(
        r"report csv en progress-report-\d{4}-\d\d-\d\d-en\.csv \?language=en", entry.detail
    ), entry.detail


def test_a_plan_export_is_recorded(member_client, member, seed_plan):
    with translation.override("fr"):
        url = reverse("workplan:plan_export", args=["xlsx"])
    assert member_client.get(url).status_code == 200
    entry = only(Kind.DOWNLOAD)
    assert entry.user == member
    assert re.fullmatch(r"plan xlsx fr \S+-\d{4}-\d\d-\d\d-fr\.xlsx", entry.detail), entry.detail


def test_a_refused_download_is_a_403_not_a_download(member_client, seed_plan):
    url = reverse("reports:report_download", args=["pdf"])
    assert member_client.get(url).status_code == 403
    assert only(Kind.ACCESS_DENIED).path == url
    assert not entries(Kind.DOWNLOAD)


# --- record() itself -----------------------------------------------------------------------------


def test_record_takes_any_input_without_failing(member):
    request = RequestFactory().get("/en/" + "p" * 1_000, REMOTE_ADDR="not-an-address")
    request.user = member
    entry = audit.record(kind=Kind.MFA_FAILED, request=request, detail="d\x00" * 5_000 + "\ud800")
    entry.refresh_from_db()
    assert (entry.user, entry.username, entry.ip_address) == (member, "member", None)
    assert len(entry.path) == 500
    assert entry.path.endswith("p…")
    assert len(entry.detail) == 300
    assert "\x00" not in entry.detail
    assert entry.detail.startswith("d\\u0000d\\u0000")


def test_record_without_a_request_and_an_unknown_kind(member):
    entry = audit.record(kind=Kind.MFA_RESET, user=member, detail="administrator")
    assert (entry.username, entry.ip_address, entry.path) == ("member", None, "")
    with pytest.raises(ValueError, match="not-a-kind"):
        audit.record(kind="not-a-kind")


# --- The admin: superusers read, nobody writes --------------------------------------------------


def _some_entries(count: int) -> None:
    users = [UserFactory(username=f"person{n}") for n in range(max(1, count // 10))]
    AuditEntry.objects.bulk_create(
        AuditEntry(
            kind=Kind.DOWNLOAD if n % 2 else Kind.SIGN_IN,
            user=users[n % len(users)],
            username=users[n % len(users)].username,
            ip_address=CLIENT_ADDRESS,
            path="/en/reports/download/pdf/",
            detail=f"report pdf en entry-{n}",
        )
        for n in range(count)
    )


def test_a_superuser_reads_and_filters_the_trail(admin_client):
    _some_entries(6)
    body = admin_client.get(AUDIT_ADMIN).content.decode()
    assert "entry-5" in body
    assert "entry-0" in body
    filtered = admin_client.get(f"{AUDIT_ADMIN}?kind=download")
    assert filtered.status_code == 200
    shown = {e.detail for e in filtered.context["cl"].result_list}
    assert shown == {"report pdf en entry-1", "report pdf en entry-3", "report pdf en entry-5"}
    searched = admin_client.get(f"{AUDIT_ADMIN}?q=entry-4")
    assert [e.detail for e in searched.context["cl"].result_list] == ["report pdf en entry-4"]
    today = timezone.localdate()
    by_day = admin_client.get(
        f"{AUDIT_ADMIN}?when__year={today.year}&when__month={today.month}&when__day={today.day}"
    )
    assert by_day.status_code == 200
    assert len(by_day.context["cl"].result_list) >= 6


def test_the_trail_cannot_be_added_changed_or_deleted(admin_client):
    _some_entries(1)
    entry = AuditEntry.objects.get(detail="report pdf en entry-0")
    changelist = admin_client.get(AUDIT_ADMIN).content.decode()
    assert f"{AUDIT_ADMIN}add/" not in changelist
    assert 'value="delete_selected"' not in changelist
    assert admin_client.get(f"{AUDIT_ADMIN}add/").status_code == 403
    assert admin_client.post(f"{AUDIT_ADMIN}add/", {"kind": "sign-in"}).status_code == 403
    # The entry opens read-only: no save button, and a POST changes nothing.
    page = admin_client.get(f"{AUDIT_ADMIN}{entry.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert (
        admin_client.post(f"{AUDIT_ADMIN}{entry.pk}/change/", {"detail": "rewritten"}).status_code
        == 403
    )
    assert admin_client.post(f"{AUDIT_ADMIN}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    deleted = admin_client.post(
        AUDIT_ADMIN, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    assert deleted.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.detail == "report pdf en entry-0"


def test_staff_who_are_not_superusers_cannot_read_the_trail(client):
    staff = UserFactory(username="staff", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    sign_in(client, staff)
    assert client.get(AUDIT_ADMIN).status_code == 403


@pytest.mark.parametrize("count", [5, 150])
def test_the_trail_admin_queries_do_not_grow(admin_client, django_assert_max_num_queries, count):
    _some_entries(count)
    count = AuditEntry.objects.count()  # with the admin's own sign-in
    # Session, user, its second factor; the count; the page's entries with their accounts (one
    # join); the date hierarchy's first and last days, then its days; the session saved (3).
    with django_assert_max_num_queries(10):
        response = admin_client.get(AUDIT_ADMIN)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == min(count, 100)
