from django.utils.translation import gettext_lazy as _

from portal.navigation import Section, register
from portal.roles import Role

MEMBERS = (Role.MEMBER,)

register(
    Section("dashboard", _("Dashboard"), "workplan:dashboard", roles=MEMBERS, order=10),
    Section(
        "plan",
        _("Work plan"),
        "workplan:plan",
        roles=MEMBERS,
        # Everything under the plan but the two pages that have sections of their own.
        current=(
            "workplan:plan",
            "workplan:action",
            "workplan:update_create",
            "workplan:update_translate",
            "workplan:action_edit",
            "workplan:action_create",
            "workplan:activity_create",
            "workplan:activity_edit",
        ),
        order=20,
    ),
    Section("my_actions", _("My actions"), "workplan:my_actions", roles=MEMBERS, order=30),
)
