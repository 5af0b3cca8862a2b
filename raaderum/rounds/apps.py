from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "raaderum.rounds"
    verbose_name = _("Budget rounds")
