from django.urls import path
from django.utils.translation import gettext_lazy as _

from workplan.views import actions, dashboard, plan

app_name = "workplan"
urlpatterns = [
    path("", plan.plan, name="plan"),
    path(_("export/<str:fmt>/"), plan.plan_export, name="plan_export"),
    path(_("dashboard/"), dashboard.dashboard, name="dashboard"),
    path(_("my-actions/"), dashboard.my_actions, name="my_actions"),
    path(_("actions/<int:pk>/"), actions.action_detail, name="action"),
    path(_("actions/<int:pk>/update/"), actions.update_create, name="update_create"),
    path(_("actions/<int:pk>/edit/"), actions.action_edit, name="action_edit"),
    path(_("updates/<int:pk>/translate/"), actions.update_translate, name="update_translate"),
    path(_("activities/new/"), actions.activity_create, name="activity_create"),
    path(_("activities/<int:pk>/edit/"), actions.activity_edit, name="activity_edit"),
    path(_("activities/<int:pk>/actions/new/"), actions.action_create, name="action_create"),
]
