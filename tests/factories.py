"""Factories for the content model; tests build exactly the content they talk about."""

import datetime
import io
import struct

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.models import Collection, Page

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from downloads.models import Download
from formats.models import FormatIndexPage, FormatKit, FormatPage
from home.models import Category, CreditedImage, Person, StandardPage
from website.authors import AuthorIndexPage
from website.models import HomePage


def png_bytes(width=64, height=48, colour=(0, 75, 135)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def minimal_pdf_bytes(text="OIC"):
    """A small but valid one-page PDF."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return output.getvalue()


def mp4_box(kind, payload):
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def minimal_mp4_bytes(seconds=125):
    """The smallest MP4 that says how long it lasts: a file type box and a movie header
    (version 0, 1000 units a second). No frames: tests need its length, not a picture."""
    movie_header = struct.pack(">B3xIIII", 0, 0, 0, 1000, seconds * 1000) + bytes(80)
    return mp4_box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + mp4_box(
        b"moov", mp4_box(b"mvhd", movie_header)
    )


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = CreditedImage

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.LazyAttribute(lambda image: f"Beschreibung von {image.title}")
    credit = "© OIC Bielefeld"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(lambda image: ContentFile(png_bytes(), name="bild.png"))


class DownloadFactory(DjangoModelFactory):
    class Meta:
        model = Download

    title = factory.Sequence(lambda n: f"Kit {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda document: ContentFile(minimal_pdf_bytes(document.title), name="kit.pdf")
    )


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Projektleitung"
    email = factory.Sequence(lambda n: f"person{n}@bielefeld.de")


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kategorie {n}")


class PageFactory(DjangoModelFactory):
    """Adds the page below ``parent`` (required) the way the admin does."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise ValueError("Pages need a parent.")
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


def draft_page(parent, model=None, owner=None, **fields):
    """A page saved below ``parent`` as the admin saves a draft: never published."""
    model = model or StandardPage
    page = model(live=False, owner=owner, **{"title": "Entwurf", **fields})
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return model.objects.get(pk=page.pk)


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Startseite"
    slug = "start"
    body = factory.LazyFunction(
        lambda: [
            (
                "hero",
                {
                    "heading": "Open Innovation City Bielefeld",
                    "intro": "Gemeinsam Bielefelds Zukunft gestalten.",
                    "actions": [],
                },
            ),
            ("latest_posts", {"heading": "Neueste Beiträge", "number": 3}),
            ("formats", {"heading": "Unsere Formate"}),
        ]
    )


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = "Angaben gemäß § 5 DDG"


class BlogIndexPageFactory(PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Beiträge"
    slug = "beitraege"


class FormatIndexPageFactory(PageFactory):
    class Meta:
        model = FormatIndexPage

    title = "Formate"
    slug = "formate"


class AuthorIndexPageFactory(PageFactory):
    class Meta:
        model = AuthorIndexPage

    title = "Autor*innen"
    slug = "autoren"


class FormatPageFactory(PageFactory):
    class Meta:
        model = FormatPage

    teaser = "Ein Format der Open Innovation City Bielefeld."

    @classmethod
    def _create(cls, model_class, *args, kits=(), **kwargs):
        kwargs["kits"] = [FormatKit(document=document) for document in kits]
        return super()._create(model_class, *args, **kwargs)


class BlogPageFactory(PageFactory):
    """A published post; pass ``authors=[…]`` and ``categories=[…]`` to choose them."""

    class Meta:
        model = BlogPage

    title = factory.Sequence(lambda n: f"Beitrag {n}")
    teaser = "Ein kurzer Teaser für den Beitrag."
    date = datetime.date(2026, 1, 15)

    @classmethod
    def _create(cls, model_class, *args, authors=None, categories=None, **kwargs):
        authors = authors if authors is not None else [PersonFactory()]
        categories = categories if categories is not None else [CategoryFactory()]
        kwargs["authors"] = [BlogPageAuthor(person=person) for person in authors]
        kwargs["categories"] = categories
        return super()._create(model_class, *args, **kwargs)


def page_root():
    return Page.get_first_root_node()
