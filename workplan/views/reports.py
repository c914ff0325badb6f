"""Council progress reports (page, downloads, meetings) and the filtered plan's downloads."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods
from modeltranslation.utils import get_language

from directory.access import role_required
from directory.roles import Role, has_role
from workplan.filters import ActionFilter
from workplan.models import Action
from workplan.reports import csv, docx, pdf, xlsx
from workplan.reports import plan_export as plan_files
from workplan.reports.content import period_resolve, report_build
from workplan.reports.forms import MeetingForm, ReportForm
from workplan.reports.meetings import meeting_create as meeting_save

REPORT_FORMATS = {"pdf": pdf, "docx": docx, "xlsx": xlsx, "csv": csv}
PLAN_FORMATS = {
    "csv": (plan_files.render_csv, csv.CONTENT_TYPE),
    "xlsx": (plan_files.render_xlsx, xlsx.CONTENT_TYPE),
}


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


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def report_filename(report, extension: str) -> str:
    """progress-report-2026-11-28-en.pdf / rapport-etape-2026-11-28-fr.pdf"""
    with translation.override(report.language):
        stem = pgettext("file name", "progress-report")
    return f"{stem}-{report.as_of.isoformat()}-{report.language}.{extension}"


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
            "may_export": may_export,
            "nav_section": "reports",
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
    return _attachment(
        module.render(report), module.CONTENT_TYPE, report_filename(report, module.EXTENSION)
    )


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    """Add a meeting, then show the report for it."""
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = meeting_save(**form.cleaned_data)
        messages.success(request, _("The meeting was added."))
        return redirect(f"{reverse('reports:report')}?{urlencode({'meeting': meeting.pk})}")
    return render(request, "reports/meeting_form.html", {"form": form, "nav_section": "reports"})


@role_required(Role.MEMBER)
@require_GET
def plan_export(request, fmt):
    """The plan exactly as filtered on screen, as CSV or Excel, in the page's language."""
    if fmt not in PLAN_FORMATS:
        raise Http404(_("Unknown file format."))
    render_file, content_type = PLAN_FORMATS[fmt]
    actions = ActionFilter(request.GET, queryset=Action.objects.with_related(), request=request).qs
    language = get_language()
    stem = pgettext("file name", "work-plan")
    filename = f"{stem}-{timezone.localdate().isoformat()}-{language}.{fmt}"
    return _attachment(render_file(actions), content_type, filename)
