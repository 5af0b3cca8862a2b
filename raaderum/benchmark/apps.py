from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkConfig(AppConfig):
    name = "raaderum.benchmark"
    verbose_name = _("Key figures and potential")
