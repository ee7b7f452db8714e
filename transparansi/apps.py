from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparansiConfig(AppConfig):
    name = "transparansi"
    verbose_name = _("Transparansi dan informasi publik")
    default_auto_field = "django.db.models.BigAutoField"
