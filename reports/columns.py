"""The council report's table: the plan's columns (workplan/columns.py) and the report's own.

Every format reads this one list: CSV and Excel take the columns with a width for them, the
Word, PDF and HTML tables the seed document's columns, then status and progress.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.exports.columns import Column
from workplan.columns import ACTION_DETAILS, ACTIVITY

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

REPORT_COLUMNS = (ACTIVITY, ACTION_NUMBER, *ACTION_DETAILS, CHANGES, PROGRESS, LATEST_UPDATE)
