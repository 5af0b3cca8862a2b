from django.urls import path

from raaderum.impactscreening import views

urlpatterns = [
    path(
        "m/<slug:municipality_slug>/impact-screening/",
        views.question_list,
        name="impact_questions",
    ),
    path(
        "m/<slug:municipality_slug>/impact-screening/new/",
        views.question_create,
        name="impact_question_create",
    ),
    path(
        "impact-screening/<uuid:question_id>/",
        views.question_edit,
        name="impact_question_edit",
    ),
    path(
        "impact-screening/<uuid:question_id>/delete/",
        views.question_delete,
        name="impact_question_delete",
    ),
    path(
        "proposals/<uuid:proposal_id>/impact-screening/",
        views.proposal_screening,
        name="proposal_screening",
    ),
]
