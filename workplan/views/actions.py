"""An action's page, its status updates, and the co-chairs' editing of the plan."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from modeltranslation.utils import get_language

from portal.access import role_required
from portal.forms import add_errors
from portal.languages import in_language
from portal.locking import EditConflict, rebase
from portal.roles import Role
from workplan import services
from workplan.forms import (
    ActionForm,
    ActivityForm,
    ExpectedResultFormSet,
    ResourceFormSet,
    StatusUpdateForm,
    StatusUpdateTranslationForm,
    formset_items,
)
from workplan.models import Action, Activity, StatusUpdate
from workplan.selectors import action_get, action_history, action_updates

# --- An action's page -----------------------------------------------------------------------


def _action_page(request, action: Action, update_form: StatusUpdateForm, *, status: int = 200):
    # What the fragments of the page hold is read only when they are not in the cache
    # (portal/fragments.py): the action's facts with everything related, its updates (with
    # what the reader may do with each), its history.
    return render(
        request,
        "workplan/action_detail.html",
        {
            "action": action,
            "details": SimpleLazyObject(lambda: action_get(pk=action.pk)),
            "updates": SimpleLazyObject(lambda: action_updates(action=action, reader=request.user)),
            "history": SimpleLazyObject(lambda: action_history(action=action)),
            "update_form": update_form,
        },
        status=status,
    )


@role_required(Role.MEMBER)
@require_GET
def action_detail(request, pk):
    action = get_object_or_404(Action.objects.select_related("activity"), pk=pk)
    return _action_page(request, action, StatusUpdateForm(action=action))


@role_required(Role.MEMBER)
@require_http_methods(["GET", "POST"])
def update_create(request, pk):
    """Posts a status update in the page's language (GET shows the form on its own)."""
    action = action_get(pk=pk)
    if request.method == "GET":
        return render(
            request,
            "workplan/update_form.html",
            {
                "action": action,
                "update_form": StatusUpdateForm(action=action),
            },
        )
    form = StatusUpdateForm(request.POST)
    if form.is_valid():
        try:
            # The same form sent twice returns the update the first one stored: a success.
            services.status_update_create(
                action=action, author=request.user, language=get_language(), **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your status update was posted."))
            return redirect(action.get_absolute_url() + "#updates")
    return _action_page(request, action, form)


def _update_get(pk) -> StatusUpdate:
    return get_object_or_404(
        StatusUpdate.objects.select_related(
            "action__activity", "author__person", "translated_by__person"
        ),
        pk=pk,
    )


def _translate_page(request, update, form, *, conflict=None, status=200):
    return render(
        request,
        "workplan/update_translate.html",
        {
            "update": update,
            "action": update.action,
            "form": form,
            "target": form.target,
            "original": {
                name: in_language(update, name, update.language)
                for name in StatusUpdate.TEXT_FIELDS
            },
            "conflict": conflict,
        },
        status=status,
    )


@role_required(Role.MEMBER)
@require_http_methods(["GET", "POST"])
def update_translate(request, pk):
    """Adds or corrects the other official language's version of an update.

    Open to those the update lets translate it (StatusUpdate.may_be_translated_by says who
    and why); a translation saved by someone else since the form was loaded is not overwritten
    (409, what changed shown, what was typed kept), as with an action's edit.
    """
    update = _update_get(pk)
    if not update.may_be_translated_by(request.user):
        raise PermissionDenied
    form = StatusUpdateTranslationForm(request.POST or None, update=update)
    if request.method == "POST" and form.is_valid():
        try:
            services.status_update_translate(
                update=update,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                **form.translation_fields(),
            )
        except EditConflict as conflict:
            update = _update_get(pk)
            form = StatusUpdateTranslationForm(
                rebase(request.POST, conflict.current_version), update=update
            )
            return _translate_page(request, update, form, conflict=conflict, status=409)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The translation was saved."))
            return redirect(update)
    return _translate_page(request, update, form)


# --- Co-chairs: actions ---------------------------------------------------------------------

ACTION_FORM = "workplan/action_form.html"
ACTIVITY_FORM = "workplan/activity_form.html"


def _action_forms(*, action: Action, activity: Activity, data=None):
    return (
        ActionForm(data, instance=action, activity=activity),
        ResourceFormSet(data, instance=action, prefix="resources"),
        ExpectedResultFormSet(data, instance=action, prefix="expected_results"),
    )


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action = action_get(pk=pk)
    activity = action.activity
    context = {"action": action, "activity": activity, "code": action.code, "editing": True}
    if request.method == "GET":
        form, resources, results = _action_forms(action=action, activity=activity)
        context.update(form=form, resources=resources, expected_results=results)
        return render(request, ACTION_FORM, context)

    form, resources, results = _action_forms(action=action, activity=activity, data=request.POST)
    context.update(form=form, resources=resources, expected_results=results)
    if form.is_valid() and resources.is_valid() and results.is_valid():
        try:
            services.action_update(
                action=action,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                fields=form.action_fields(),
                resources=formset_items(resources),
                expected_results=formset_items(results),
            )
        except EditConflict as conflict:
            form, resources, results = _action_forms(
                action=action_get(pk=pk),
                activity=activity,
                data=rebase(request.POST, conflict.current_version),
            )
            context.update(
                form=form, resources=resources, expected_results=results, conflict=conflict
            )
            return render(request, ACTION_FORM, context, status=409)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The action was saved."))
            return redirect(action)
    return render(request, ACTION_FORM, context)


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def action_create(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    action = Action(activity=activity)
    form, resources, results = _action_forms(
        action=action, activity=activity, data=request.POST or None
    )
    context = {
        "activity": activity,
        "form": form,
        "resources": resources,
        "expected_results": results,
        "editing": False,
    }
    if request.method == "POST" and all(f.is_valid() for f in (form, resources, results)):
        try:
            created = services.action_create(
                activity=activity,
                user=request.user,
                fields=form.action_fields(),
                resources=formset_items(resources),
                expected_results=formset_items(results),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The action was added."))
            return redirect(created)
    return render(request, ACTION_FORM, context)


# --- Co-chairs: activities ------------------------------------------------------------------


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def activity_create(request):
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(user=request.user, fields=form.activity_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The activity was added."))
            return redirect(activity)
    return render(request, ACTIVITY_FORM, {"form": form, "editing": False})


@role_required(Role.COCHAIR)
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    number = activity.number
    context = {"activity": activity, "number": number, "editing": True}
    if request.method == "GET":
        context["form"] = ActivityForm(instance=activity)
        return render(request, ACTIVITY_FORM, context)

    form = ActivityForm(request.POST, instance=activity)
    context["form"] = form
    if form.is_valid():
        try:
            saved = services.activity_update(
                activity=activity,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                fields=form.activity_fields(),
            )
        except EditConflict as conflict:
            form = ActivityForm(
                rebase(request.POST, conflict.current_version),
                instance=get_object_or_404(Activity, pk=pk),
            )
            context.update(form=form, conflict=conflict)
            return render(request, ACTIVITY_FORM, context, status=409)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(saved)
    return render(request, ACTIVITY_FORM, context)
