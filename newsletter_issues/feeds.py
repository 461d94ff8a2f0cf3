from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 20


class NewsletterFeed(Feed):
    """RSS 2.0 feed of the sent issues, newest first."""

    feed_type = Rss201rev2Feed
    language = "de"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        site_name = self.index_page.get_site().site_name or "Open Innovation City Bielefeld"
        return f"{site_name}: {self.index_page.title}"

    def link(self):
        return self.index_page.full_url

    def description(self):
        return self.index_page.intro or "Der Newsletter der Open Innovation City Bielefeld"

    def items(self):
        return self.index_page.sent_issues()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.preheader or item.newsletter_subject()

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.newsletter_mailing.started_at
