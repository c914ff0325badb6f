"""Editors' pages: STUB, to be written."""

from django.http import HttpResponse

from portal.access import role_required
from portal.roles import Role


@role_required(Role.EDITOR, Role.COCHAIR)
def edit_index(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def translations(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def item_create(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def item_edit(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def item_review(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def item_stage(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def revisions(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def revision_restore(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def translation_mark_current(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def contact_list(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def contact_create(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def contact_edit(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def model_list(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def model_create(request, **kwargs):
    return HttpResponse("stub")


@role_required(Role.EDITOR, Role.COCHAIR)
def model_edit(request, **kwargs):
    return HttpResponse("stub")
