from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SiteSettings
from .navigation import purge_navigation_and_footer
from .site_cache import forget_site_settings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def purge_navigation_on_page_change(sender, **kwargs):
    purge_navigation_and_footer()


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def purge_footer_on_settings_change(sender, **kwargs):
    purge_navigation_and_footer()
    forget_site_settings(sender, **kwargs)
