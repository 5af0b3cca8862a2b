from django.urls import path

from raaderum.evaluation import views

urlpatterns = [
    path("rounds/<uuid:round_id>/strategy/", views.round_strategy, name="round_strategy"),
    path("rounds/<uuid:round_id>/evaluation/", views.evaluation_edit, name="evaluation_edit"),
    path(
        "rounds/<uuid:round_id>/evaluation/answer/",
        views.evaluation_answer,
        name="evaluation_answer",
    ),
    path(
        "rounds/<uuid:round_id>/evaluation/summary/",
        views.evaluation_summary,
        name="evaluation_summary",
    ),
    path(
        "rounds/<uuid:round_id>/evaluation/lessons/",
        views.evaluation_lessons,
        name="evaluation_lessons",
    ),
]
