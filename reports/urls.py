from django.urls import path
from django.utils.translation import gettext_lazy as _

from reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report, name="report"),
    path(_("download/<str:fmt>/"), views.report_download, name="report_download"),
    path(_("meetings/new/"), views.meeting_create, name="meeting_create"),
]
