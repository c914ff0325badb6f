from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.translation import gettext_lazy as _

from directory import views
from directory.mfa import views as mfa
from portal.access import public

# Django's own sign-in views, opened to anonymous visitors where they must be.
urlpatterns = [
    path("", views.home, name="home"),
    path(_("account/"), views.account, name="account"),
    path(
        _("sign-in/"),
        public(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path(_("sign-out/"), mfa.mfa_exempt(auth_views.LogoutView.as_view()), name="logout"),
    path(_("sign-in/code/"), mfa.verify, name="mfa_verify"),
    path(_("account/two-step/set-up/"), mfa.enrol, name="mfa_enrol"),
    path(_("account/two-step/backup-codes/"), mfa.backup_codes, name="mfa_backup_codes"),
    path(_("account/two-step/turn-off/"), mfa.disable, name="mfa_disable"),
    path(
        _("account/password/"),
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        _("account/password/done/"),
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        _("password-reset/"),
        public(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        _("password-reset/sent/"),
        public(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        _("password-reset/<uidb64>/<token>/"),
        public(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        _("password-reset/complete/"),
        public(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
