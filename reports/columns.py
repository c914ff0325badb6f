"""The council report's table: the plan's columns (workplan/columns.py) and the report's own.

Every format reads this one list: CSV and Excel take the columns with a width for them, the
Word, PDF and HTML tables the seed document's columns, then status and progress.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.exports.columns import Column
from workplan.columns import ACTION_DETAILS, ACTIVITY, DATES_FOR_TOOLS

ACTION_NUMBER = Column(
    "code",
    pgettext_lazy("action number", "No."),
    html=True,
    csv=True,
    xlsx=6,
    docx=0.4,
    pdf=3.5,
    wraps=False,
)
CHANGES = Column("changes", _("Status changes"), csv=True, xlsx=16)
PROGRESS = Column(
    "progress",
    _("Progress since the last meeting"),
    html=True,
    csv=True,
    xlsx=34,
    docx=1.2,
    pdf=22,
)
LATEST_UPDATE = Column("latest_update", _("Latest update"), xlsx=11, date=True)

REPORT_COLUMNS = (
    ACTIVITY,
    ACTION_NUMBER,
    *ACTION_DETAILS,
    CHANGES,
    PROGRESS,
    LATEST_UPDATE,
    *DATES_FOR_TOOLS,
)
