"""Generated content for load tests: the demo site plus thousands of posts, built in bulk.

Runs inside a configured Django process. Posts are written with bulk inserts and tree paths
computed the way treebeard computes them, so 10,000 posts take seconds instead of the
minutes ``add_child`` would take; they are live, without revisions, like imported content.
"""

import datetime
import io
import itertools
import time

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from PIL import Image as PILImage
from wagtail.models import Collection, Page

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from home.models import Category, CreditedImage, Person

GENERATED_IMAGE_COUNT = 8
GENERATED_SLUG_PREFIX = "lasttest-beitrag-"
BATCH_SIZE = 1000
PARAGRAPH = (
    "Die Open Innovation City Bielefeld bringt Stadtgesellschaft, Verwaltung, Wissenschaft "
    "und Wirtschaft zusammen, um neue Lösungen für die Stadt auszuprobieren. "
)


def say(message):
    from .environment import say as print_to_stderr

    print_to_stderr(message)


def build_demo_site():
    """Migrations and the demo content: every page type, every home section, real texts."""
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    say(f"demo site built in {time.monotonic() - started:.1f} s")


def generated_images():
    """A handful of photos-sized images the generated posts share as header images."""
    existing = list(CreditedImage.objects.filter(title__startswith="Lasttest-Bild"))
    if existing:
        return existing
    collection = Collection.get_first_root_node()
    images = []
    for number in range(GENERATED_IMAGE_COUNT):
        buffer = io.BytesIO()
        colour = (40 + number * 25, 75, 135 - number * 10)
        PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG", quality=80)
        image = CreditedImage(
            title=f"Lasttest-Bild {number}",
            description="Generiertes Bild für den Lasttest",
            credit="Grafik: Lasttest",
            collection=collection,
            file=ContentFile(buffer.getvalue(), name=f"lasttest-{number}.jpg"),
        )
        image.save()
        images.append(image)
    return images


def post_body(number):
    return [
        {"type": "paragraph", "value": f"<p>{PARAGRAPH * 3}</p>"},
        {"type": "heading", "value": {"text": f"Abschnitt {number}", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{PARAGRAPH * 5}</p>"},
    ]


def new_posts(blog_index, count, images):
    """``count`` unsaved live posts below ``blog_index`` with their tree paths set."""
    last_child = blog_index.get_children().order_by("-path").first()
    last_step = int(last_child.path[-BlogPage.steplen :], 36) if last_child else 0
    first_number = BlogPage.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()
    published = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    posts = []
    for offset in range(count):
        number = first_number + offset
        slug = f"{GENERATED_SLUG_PREFIX}{number}"
        post = BlogPage(
            title=f"Lasttest-Beitrag {number}: Ideen für Bielefeld",
            slug=slug,
            draft_title=f"Lasttest-Beitrag {number}: Ideen für Bielefeld",
            teaser=f"Generierter Beitrag {number} für den Lasttest der Website.",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number % 2500),
            header_image=images[number % len(images)],
            body=post_body(number),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            path=BlogPage._get_path(blog_index.path, blog_index.depth + 1, last_step + offset + 1),
            depth=blog_index.depth + 1,
            numchild=0,
            url_path=f"{blog_index.url_path}{slug}/",
            locale_id=blog_index.locale_id,
        )
        posts.append(post)
    return posts


def insert_posts(posts):
    """Insert the ``wagtailcore_page`` rows in bulk, then the ``blog_blogpage`` rows."""
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    base_rows = [
        Page(**{field.attname: getattr(post, field.attname) for field in base_fields})
        for post in posts
    ]
    Page.objects.bulk_create(base_rows, batch_size=BATCH_SIZE)
    own_fields = list(BlogPage._meta.local_concrete_fields)
    for post, base_row in zip(posts, base_rows, strict=True):
        post.page_ptr_id = post.id = base_row.id
    columns = ", ".join(connection.ops.quote_name(f.column) for f in own_fields)
    placeholders = ", ".join(["%s"] * len(own_fields))
    table = connection.ops.quote_name(BlogPage._meta.db_table)
    rows = [
        [f.get_db_prep_save(getattr(post, f.attname), connection) for f in own_fields]
        for post in posts
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


@transaction.atomic
def add_generated_posts(total):
    """Add generated posts until the site has ``total`` posts; prints how long it took."""
    started = time.monotonic()
    blog_index = BlogIndexPage.objects.get()
    missing = total - BlogPage.objects.count()
    if missing <= 0:
        return
    images = generated_images()
    people = list(Person.objects.order_by("pk"))
    categories = list(Category.objects.order_by("pk"))
    singles = [[category] for category in categories]
    pairs = [list(pair) for pair in zip(categories, categories[1:], strict=False)]
    category_pairs = itertools.cycle(singles + pairs)
    for batch_start in range(0, missing, BATCH_SIZE):
        blog_index.refresh_from_db()
        posts = new_posts(blog_index, min(BATCH_SIZE, missing - batch_start), images)
        insert_posts(posts)
        BlogPageAuthor.objects.bulk_create(
            BlogPageAuthor(page_id=post.pk, person=people[post.pk % len(people)], sort_order=0)
            for post in posts
        )
        through = BlogPage.categories.through
        through.objects.bulk_create(
            through(blogpage_id=post.pk, category_id=category.pk)
            for post in posts
            for category in next(category_pairs)
        )
        Page.objects.filter(pk=blog_index.pk).update(numchild=F("numchild") + len(posts))
    say(f"added {missing:,} posts in {time.monotonic() - started:.1f} s")


def update_search_index():
    """The search benchmark must search the generated posts too."""
    started = time.monotonic()
    call_command("update_index", verbosity=0)
    say(f"search index rebuilt in {time.monotonic() - started:.1f} s")


def settle_database():
    """What autovacuum has long done in production: statistics for every table, so the planner
    does not guess, and no vacuum left to start in the middle of a measurement. After bulk
    inserts and a search index rebuild, PostgreSQL's autovacuum would otherwise take a core
    while wrk runs."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    say(f"database vacuumed and analysed in {time.monotonic() - started:.1f} s")


def prepare_posts(total):
    """The site with ``total`` posts, ready to be measured: searchable, every rendition made,
    the database settled."""
    add_generated_posts(total)
    update_search_index()
    run_queued_tasks()
    settle_database()


def run_queued_tasks():
    """What the task worker does in production with the queue the data set left: the images'
    renditions (``home.renditions``), made before any web worker serves a page."""
    started = time.monotonic()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    say(f"queued tasks run in {time.monotonic() - started:.1f} s")
