import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.management.commands.load_demo import DEMO_PASSWORD
from directory.mfa import demo
from directory.models import Person, User
from tests.auth import code_for
from workplan.models import Action, ExpectedResult

pytestmark = pytest.mark.django_db

ON_SQLITE = connection.vendor == "sqlite"


def test_demo_data_loads_once_however_often_it_runs(settings):
    settings.DEBUG = True
    call_command("load_demo", "--any-database")
    counts = (User.objects.count(), Person.objects.count(), Action.objects.count())
    results = ExpectedResult.objects.count()
    call_command("load_demo", "--any-database")
    assert (User.objects.count(), Person.objects.count(), Action.objects.count()) == counts
    assert ExpectedResult.objects.count() == results
    assert counts[2] == 7
    for role in ("member", "editor", "steward", "cochair"):
        assert User.objects.get(username=role).groups.filter(name=role).exists()
    assert User.objects.get(username="admin").is_superuser


def test_no_demo_accounts_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo", "--any-database")
    assert not User.objects.filter(username="member").exists()


@pytest.mark.skipif(ON_SQLITE, reason="the refusal concerns databases other than SQLite")
def test_no_demo_accounts_on_a_real_database_unless_asked(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="only into the embedded SQLite"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()


@pytest.mark.skipif(not ON_SQLITE, reason="the embedded database is SQLite")
def test_the_embedded_database_gets_the_demo_accounts_by_default(settings):
    settings.DEBUG = True
    call_command("load_demo")
    assert User.objects.filter(username="admin").exists()


def test_privileged_demo_accounts_sign_in_with_the_printed_demo_key(client, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", "--any-database")
    printed = capsys.readouterr().out
    assert demo.key_grouped() in printed
    assert not TOTPDevice.objects.filter(user__username="member").exists()
    for username in ("editor", "steward", "cochair", "admin"):
        assert TOTPDevice.objects.get(user__username=username).bin_key == demo.DEMO_KEY

    # The README's way in for a newcomer: password, then the code `demo_code` prints.
    client.post("/en/sign-in/", {"username": "cochair", "password": DEMO_PASSWORD})
    call_command("demo_code")
    code = capsys.readouterr().out.strip()
    assert code == code_for(TOTPDevice.objects.get(user__username="cochair"))
    assert client.post("/en/sign-in/code/", {"code": code}).status_code == 302
    assert client.get("/en/workplan/").status_code == 200


def test_the_demo_code_is_refused_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("demo_code")
