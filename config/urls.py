from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from directory import views as directory_views

urlpatterns = i18n_patterns(
    path("", include("directory.urls")),
    path(_("workplan/"), include("workplan.urls")),
    path(_("guide/"), include("partnerships.urls")),
    path(_("reports/"), include("reports.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.BENCHMARK_FLOOR:
    urlpatterns += i18n_patterns(path("floor/", directory_views.floor, name="floor"))

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
