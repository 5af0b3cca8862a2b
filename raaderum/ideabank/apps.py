from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeaBankConfig(AppConfig):
    name = "raaderum.ideabank"
    verbose_name = _("Idea bank")
