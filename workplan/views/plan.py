from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET
from modeltranslation.utils import get_language

from portal import audit
from portal.access import role_required
from portal.exports import csv_file, excel
from portal.exports.columns import columns_in
from portal.exports.download import attachment, file_name
from portal.roles import Role
from workplan import exports
from workplan.columns import PLAN_COLUMNS
from workplan.filters import ActionFilter
from workplan.models import Action
from workplan.selectors import PlanRead

PLAN_FORMATS = {
    "csv": (exports.render_csv, csv_file.CONTENT_TYPE),
    "xlsx": (exports.render_xlsx, excel.CONTENT_TYPE),
}
FILE_STEM = pgettext_lazy("file name", "work-plan")


def _filtered(request) -> ActionFilter:
    return ActionFilter(request.GET, queryset=Action.objects.with_related(), request=request)


@role_required(Role.MEMBER)
@require_GET
def plan(request):
    """The plan, activity by activity, filtered by the query string, a page at a time."""
    action_filter = _filtered(request)
    filtered = action_filter.is_filtered
    return render(
        request,
        "workplan/plan.html",
        {
            "filter": action_filter,
            "filtered": filtered,
            "plan": PlanRead(
                actions=action_filter.qs, number=request.GET.get("page"), filtered=filtered
            ),
            "columns": columns_in(PLAN_COLUMNS, "html"),
        },
    )


@role_required(Role.MEMBER)
@require_GET
def plan_export(request, fmt):
    """The plan exactly as filtered on screen, as CSV or Excel, in the page's language."""
    if fmt not in PLAN_FORMATS:
        raise Http404(_("Unknown file format."))
    render_file, content_type = PLAN_FORMATS[fmt]
    language = get_language()
    filename = file_name(FILE_STEM, day=timezone.localdate(), language=language, extension=fmt)
    content = render_file(_filtered(request).qs)
    audit.record_download(
        request=request, what="plan", fmt=fmt, language=language, filename=filename
    )
    return attachment(content, content_type=content_type, filename=filename)
