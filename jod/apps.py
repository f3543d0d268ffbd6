from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JodConfig(AppConfig):
    name = "jod"
    verbose_name = _("JOD frontend adapter")
