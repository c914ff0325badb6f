"""Council progress reports: the report page, its downloads, and meetings."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from modeltranslation.utils import get_language

from portal import audit, fragments
from portal.access import role_required
from portal.exports.columns import columns_in
from portal.exports.download import attachment, file_name
from portal.roles import Role, has_role
from reports.columns import GUIDE_COLUMNS, REPORT_COLUMNS
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
    return report_build(
        period=period,
        language=_language(form),
        activity_ids=[a.pk for a in activities] if activities else None,
    )


def _language(form: ReportForm) -> str:
    """The report's language: the one chosen in the form, else the page's."""
    data = form.cleaned_data if form.is_bound else {}
    return data.get("language") or get_language()


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
    has_report = not form.is_bound or form.is_valid()
    # Built only when the page is not in the fragment cache (portal/fragments.py).
    report = SimpleLazyObject(lambda: _report_from(form)) if has_report else None
    may_export = has_role(request.user, Role.COCHAIR)
    query = request.GET.urlencode()

    def downloads():
        if not has_report or not may_export:
            return []
        links = []
        for fmt, label in (
            ("pdf", _("PDF")),
            ("docx", _("Word")),
            ("xlsx", _("Excel")),
            ("csv", _("CSV")),
        ):
            url = reverse("reports:report_download", args=[fmt])
            links.append(
                {
                    "fmt": fmt,
                    "label": label,
                    "url": f"{url}?{query}" if query else url,
                    "filename": report_filename(report, fmt),
                }
            )
        return links

    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "has_report": has_report,
            "report": report,
            "chosen": form.is_bound,
            # Neither a meeting nor a date chosen: the page says what it shows by default.
            "default_period": not any(
                (form.cleaned_data if form.is_bound and form.is_valid() else {}).get(name)
                for name in ("meeting", "as_of", "since")
            ),
            "downloads": downloads,  # a callable: the template calls it when it renders
            "columns": columns_in(REPORT_COLUMNS, "html"),
            "guide_columns": columns_in(GUIDE_COLUMNS, "html"),
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

    def report_file() -> tuple[str, bytes]:
        report = _report_from(form)
        return report_filename(report, module.EXTENSION), module.render(report)

    # The same file for everyone who asks until the plan changes (portal/fragments.py).
    filename, content = fragments.cached(
        "report-file", [fmt, request.GET.urlencode()], report_file, request=request
    )
    audit.record_download(
        request=request, what="report", fmt=fmt, language=_language(form), filename=filename
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
