from django.urls import path

from raaderum.prioritisation import views

CATALOG = "rounds/<uuid:round_id>/catalogs/<int:number>/"

urlpatterns = [
    path(f"{CATALOG}simulator/", views.simulator, name="simulator"),
    path(f"{CATALOG}simulator/totals/", views.simulator_totals, name="simulator_totals"),
    path(f"{CATALOG}scenarios/", views.scenario_list, name="scenario_list"),
    path(f"{CATALOG}scenarios/new/", views.scenario_save, name="scenario_save"),
    path(f"{CATALOG}scenarios/compare/", views.scenario_compare, name="scenario_compare"),
    path(f"{CATALOG}optimiser/", views.optimiser_page, name="optimiser"),
    path("scenarios/<uuid:key>/", views.scenario_detail, name="scenario_detail"),
    path("scenarios/<uuid:public_id>/update/", views.scenario_update, name="scenario_update"),
    path("scenarios/<uuid:public_id>/delete/", views.scenario_delete, name="scenario_delete"),
    path("rounds/<uuid:round_id>/impact/", views.impact, name="impact"),
    path("rounds/<uuid:round_id>/impact/relations/", views.relation_add, name="relation_add"),
    path(
        "rounds/<uuid:round_id>/impact/relations/delete/",
        views.relation_delete,
        name="relation_delete",
    ),
]
