from django.urls import path

from raaderum.communication import views

urlpatterns = [
    path(
        "proposals/<uuid:proposal_id>/comments/",
        views.proposal_comments,
        name="proposal_comments",
    ),
    path("rounds/<uuid:round_id>/activity/", views.round_activity, name="round_activity"),
    path(
        "account/notifications/",
        views.notification_settings,
        name="notification_settings",
    ),
]
