"""The council report's table: the plan's columns (workplan/columns.py) and the report's own.

Every format reads this one list: CSV and Excel take the columns with a width for them, the
Word, PDF and HTML tables the seed document's columns, then status and progress.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.exports.columns import Column
from workplan.columns import (
    ACTIVITY,
    DESCRIPTION,
    DUE,
    DUE_EDTF,
    DUE_LAST_DAY,
    EXPECTED_RESULTS,
    HEALTH,
    REMARKS,
    RESOURCES,
    RESPONSIBLE,
    START,
    START_EDTF,
    START_FIRST_DAY,
    STATUS,
)

ACTION_NUMBER = Column(
    "code",
    pgettext_lazy("action number", "No."),
    html=True,
    csv=True,
    xlsx=7,
    docx=0.45,
    pdf=3.5,
    wraps=False,
)
CHANGES = Column("changes", _("Status changes"), csv=True, xlsx=30)
PROGRESS = Column(
    "progress",
    _("Progress since the last meeting"),
    html=True,
    csv=True,
    xlsx=60,
    docx=1.5,
    pdf=22,
)
LATEST_UPDATE = Column("latest_update", _("Latest update"), xlsx=12, wraps=False, date=True)

REPORT_COLUMNS = (
    ACTIVITY,
    ACTION_NUMBER,
    DESCRIPTION,
    RESPONSIBLE,
    START,
    START_FIRST_DAY,
    START_EDTF,
    DUE,
    DUE_LAST_DAY,
    DUE_EDTF,
    RESOURCES,
    EXPECTED_RESULTS,
    REMARKS,
    STATUS,
    HEALTH,
    CHANGES,
    PROGRESS,
    LATEST_UPDATE,
)
