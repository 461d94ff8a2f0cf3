"""What the demo made, so that loading it again adds only what it never made before.

Every piece of demo content has a stable key (``"page:/beitraege/"``, ``"category:Formate"``).
The first run that meets a key makes the thing, or takes over one already there under the same
natural key (a site loaded before keys were recorded), and records it. Every later run returns
the recorded thing as it is, or ``None`` when an editor deleted it: the demo never changes,
republishes or re-creates what exists or existed, and never trips over an editor's rename.
"""

from home.categories import category_slug, transliterate
from home.models import Category, Person
from website.models import DemoContentItem


def demo_object(key, find, create):
    """The demo's object under ``key``: ``find()`` or ``create()`` once, the recorded one after.

    ``find`` returns an existing object or ``None``; ``create`` makes and saves one (it may
    return ``None`` when it cannot, e.g. because something it needs was deleted: then nothing
    is recorded and a later run tries again).
    """
    record = DemoContentItem.objects.filter(key=key).first()
    if record is not None:
        return record.content_object
    obj = find()
    if obj is None:
        obj = create()
        if obj is None:
            return None
    DemoContentItem.objects.create(key=key, content_object=obj)
    return obj


def is_recorded(key):
    return DemoContentItem.objects.filter(key=key).exists()


def record(key, obj):
    """Note ``obj`` under ``key`` (for things made along with another, e.g. by the importer)."""
    DemoContentItem.objects.get_or_create(key=key, defaults={"content_object": obj})


def recorded_object(key):
    """The object recorded under ``key`` (``None`` if unrecorded or deleted)."""
    record = DemoContentItem.objects.filter(key=key).first()
    return record.content_object if record else None


def page_key(model, slug):
    """A demo page's key: its type and the slug the demo gives it, whatever editors rename."""
    return f"page:{model._meta.label_lower}:{slug}"


def demo_child_page(parent, model, slug, log, **fields):
    """The demo's page ``slug`` below ``parent``: created and published once, then left to the
    editors. ``None`` if an editor deleted it, or the parent is gone and it was never made."""

    def create():
        if parent is None:
            log(f"skipped page {slug}: its parent page was deleted")
            return None
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        log(f"created {page.url}")
        return model.objects.get(pk=page.pk)

    return demo_object(
        page_key(model, slug),
        lambda: model.objects.child_of(parent).filter(slug=slug).first() if parent else None,
        create,
    )


def demo_person(name, **fields):
    """The demo's person ``name``, created live with ``fields`` once."""
    return demo_object(
        f"person:{name}",
        Person.objects.filter(name=name).first,
        lambda: Person.objects.create(name=name, **fields),
    )


def demo_category(name):
    """The demo's category ``name``; found as the importer finds categories (slug or name)."""
    slug = category_slug(name)
    return demo_object(
        f"category:{name}",
        lambda: (
            Category.objects.filter(slug__in=[slug, transliterate(slug)]).order_by("pk").first()
            or Category.objects.filter(name__iexact=name).first()
        ),
        lambda: Category.objects.create(name=name),
    )
