from django.apps import AppConfig


class NewsletterIssuesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletter_issues"
    verbose_name = "Newsletter-Ausgaben"

    def ready(self):
        from . import signals  # noqa: F401
