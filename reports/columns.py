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

# The partnership guide's section: case studies new, updated or featured in the period.
GUIDE_COLUMNS = (
    Column("case_study", _("Case study"), html=True, csv=True, xlsx=40, docx=2.8, pdf=30),
    Column("partners", _("Partners"), html=True, csv=True, xlsx=40, docx=2.6, pdf=27),
    Column("case_status", _("Status"), html=True, csv=True, xlsx=10, docx=0.8, pdf=8),
    Column(
        "province",
        _("Province or territory"),
        html=True,
        csv=True,
        xlsx=16,
        docx=1.3,
        pdf=13,
    ),
    Column("happened", _("What happened"), html=True, csv=True, xlsx=34, docx=2.5, pdf=22),
)
