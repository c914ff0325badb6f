from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerships.views import editing, public

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
    # Before the items' paths, whose <str:kind> would take “contacts” and “models”.
    path(_("edit/contacts/"), editing.contact_list, name="contact_list"),
    path(_("edit/contacts/new/"), editing.contact_create, name="contact_create"),
    path(_("edit/contacts/<int:pk>/"), editing.contact_edit, name="contact_edit"),
    path(_("edit/models/"), editing.model_list, name="model_list"),
    path(_("edit/models/new/"), editing.model_create, name="model_create"),
    path(_("edit/models/<int:pk>/"), editing.model_edit, name="model_edit"),
    path(_("edit/<str:kind>/new/"), editing.item_create, name="item_create"),
    path(_("edit/<str:kind>/<int:pk>/"), editing.item_edit, name="item_edit"),
    path(_("edit/<str:kind>/<int:pk>/review/"), editing.item_review, name="item_review"),
    path(_("edit/<str:kind>/<int:pk>/stage/"), editing.item_stage, name="item_stage"),
    path(_("edit/<str:kind>/<int:pk>/revisions/"), editing.revisions, name="revisions"),
    path(
        _("edit/<str:kind>/<int:pk>/revisions/<int:history_id>/restore/"),
        editing.revision_restore,
        name="revision_restore",
    ),
    path(
        _("edit/<str:kind>/<int:pk>/translation/<str:language>/"),
        editing.translation_mark_current,
        name="translation_mark_current",
    ),
]
