from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site itself: the home page and its sections, author pages, search, the demo content
    and the root URLs. It brings the feature apps together; none of them imports it."""

    name = "website"
    verbose_name = "Website"
