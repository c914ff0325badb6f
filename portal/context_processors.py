import datetime

from django.urls import translate_url

from portal.languages import other_language
from portal.navigation import links_for
from portal.roles import Role, has_role

# The day this version of the portal was released: the default "Date modified" of its pages.
PORTAL_RELEASE_DATE = datetime.date(2026, 11, 28)


def portal(request):
    """The other official language with this same page in it, the user's roles and the
    navigation sections they may open."""
    current = getattr(request, "LANGUAGE_CODE", "en")
    other = other_language(current)
    match = getattr(request, "resolver_match", None)
    return {
        "navigation": links_for(request.user, match.view_name if match else None),
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "portal_roles": {role.value: has_role(request.user, role) for role in Role},
        "portal_release_date": PORTAL_RELEASE_DATE,
    }
