from django.urls import path

from raaderum.publication import views

urlpatterns = [
    path("rounds/<uuid:round_id>/catalogs/", views.versions, name="catalog_versions"),
    path(
        "rounds/<uuid:round_id>/catalogs/compare/",
        views.compare_versions,
        name="catalog_compare",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/",
        views.version_detail,
        name="catalog_version",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/pdf/",
        views.pdf_download,
        name="catalog_pdf",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/pdf/make/",
        views.pdf_make,
        name="catalog_pdf_make",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/pdf/status/",
        views.pdf_status,
        name="catalog_pdf_status",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/excel/",
        views.excel_download,
        name="catalog_excel",
    ),
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/visibility/",
        views.version_visibility,
        name="catalog_visibility",
    ),
    # Last of the version's URLs: a proposal's code is any text.
    path(
        "rounds/<uuid:round_id>/catalogs/<int:number>/<str:code>/",
        views.published_proposal,
        name="published_proposal",
    ),
    path("rounds/<uuid:round_id>/import/", views.proposal_import, name="proposal_import"),
    path(
        "rounds/<uuid:round_id>/import/template/",
        views.proposal_import_template,
        name="proposal_import_template",
    ),
]
