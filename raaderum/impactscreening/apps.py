from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactScreeningConfig(AppConfig):
    name = "raaderum.impactscreening"
    verbose_name = _("Impact screening")
