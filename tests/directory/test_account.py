"""The account page: who the user is and their roles, named in the reader's language."""

import lxml.html
import pytest
from django.utils import translation

from portal.roles import Role
from tests.auth import sign_in
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def roles_listed(response) -> list[str]:
    doc = lxml.html.fromstring(response.content)
    return [li.text_content().strip() for li in doc.xpath("//main//dd//li")]


@pytest.mark.parametrize(("language", "path"), [("en", "/en/account/"), ("fr", "/fr/compte/")])
def test_roles_are_named_by_their_labels_never_their_codes(client, language, path):
    sign_in(client, UserFactory(roles=[Role.COCHAIR, Role.EDITOR]))
    response = client.get(path)
    assert response.status_code == 200
    with translation.override(language):
        expected = [str(Role.EDITOR.label), str(Role.COCHAIR.label)]  # in Role's order
    assert roles_listed(response) == expected
    assert "cochair" not in [label.lower() for label in roles_listed(response)]


def test_a_user_without_a_role_is_told_so(client):
    sign_in(client, UserFactory())
    assert roles_listed(client.get("/en/account/")) == ["None yet"]
