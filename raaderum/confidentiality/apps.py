from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfidentialityConfig(AppConfig):
    name = "raaderum.confidentiality"
    verbose_name = _("Confidentiality")
