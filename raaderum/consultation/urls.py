from django.urls import path

from raaderum.consultation import views

urlpatterns = [
    path(
        "rounds/<uuid:round_id>/consultations/",
        views.consultation_list,
        name="consultation_list",
    ),
    path(
        "rounds/<uuid:round_id>/consultations/new/",
        views.consultation_create,
        name="consultation_create",
    ),
    path(
        "consultations/<uuid:consultation_id>/",
        views.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "consultations/<uuid:consultation_id>/edit/",
        views.consultation_edit,
        name="consultation_edit",
    ),
    path(
        "consultations/<uuid:consultation_id>/answers/<uuid:answer_id>/comment/",
        views.consultation_comment,
        name="consultation_comment",
    ),
    path(
        "consultations/<uuid:consultation_id>/export.xlsx",
        views.consultation_export_xlsx,
        name="consultation_export_xlsx",
    ),
    path(
        "consultations/<uuid:consultation_id>/export.csv",
        views.consultation_export_csv,
        name="consultation_export_csv",
    ),
    # Public: no login. The municipality's slug in the address must match the consultation's.
    path(
        "public/<slug:municipality_slug>/consultations/",
        views.public_consultation_list,
        name="public_consultation_list",
    ),
    path(
        "public/<slug:municipality_slug>/consultations/<uuid:consultation_id>/",
        views.public_consultation,
        name="public_consultation",
    ),
    path(
        "public/<slug:municipality_slug>/consultations/<uuid:consultation_id>/thanks/",
        views.public_consultation_thanks,
        name="public_consultation_thanks",
    ),
]
