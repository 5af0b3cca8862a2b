from django.urls import path

from raaderum.decisions import views

urlpatterns = [
    path("rounds/<uuid:round_id>/decisions/", views.decisions, name="decisions"),
    path(
        "rounds/<uuid:round_id>/decisions/adjustments.csv",
        views.adjustments_csv,
        name="decisions_adjustments_csv",
    ),
    path(
        "rounds/<uuid:round_id>/decisions/adjustments.xlsx",
        views.adjustments_xlsx,
        name="decisions_adjustments_xlsx",
    ),
    path("rounds/<uuid:round_id>/next/", views.next_round, name="next_round"),
    path(
        "proposals/<uuid:proposal_id>/cooling-off/",
        views.cooling_off_override,
        name="cooling_off_override",
    ),
    path(
        "m/<slug:municipality_slug>/decisions/settings/",
        views.decision_settings,
        name="decision_settings",
    ),
]
