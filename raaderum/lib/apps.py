from django.apps import AppConfig


class LibConfig(AppConfig):
    """Pure helpers (money, formats) and the template filters that show them."""

    name = "raaderum.lib"
    label = "raaderum_lib"
