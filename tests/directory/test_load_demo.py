import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.models import Person, User
from workplan.models import Action, ExpectedResult

pytestmark = pytest.mark.django_db


def test_demo_data_loads_once_however_often_it_runs(settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (User.objects.count(), Person.objects.count(), Action.objects.count())
    results = ExpectedResult.objects.count()
    call_command("load_demo")
    assert (User.objects.count(), Person.objects.count(), Action.objects.count()) == counts
    assert ExpectedResult.objects.count() == results
    assert counts[2] == 7
    for role in ("member", "editor", "steward", "cochair"):
        assert User.objects.get(username=role).groups.filter(name=role).exists()
    assert User.objects.get(username="admin").is_superuser


def test_no_demo_accounts_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo")
    assert not User.objects.filter(username="member").exists()
