from django.urls import path

from raaderum.rounds import views

urlpatterns = [
    path("", views.home, name="home"),
    path("m/<slug:municipality_slug>/rounds/new/", views.round_create, name="round_create"),
    path("rounds/<uuid:round_id>/", views.round_detail, name="round_detail"),
    path("rounds/<uuid:round_id>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<uuid:round_id>/plan/", views.round_plan, name="round_plan"),
]
