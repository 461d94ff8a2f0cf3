from django.apps import AppConfig


class FormPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "formpages"
    verbose_name = "Formulare"
