from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "raaderum.communication"
    verbose_name = _("Comments, activity and notifications")
