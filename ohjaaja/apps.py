from django.apps import AppConfig


class OhjaajaConfig(AppConfig):
    """The project's wiring (no models): its management commands need it installed."""

    name = "ohjaaja"
    verbose_name = "Ohjaajan osio"
