"""Council progress reports: the report page, its downloads, and meetings."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from modeltranslation.utils import get_language

from portal import audit
from portal.access import role_required
from portal.exports.columns import columns_in
from portal.exports.download import attachment, file_name
from portal.roles import Role, has_role
from reports.columns import REPORT_COLUMNS
from reports.content import report_build
from reports.formats import to_csv, to_excel, to_pdf, to_word
from reports.forms import MeetingForm, ReportForm
from reports.period import period_resolve
from reports.services import meeting_create as meeting_save

REPORT_FORMATS = {"pdf": to_pdf, "docx": to_word, "xlsx": to_excel, "csv": to_csv}
FILE_STEM = pgettext_lazy("file name", "progress-report")


def _report_from(form: ReportForm):
    """The report the (valid or empty) form asks for."""
    data = form.cleaned_data if form.is_bound else {}
    period = period_resolve(
        meeting=data.get("meeting"), as_of=data.get("as_of"), since=data.get("since")
    )
    activities = data.get("activities")
    language = data.get("language") or get_language()
    return report_build(
        period=period,
        language=language,
        activity_ids=[a.pk for a in activities] if activities else None,
    )


def _bound_form(request) -> ReportForm:
    return ReportForm(request.GET) if request.GET else ReportForm()


def report_filename(report, extension: str) -> str:
    """progress-report-2026-11-28-en.pdf / rapport-etape-2026-11-28-fr.pdf"""
    return file_name(FILE_STEM, day=report.as_of, language=report.language, extension=extension)


@role_required(Role.MEMBER)
@require_GET
def report(request):
    """The report form and, below it, the report itself (members read; co-chairs download)."""
    form = _bound_form(request)
    report = None
    if not form.is_bound or form.is_valid():
        report = _report_from(form)
    may_export = has_role(request.user, Role.COCHAIR)
    query = request.GET.urlencode()
    downloads = []
    if report is not None and may_export:
        for fmt, label in (
            ("pdf", _("PDF")),
            ("docx", _("Word")),
            ("xlsx", _("Excel")),
            ("csv", _("CSV")),
        ):
            url = reverse("reports:report_download", args=[fmt])
            downloads.append(
                {
                    "fmt": fmt,
                    "label": label,
                    "url": f"{url}?{query}" if query else url,
                    "filename": report_filename(report, fmt),
                }
            )
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "report": report,
            "chosen": form.is_bound,
            # Neither a meeting nor a date chosen: the page says what it shows by default.
            "default_period": not any(
                (form.cleaned_data if form.is_bound and form.is_valid() else {}).get(name)
                for name in ("meeting", "as_of", "since")
            ),
            "downloads": downloads,
            "columns": columns_in(REPORT_COLUMNS, "html"),
            "may_export": may_export,
        },
    )


@role_required(Role.COCHAIR)
@require_GET
def report_download(request, fmt):
    """The report as a file: pdf, docx, xlsx or csv (same query string as the page)."""
    module = REPORT_FORMATS.get(fmt)
    if module is None:
        raise Http404(_("Unknown file format."))
    form = _bound_form(request)
    if form.is_bound and not form.is_valid():
        # Send the co-chair back to the form, which says what to fix.
        return redirect(f"{reverse('reports:report')}?{request.GET.urlencode()}")
    report = _report_from(form)
    filename = report_filename(report, module.EXTENSION)
    content = module.render(report)
    audit.record_download(
        request=request, what="report", fmt=fmt, language=report.language, filename=filename
    )
    return attachment(content, content_type=module.CONTENT_TYPE, filename=filename)


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    """Add a meeting, then show the report for it."""
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = meeting_save(**form.cleaned_data)
        messages.success(request, _("The meeting was added."))
        return redirect(f"{reverse('reports:report')}?{urlencode({'meeting': meeting.pk})}")
    return render(request, "reports/meeting_form.html", {"form": form})
