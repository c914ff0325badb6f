"""The columns of the plan's table, declared once: the plan page, its CSV and Excel downloads,
and the council report (reports/columns.py adds the report's own) all read them here.

Widths per format are described in portal/exports/columns.py; on a page they come from the
stylesheet. The seed document's table is: action, description / measure, responsible, start,
due, resources needed, expected results, remarks; the portal adds status and health.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.exports.columns import Column

# Spreadsheet widths are chosen so that the printed columns of a report sheet fit one landscape
# page at about 70 % (the size of the PDF's text); the date cells that tools read are not printed.
ACTIVITY = Column("activity", _("Activity"), csv=True, xlsx=10)
ACTION = Column("code", _("Action"), html=True, csv=True, xlsx=7, wraps=False)
DESCRIPTION = Column(
    "description", _("Description / measure"), html=True, csv=True, xlsx=30, docx=1.75, pdf=14.5
)
RESPONSIBLE = Column("responsible", _("Responsible"), html=True, csv=True, xlsx=14, docx=1.0, pdf=9)
START = Column("start", _("Start date"), html=True, csv=True, xlsx=10, docx=0.75, pdf=7.5)
DUE = Column("due", _("Due date"), html=True, csv=True, xlsx=10, docx=0.9, pdf=7.5)
RESOURCES = Column(
    "resources",
    _("Resources needed (staff, funding, etc.)"),
    html=True,
    csv=True,
    xlsx=18,
    docx=1.0,
    pdf=9,
)
EXPECTED_RESULTS = Column(
    "expected_results", _("Expected results"), html=True, csv=True, xlsx=20, docx=1.25, pdf=11
)
REMARKS = Column("remarks", _("Remarks"), html=True, csv=True, xlsx=14, docx=0.9, pdf=8)
STATUS = Column("status", _("Status"), html=True, csv=True, xlsx=11, docx=0.85, pdf=8)
HEALTH = Column("health", _("Health"), csv=True, xlsx=9)
OVERDUE = Column("overdue", pgettext_lazy("due date", "Overdue"), csv=True, xlsx=10)
LAST_UPDATED = Column("last_updated", _("Last updated"), csv=True, xlsx=11, date=True)
# Each fuzzy date again as a date cell (to sort and filter) and in ISO 8601-2 (EDTF).
START_FIRST_DAY = Column(
    "start_first_day", _("Start (first day)"), csv=True, xlsx=12, date=True, printed=False
)
START_EDTF = Column("start_edtf", _("Start (ISO 8601-2)"), csv=True, xlsx=14, printed=False)
DUE_LAST_DAY = Column(
    "due_last_day", _("Due (last day)"), csv=True, xlsx=12, date=True, printed=False
)
DUE_EDTF = Column("due_edtf", _("Due (ISO 8601-2)"), csv=True, xlsx=14, printed=False)

# What the plan says of each action, after its number: shared by the plan and the report.
ACTION_DETAILS = (
    DESCRIPTION,
    RESPONSIBLE,
    START,
    DUE,
    RESOURCES,
    EXPECTED_RESULTS,
    REMARKS,
    STATUS,
    HEALTH,
)
# The fuzzy dates for other tools: last, after what a person reads (and prints).
DATES_FOR_TOOLS = (START_FIRST_DAY, START_EDTF, DUE_LAST_DAY, DUE_EDTF)

# The plan page and its downloads, in this order.
PLAN_COLUMNS = (ACTIVITY, ACTION, *ACTION_DETAILS, OVERDUE, LAST_UPDATED, *DATES_FOR_TOOLS)
