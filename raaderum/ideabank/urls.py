from django.urls import path

from raaderum.ideabank import views

urlpatterns = [
    path("idea-bank/", views.ideabank, name="ideabank"),
    path("idea-bank/new/", views.bank_idea_create, name="bank_idea_create"),
    path("idea-bank/import/", views.ideabank_import, name="ideabank_import"),
    path("idea-bank/export.<slug:kind>", views.ideabank_export, name="ideabank_export"),
    path("idea-bank/<uuid:idea_id>/", views.bank_idea_detail, name="bank_idea_detail"),
    path("idea-bank/<uuid:idea_id>/edit/", views.bank_idea_edit, name="bank_idea_edit"),
    path("idea-bank/<uuid:idea_id>/delete/", views.bank_idea_delete, name="bank_idea_delete"),
    path("idea-bank/<uuid:idea_id>/use/", views.bank_idea_use, name="bank_idea_use"),
    path("ideas/<uuid:idea_id>/share/", views.bank_idea_share, name="bank_idea_share"),
]
