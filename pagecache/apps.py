from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pagecache"
    verbose_name = "Seiten-Cache"

    def ready(self):
        from . import signals  # noqa: F401
