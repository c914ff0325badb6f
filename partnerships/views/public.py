"""The guide as the public reads it: STUB, to be written."""

from django.http import HttpResponse

from portal.access import public


@public
def guide(request, **kwargs):
    return HttpResponse("stub")


@public
def chapter(request, **kwargs):
    return HttpResponse("stub")


@public
def case_studies(request, **kwargs):
    return HttpResponse("stub")


@public
def case_study(request, **kwargs):
    return HttpResponse("stub")


@public
def contacts(request, **kwargs):
    return HttpResponse("stub")


@public
def search(request, **kwargs):
    return HttpResponse("stub")


@public
def guide_pdf(request, **kwargs):
    return HttpResponse("stub")


@public
def sitemap(request, **kwargs):
    return HttpResponse("stub")
