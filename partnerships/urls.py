from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnerships.views import editing, public

# The kinds of item in the editors' addresses, in the page's language.
KIND_SEGMENTS = {
    "chapter": pgettext_lazy("address", "chapter"),
    "section": pgettext_lazy("address", "section"),
    "case-study": pgettext_lazy("address", "case-study"),
}


class KindConverter:
    """A kind of item (a key of partnerships.models.CONTENT_MODELS) as the active language
    writes it: /en/guide/edit/case-study/3/, /fr/guide/edition/etude-de-cas/3/."""

    regex = "[a-z-]+"

    def to_python(self, value: str) -> str:
        for kind, segment in KIND_SEGMENTS.items():
            if value == str(segment):
                return kind
        raise ValueError(value)  # no such kind in this language: the address does not match

    def to_url(self, value: str) -> str:
        if value not in KIND_SEGMENTS:
            raise ValueError(value)  # reverse() then finds no address
        return str(KIND_SEGMENTS[value])


register_converter(KindConverter, "kind")

app_name = "partnerships"
urlpatterns = [
    # Public: anyone may read what is published.
    path("", public.guide, name="guide"),
    path(_("chapters/<slug:slug>/"), public.chapter, name="chapter"),
    path(_("case-studies/"), public.case_studies, name="case_studies"),
    path(_("case-studies/<slug:slug>/"), public.case_study, name="case_study"),
    path(_("contacts/"), public.contacts, name="contacts"),
    path(_("search/"), public.search, name="search"),
    path(_("download/"), public.guide_pdf, name="guide_pdf"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    # Editors and co-chairs keep the guide.
    path(_("edit/"), editing.edit_index, name="edit_index"),
    path(_("edit/translations/"), editing.translations, name="translations"),
    path(_("edit/contacts/"), editing.contact_list, name="contact_list"),
    path(_("edit/contacts/new/"), editing.contact_create, name="contact_create"),
    path(_("edit/contacts/<int:pk>/"), editing.contact_edit, name="contact_edit"),
    path(_("edit/models/"), editing.model_list, name="model_list"),
    path(_("edit/models/new/"), editing.model_create, name="model_create"),
    path(_("edit/models/<int:pk>/"), editing.model_edit, name="model_edit"),
    path(_("edit/<kind:kind>/new/"), editing.item_create, name="item_create"),
    path(_("edit/<kind:kind>/<int:pk>/"), editing.item_edit, name="item_edit"),
    path(_("edit/<kind:kind>/<int:pk>/review/"), editing.item_review, name="item_review"),
    path(_("edit/<kind:kind>/<int:pk>/stage/"), editing.item_stage, name="item_stage"),
    path(_("edit/<kind:kind>/<int:pk>/revisions/"), editing.revisions, name="revisions"),
    path(
        _("edit/<kind:kind>/<int:pk>/revisions/<int:history_id>/restore/"),
        editing.revision_restore,
        name="revision_restore",
    ),
    path(
        _("edit/<kind:kind>/<int:pk>/translation/<str:language>/"),
        editing.translation_mark_current,
        name="translation_mark_current",
    ),
]
