from django.utils.translation import gettext_lazy as _

from portal.navigation import Section, register
from portal.roles import Role

register(
    Section(
        "guide",
        _("Partnership guide"),
        "partnerships:guide",
        current=(
            "partnerships:guide",
            "partnerships:chapter",
            "partnerships:case_studies",
            "partnerships:case_study",
            "partnerships:contacts",
            "partnerships:search",
        ),
        order=50,
    ),
    Section(
        "guide_edit",
        _("Edit the guide"),
        "partnerships:edit_index",
        roles=(Role.EDITOR, Role.COCHAIR),
        current=("partnerships:*",),
        order=55,
    ),
)
