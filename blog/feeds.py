import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from .models import BlogPage

FEED_LENGTH = 20


class BlogFeed(Feed):
    """RSS 2.0 feed of the newest posts, of all categories or of one."""

    feed_type = Rss201rev2Feed
    language = "de"

    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category

    def title(self):
        site_name = self.index_page.get_site().site_name or "Open Innovation City Bielefeld"
        if self.category:
            return f"{site_name}: {self.category.name}"
        return f"{site_name}: {self.index_page.title}"

    def link(self):
        url = self.index_page.full_url
        return f"{url}?filter={self.category.slug}" if self.category else url

    def description(self):
        return self.index_page.intro or "Neue Beiträge der Open Innovation City Bielefeld"

    def items(self):
        """The posts without their cards' images, which a feed does not show."""
        posts = (
            BlogPage.objects.child_of(self.index_page).newest_public().in_category(self.category)
        )
        return posts.prefetch_related("categories").with_authors()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time.min)

    def item_author_name(self, item):
        return ", ".join(author.person.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]
