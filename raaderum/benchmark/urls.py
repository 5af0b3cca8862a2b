from django.urls import path

from raaderum.benchmark import views

urlpatterns = [
    path("m/<slug:municipality_slug>/benchmark/", views.key_figures, name="key_figures"),
    path(
        "m/<slug:municipality_slug>/benchmark/data/",
        views.benchmark_data,
        name="benchmark_data",
    ),
    path(
        "m/<slug:municipality_slug>/benchmark/data/fetch/",
        views.benchmark_fetch,
        name="benchmark_fetch",
    ),
    path(
        "m/<slug:municipality_slug>/benchmark/settings/",
        views.benchmark_settings,
        name="benchmark_settings",
    ),
    path(
        "m/<slug:municipality_slug>/benchmark/groups/",
        views.comparison_groups,
        name="comparison_groups",
    ),
    path(
        "benchmark/groups/<uuid:group_id>/",
        views.comparison_group_edit,
        name="comparison_group_edit",
    ),
    path(
        "benchmark/groups/<uuid:group_id>/delete/",
        views.comparison_group_delete,
        name="comparison_group_delete",
    ),
    path(
        "rounds/<uuid:round_id>/target-distribution/",
        views.target_distribution,
        name="target_distribution",
    ),
]
