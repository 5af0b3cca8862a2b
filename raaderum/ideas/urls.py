from django.urls import path

from raaderum.ideas import views

urlpatterns = [
    path("rounds/<uuid:round_id>/ideas/", views.idea_list, name="idea_list"),
    path("rounds/<uuid:round_id>/ideas/mine/", views.my_ideas, name="my_ideas"),
    path("rounds/<uuid:round_id>/ideas/new/", views.idea_create, name="idea_create"),
    path(
        "rounds/<uuid:round_id>/ideas/party/",
        views.party_proposal_create,
        name="party_proposal_create",
    ),
    path(
        "rounds/<uuid:round_id>/ideas/criteria/",
        views.screening_criteria,
        name="screening_criteria",
    ),
    path("rounds/<uuid:round_id>/ideas/import/", views.idea_import, name="idea_import"),
    path(
        "rounds/<uuid:round_id>/ideas/import/template.xlsx",
        views.idea_import_template,
        name="idea_import_template",
    ),
    path("ideas/<uuid:idea_id>/", views.idea_detail, name="idea_detail"),
    # Public: no login. The municipality's slug in the address must match the round's.
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/idea/",
        views.public_idea,
        name="public_idea",
    ),
    path(
        "public/<slug:municipality_slug>/rounds/<uuid:round_id>/idea/thanks/",
        views.public_idea_thanks,
        name="public_idea_thanks",
    ),
]
