"""Editors' pages of the guide: every working item, editing, review and publishing, revisions,
the translation queue, and the lists editors keep (contacts, partnership models).

Open to editors and co-chairs (superusers pass every role check). Only working copies are
edited: a public copy's key gives 404. Every write goes through partnerships/workflow.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerships import edit_selectors, workflow
from partnerships.forms import ITEM_FORMS, ContactForm, PartnershipModelForm
from partnerships.models import Contact, PartnershipModel, Stage, kind_of
from partnerships.revisions import revisions_of
from portal.access import role_required
from portal.forms import add_errors
from portal.languages import LANGUAGES, Language
from portal.locking import INCOMPLETE, EditConflict, rebase
from portal.roles import Role

EDITORS = (Role.EDITOR, Role.COCHAIR)
ITEM_FORM = "partnerships/edit/item_form.html"
REVIEW = "partnerships/edit/review.html"


def _review_url(item) -> str:
    return reverse("partnerships:item_review", kwargs={"kind": kind_of(item), "pk": item.pk})


def _error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


# --- Every working item ---------------------------------------------------------------------


@role_required(*EDITORS)
@require_GET
def edit_index(request):
    return render(
        request,
        "partnerships/edit/index.html",
        {"contents": edit_selectors.guide_contents(), "stages": Stage},
    )


@role_required(*EDITORS)
@require_GET
def translations(request):
    return render(
        request,
        "partnerships/edit/translations.html",
        {"entries": edit_selectors.translation_queue()},
    )


# --- Writing an item ------------------------------------------------------------------------


def _item_page(request, kind, form, *, item=None, conflict=None, status=200):
    model = edit_selectors.model_of(kind)
    return render(
        request,
        ITEM_FORM,
        {
            "kind": kind,
            "model_name": model._meta.verbose_name,
            "item": item,
            "form": form,
            "conflict": conflict,
            "languages": [Language(language) for language in LANGUAGES],
        },
        status=status,
    )


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def item_create(request, kind):
    model = edit_selectors.model_of(kind)
    form_class = ITEM_FORMS[kind]
    form = form_class(request.POST or None, request.FILES or None, instance=model())
    if request.method == "POST" and form.is_valid():
        try:
            item = workflow.item_save(
                item=model(),
                user=request.user,
                fields=form.item_fields(),
                m2m=form.item_m2m(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The draft was saved. Send it for review when ready."))
            return redirect(_review_url(item))
    return _item_page(request, kind, form)


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def item_edit(request, kind, pk):
    item = edit_selectors.working_item(kind, pk)
    form_class = ITEM_FORMS[kind]
    if request.method == "GET":
        return _item_page(request, kind, form_class(instance=item), item=item)
    form = form_class(request.POST, request.FILES, instance=item)
    if form.is_valid():
        try:
            saved = workflow.item_save(
                item=edit_selectors.working_item(kind, pk),
                user=request.user,
                fields=form.item_fields(),
                m2m=form.item_m2m(),
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            item = edit_selectors.working_item(kind, pk)
            form = form_class(
                rebase(request.POST, conflict.current_version), request.FILES, instance=item
            )
            return _item_page(request, kind, form, item=item, conflict=conflict, status=409)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The draft was saved. Send it for review when ready."))
            return redirect(_review_url(saved))
    return _item_page(request, kind, form, item=edit_selectors.working_item(kind, pk))


# --- Review and publishing ------------------------------------------------------------------


def _review_page(request, kind, item, *, stale=None, status=200):
    return render(
        request,
        REVIEW,
        {
            "kind": kind,
            "item": item,
            "rows": edit_selectors.review_rows(item),
            "may_publish": workflow.may_publish(item, request.user),
            "stale_languages": stale,
            "stale_names": ", ".join(str(Language(language).label) for language in stale or ()),
            "missing_names": ", ".join(
                str(Language(language).label) for language in item.missing_sides()
            ),
            "stages": Stage,
        },
        status=status,
    )


@role_required(*EDITORS)
@require_GET
def item_review(request, kind, pk):
    return _review_page(request, kind, edit_selectors.working_item(kind, pk))


STEPS = {
    "submit": (workflow.item_submit, gettext_lazy("The item was sent for review.")),
    "return": (workflow.item_return, gettext_lazy("The item was sent back to draft.")),
    "unpublish": (
        workflow.item_unpublish,
        gettext_lazy("The item was taken offline; it is a draft again."),
    ),
}


@role_required(*EDITORS)
@require_POST
def item_stage(request, kind, pk):
    """One step of the workflow (the buttons of the review page)."""
    item = edit_selectors.working_item(kind, pk)
    step = request.POST.get("step", "")
    comment = request.POST.get("comment", "").strip()[:100]
    try:
        if step == "publish":
            workflow.item_publish(
                item=item,
                user=request.user,
                confirm_stale=request.POST.get("confirm_stale") == "on",
                comment=comment,
            )
            messages.success(request, _("The item was published: readers see it now."))
        elif step in STEPS:
            function, done = STEPS[step]
            function(item=item, user=request.user, comment=comment)
            messages.success(request, str(done))
        else:
            messages.error(request, _("Choose a step: nothing was changed."))
    except workflow.StaleTranslation as stale:
        # Asked again, with the box to confirm that the older side may go online.
        return _review_page(request, kind, item, stale=stale.languages)
    except PermissionDenied as refused:
        messages.error(
            request,
            str(refused) or _("Another editor or a co-chair must publish your own change."),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect(_review_url(item))


def _version(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- Revisions ------------------------------------------------------------------------------


@role_required(*EDITORS)
@require_GET
def revisions(request, kind, pk):
    item = edit_selectors.working_item(kind, pk)
    comparison = edit_selectors.revision_comparison(
        item, old_id=request.GET.get("old"), new_id=request.GET.get("new")
    )
    return render(
        request,
        "partnerships/edit/revisions.html",
        {"kind": kind, "item": item, "comparison": comparison},
    )


@role_required(*EDITORS)
@require_POST
def revision_restore(request, kind, pk, history_id):
    item = edit_selectors.working_item(kind, pk)
    record = revisions_of(item).filter(history_id=history_id).first()
    if record is None:
        raise Http404("No such revision.")
    back = reverse("partnerships:revisions", kwargs={"kind": kind, "pk": item.pk})
    version = _version(request.POST.get("version"))
    if version is None:
        messages.error(request, str(INCOMPLETE))
        return redirect(back)
    try:
        workflow.item_restore(item=item, user=request.user, record=record, expected_version=version)
    except EditConflict:
        messages.error(
            request,
            _(
                "Someone else saved a change since you loaded the page: nothing was restored. "
                "Look at the latest revision, then restore again if you still wish to."
            ),
        )
        return redirect(back)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(back)
    messages.success(request, _("The revision was restored as a new draft."))
    return redirect(_review_url(item))


# --- The translation queue ------------------------------------------------------------------


@role_required(*EDITORS)
@require_POST
def translation_mark_current(request, kind, pk, language):
    if language not in LANGUAGES:
        raise Http404("No such language.")
    item = edit_selectors.working_item(kind, pk)
    try:
        workflow.translation_mark_current(item=item, user=request.user, language=language)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("The %(language)s text of “%(title)s” was marked up to date.")
            % {"language": Language(language).label, "title": item.title or item.pk},
        )
    return redirect("partnerships:translations")


# --- Contacts and partnership models --------------------------------------------------------

LISTS = {
    "contact": {
        "model": Contact,
        "form": ContactForm,
        "list": "partnerships:contact_list",
        "edit": "partnerships:contact_edit",
        "create": "partnerships:contact_create",
        "template": "partnerships/edit/contact_list.html",
    },
    "model": {
        "model": PartnershipModel,
        "form": PartnershipModelForm,
        "list": "partnerships:model_list",
        "edit": "partnerships:model_edit",
        "create": "partnerships:model_create",
        "template": "partnerships/edit/model_list.html",
    },
}


def _list_page(request, which):
    spec = LISTS[which]
    objects = spec["model"].objects.all()
    if which == "contact":
        objects = objects.select_related("organization")
    return render(request, spec["template"], {"objects": objects, "spec": spec})


def _list_form(request, which, obj):
    spec = LISTS[which]
    form = spec["form"](request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form._meta.fields}
        try:
            saved = workflow.list_entry_save(entry=obj, fields=fields)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” was saved.") % {"name": saved})
            return redirect(spec["list"])
    return render(
        request,
        "partnerships/edit/list_form.html",
        {"form": form, "obj": obj if obj.pk else None, "which": which, "spec": spec},
    )


@role_required(*EDITORS)
@require_GET
def contact_list(request):
    return _list_page(request, "contact")


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def contact_create(request):
    return _list_form(request, "contact", Contact())


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def contact_edit(request, pk):
    return _list_form(request, "contact", get_object_or_404(Contact, pk=pk))


@role_required(*EDITORS)
@require_GET
def model_list(request):
    return _list_page(request, "model")


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def model_create(request):
    return _list_form(request, "model", PartnershipModel())


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def model_edit(request, pk):
    return _list_form(request, "model", get_object_or_404(PartnershipModel, pk=pk))
