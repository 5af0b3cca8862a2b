from django.urls import path

from raaderum.questions import views

urlpatterns = [
    path("rounds/<uuid:round_id>/questions/", views.question_list, name="question_list"),
    path("rounds/<uuid:round_id>/questions/new/", views.question_ask, name="question_ask"),
    path(
        "rounds/<uuid:round_id>/questions/settings/",
        views.question_settings,
        name="question_settings",
    ),
    path(
        "rounds/<uuid:round_id>/questions/export.xlsx",
        views.question_export_xlsx,
        name="question_export_xlsx",
    ),
    path(
        "rounds/<uuid:round_id>/questions/export.pdf",
        views.question_export_pdf,
        name="question_export_pdf_file",
    ),
    path("questions/<uuid:question_id>/", views.question_detail, name="question_detail"),
    path("questions/<uuid:question_id>/answer/", views.question_answer, name="question_answer"),
    path("questions/<uuid:question_id>/review/", views.question_review, name="question_review"),
    path("questions/<uuid:question_id>/route/", views.question_route, name="question_route"),
    path(
        "questions/<uuid:question_id>/public/",
        views.question_publicity,
        name="question_publicity",
    ),
    # Public: no login. Approved answers the budget office made public.
    path(
        "public/<slug:municipality_slug>/questions/",
        views.public_question_list,
        name="public_question_list",
    ),
]
