from django.urls import path

from raaderum.proposals import views

urlpatterns = [
    path("rounds/<uuid:round_id>/catalog/", views.catalog, name="catalog"),
    path("rounds/<uuid:round_id>/proposals/new/", views.proposal_create, name="proposal_create"),
    path("rounds/<uuid:round_id>/readability/", views.readability_check, name="readability"),
    path("proposals/<uuid:proposal_id>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<uuid:proposal_id>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<uuid:proposal_id>/effects/", views.proposal_effects, name="proposal_effects"),
    path(
        "proposals/<uuid:proposal_id>/visibility/",
        views.proposal_visibility,
        name="proposal_visibility",
    ),
    path(
        "proposals/<uuid:proposal_id>/transition/",
        views.proposal_transition,
        name="proposal_transition",
    ),
]
