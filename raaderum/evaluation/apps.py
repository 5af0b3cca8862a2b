from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "raaderum.evaluation"
    verbose_name = _("Round strategy and evaluation")
