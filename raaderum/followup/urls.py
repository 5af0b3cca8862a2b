from django.urls import path

from raaderum.followup import views

MUNICIPALITY = "m/<slug:municipality_slug>/followup/"
INITIATIVE = "rounds/<uuid:round_id>/followup/<str:code>/"
YEAR = f"{INITIATIVE}<int:year>/"

urlpatterns = [
    path(MUNICIPALITY, views.overview, name="followup_overview"),
    path(f"{MUNICIPALITY}initiatives/", views.initiative_list, name="followup_initiatives"),
    path(f"{MUNICIPALITY}report.pdf", views.report_pdf, name="followup_report_pdf_file"),
    path(f"{MUNICIPALITY}cycles/new/", views.cycle_create, name="followup_cycle_create"),
    path(f"{MUNICIPALITY}cycles/<int:year>/", views.cycle_detail, name="followup_cycle"),
    path(f"{MUNICIPALITY}cycles/<int:year>/edit/", views.cycle_edit, name="followup_cycle_edit"),
    path(INITIATIVE, views.initiative_detail, name="followup_initiative"),
    path(f"{INITIATIVE}edit/", views.initiative_edit, name="followup_initiative_edit"),
    path(f"{INITIATIVE}decide/", views.initiative_decide, name="followup_initiative_decide"),
    path(
        f"{INITIATIVE}milestones/<uuid:milestone_id>/done/",
        views.milestone_done,
        name="followup_milestone_done",
    ),
    path(YEAR, views.realisation, name="followup_realisation"),
    path(f"{YEAR}review/", views.realisation_review, name="followup_realisation_review"),
    path(f"{YEAR}evidence/", views.evidence_upload, name="followup_evidence_upload"),
    path(
        f"{YEAR}evidence/<uuid:evidence_id>/",
        views.evidence_download,
        name="followup_evidence_file",
    ),
    path(
        f"{YEAR}evidence/<uuid:evidence_id>/delete/",
        views.evidence_delete,
        name="followup_evidence_delete",
    ),
]
