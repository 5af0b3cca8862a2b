from django.urls import path

from raaderum.confidentiality import views

ACCESS_LOG = "m/<slug:municipality_slug>/access-log/"

urlpatterns = [
    path(ACCESS_LOG, views.access_log, name="access_log"),
    path(f"{ACCESS_LOG}export.csv", views.access_log_csv, name="access_log_csv"),
    path(f"{ACCESS_LOG}export.xlsx", views.access_log_xlsx, name="access_log_xlsx"),
]
