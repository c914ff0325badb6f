from django.utils.translation import gettext_lazy as _

from portal.navigation import Section, register
from portal.roles import Role

register(
    Section(
        "reports",
        _("Reports"),
        "reports:report",
        roles=(Role.MEMBER,),
        current=("reports:*",),
        order=40,
    ),
)
