import pytest
from django.contrib.staticfiles import finders

from directory.models import Organization
from tests.auth import sign_in

pytestmark = pytest.mark.django_db


def test_superuser_edits_an_organization_in_both_languages(client, superuser):
    sign_in(client, superuser)
    response = client.get("/en/admin/directory/organization/add/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="name_en"' in body
    assert 'name="name_fr"' in body
    # The translation tabs' jQuery UI is served by the portal, not a CDN.
    assert "/static/jquery-ui/jquery-ui.min.js" in body
    assert "googleapis" not in body
    assert finders.find("jquery-ui/jquery-ui.min.js")


def test_saving_an_organization_through_the_admin(client, superuser):
    sign_in(client, superuser)
    response = client.post(
        "/en/admin/directory/organization/add/",
        {
            "key": "gnb",
            "name_en": "Government of New Brunswick",
            "name_fr": "Gouvernement du Nouveau-Brunswick",
            "acronym_en": "GNB",
            "acronym_fr": "GNB",
            "order_of_government": "provincial",
            "province": "NB",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(key="gnb")
    assert organization.name_fr == "Gouvernement du Nouveau-Brunswick"


def test_a_member_cannot_reach_the_admin(member_client):
    response = member_client.get("/en/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url
