import datetime

from django.urls import translate_url

from portal.languages import other_language
from portal.roles import Role, has_role

# The day this version of the portal was released: the default "Date modified" of its pages.
PORTAL_RELEASE_DATE = datetime.date(2026, 11, 28)


def portal(request):
    """The other official language with this same page in it, and the user's roles."""
    current = getattr(request, "LANGUAGE_CODE", "en")
    other = other_language(current)
    return {
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "portal_roles": {role.value: has_role(request.user, role) for role in Role},
        "portal_release_date": PORTAL_RELEASE_DATE,
    }
