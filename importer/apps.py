from django.apps import AppConfig


class ImporterConfig(AppConfig):
    """The switch-over from today's Jekyll site; nothing else imports it."""

    name = "importer"
    verbose_name = "Jekyll-Import"
