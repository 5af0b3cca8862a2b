from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from raaderum.organisation.forms import LoginForm
from raaderum.organisation.views import accessibility, glossary, person_log

admin.site.site_header = "Råderum"
admin.site.site_title = "Råderum"
# The admin sees every municipality: it is for the installation's administrators only.
# Municipalities' own staff work in the app's pages, where access is checked per municipality.
admin.site.has_permission = lambda request: (  # type: ignore[method-assign]
    request.user.is_active and request.user.is_superuser
)

urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="organisation/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accessibility/", accessibility, name="accessibility"),
    path("m/<slug:municipality_slug>/glossary/", glossary, name="glossary"),
    path("person-log/", person_log, name="person_log"),
    path("admin/", admin.site.urls),
    path("", include("raaderum.rounds.urls")),
    path("", include("raaderum.proposals.urls")),
    path("", include("raaderum.ideas.urls")),
    path("", include("raaderum.communication.urls")),
    # Before publication: its rounds/<id>/catalogs/<n>/<code>/ would swallow .../simulator/.
    path("", include("raaderum.prioritisation.urls")),
    path("", include("raaderum.publication.urls")),
    path("", include("raaderum.decisions.urls")),
    path("", include("raaderum.followup.urls")),
    path("", include("raaderum.benchmark.urls")),
    path("", include("raaderum.transparency.urls")),
    path("", include("raaderum.ideabank.urls")),
    path("", include("raaderum.evaluation.urls")),
    path("", include("raaderum.questions.urls")),
    path("", include("raaderum.consultation.urls")),
    path("", include("raaderum.confidentiality.urls")),
    path("", include("raaderum.impactscreening.urls")),
    path("", include("raaderum.sso.urls")),
]
