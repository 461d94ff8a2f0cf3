"""Print the SQL queries /beitraege/ needs with 12 and with 1,000 posts in the database.

Run: ``make bench-queries`` (or ``.venv/bin/python benchmarks/listing_queries.py``). It builds a
throwaway SQLite database, so it never touches the development data.
"""

import datetime
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="oic-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{workdir}/media"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor  # noqa: E402

URLS = ["/", "/beitraege/", "/beitraege/?filter=formate", "/beitraege/?page=2"]


def add_posts(blog_index, count, template):
    """Clone the demo post ``count`` times (fast path: no revisions needed for a listing)."""
    authors = [author.person for author in template.authors.all()]
    categories = list(template.categories.all())
    first = BlogPage.objects.count()
    for number in range(first, first + count):
        post = BlogPage(
            title=f"Benchmark-Beitrag {number}",
            slug=f"benchmark-{number}",
            teaser=template.teaser,
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number % 2000),
            header_image=template.header_image,
            body=template.body.raw_data,
        )
        post.authors = [BlogPageAuthor(person=person) for person in authors]
        post.categories = categories
        blog_index.add_child(instance=post)


def query_counts(client):
    counts = {}
    for url in URLS:
        client.get(url)  # first view creates renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[url] = (response.status_code, len(queries))
    return counts


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    blog_index = BlogIndexPage.objects.get()
    template = BlogPage.objects.get(slug="community-of-practice-starter-kit")
    client = Client()
    add_posts(blog_index, 12 - BlogPage.objects.count(), template)
    small = query_counts(client)
    add_posts_count = 1000 - BlogPage.objects.count()
    print(f"adding {add_posts_count} posts …", file=sys.stderr)
    add_posts(blog_index, add_posts_count, template)
    large = query_counts(client)
    print("SQL queries per request (HTTP status)")
    print(f"{'URL':30} {'12 posts':>14} {'1,000 posts':>14}")
    for url in URLS:
        cells = [f"{counts[url][1]} ({counts[url][0]})" for counts in (small, large)]
        print(f"{url:30} {cells[0]:>14} {cells[1]:>14}")


if __name__ == "__main__":
    main()
