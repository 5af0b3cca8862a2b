from django.urls import path

from raaderum.transparency import views

urlpatterns = [
    path("rounds/<uuid:round_id>/publicity/", views.round_publicity, name="round_publicity"),
    # Public: no login. Stable addresses: the open data files are linked to from elsewhere.
    path("public/<slug:municipality_slug>/", views.public_home, name="public_home"),
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/",
        views.public_round_page,
        name="public_round",
    ),
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/proposals/<str:code>/",
        views.public_proposal,
        name="public_proposal",
    ),
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/catalogs/<int:number>/",
        views.public_catalog,
        name="public_catalog",
    ),
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/catalogs/<int:number>/catalog.pdf",
        views.public_catalog_pdf,
        name="public_catalog_pdf",
    ),
    path("public/<slug:municipality_slug>/data/", views.public_data, name="public_data"),
    path(
        "public/<slug:municipality_slug>/data/initiatives.json",
        views.public_initiatives_json,
        name="public_initiatives_json",
    ),
    path(
        "public/<slug:municipality_slug>/data/initiatives.csv",
        views.public_initiatives_csv,
        name="public_initiatives_csv",
    ),
    path(
        "public/<slug:municipality_slug>/data/realisation.json",
        views.public_realisation_json,
        name="public_realisation_json",
    ),
    path(
        "public/<slug:municipality_slug>/data/realisation.csv",
        views.public_realisation_csv,
        name="public_realisation_csv",
    ),
]
