"""The old site's URLs and the files it served under ``/assets/``, imported once each."""

import re
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.utils.file import hash_filelike

from .kramdown import quotes_from_config

DEFAULT_SITE_URL = "https://oic-bielefeld.de"
ASSETS_URL_PATH = "/assets/"
# Wagtail's own default for WAGTAILIMAGES_MAX_IMAGE_PIXELS.
DEFAULT_MAX_IMAGE_PIXELS = 128_000_000
PRETIX_SHOP_IN_INCLUDE = re.compile(r"(?P<shop>https://[^\s\"'{}]+/)\{\{-?\s*include\.event\b")
DOCUMENT_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp"]


def relative_site_url(url, site_url=DEFAULT_SITE_URL):
    """An absolute link into the old site as a site-relative one; other URLs stay as they are.

    ``https://oic-bielefeld.de/#newsletter`` → ``/#newsletter``.
    """
    url = url.strip()
    if "://" not in site_url:
        site_url = f"https://{site_url}"
    try:
        parts = urlsplit(url)
        site = urlsplit(site_url)
    except ValueError:
        return url
    if parts.scheme not in {"", "http", "https"} or not parts.netloc:
        return url
    if bare_host(parts.hostname) != bare_host(site.hostname):
        return url
    path = parts.path or "/"
    site_path = site.path.rstrip("/")
    if site_path and (path == site_path or path.startswith(site_path + "/")):
        path = path[len(site_path) :] or "/"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def bare_host(hostname):
    return (hostname or "").lower().removeprefix("www.")


def file_title(path):
    """The title an upload in the admin would get: the file name without its extension."""
    return Path(path).stem[:255]


class SiteAssets:
    """Turns ``/assets/…`` URLs into images and documents from the folder they were served from.

    A file is stored once: an image or document with the same content (file hash) is reused,
    also across runs. ``warn(message, line)`` hears about every URL that cannot be resolved.
    ``counts`` tells how many images and documents were created or reused, ``missing`` which
    URLs named no file, ``stored_files`` the names the storage wrote and ``images_by_path``
    the images by the path the old site served them at.
    """

    def __init__(self, folder=None, site_url=DEFAULT_SITE_URL):
        self.folder = Path(folder).resolve() if folder else None
        self.site_url = site_url
        self.refusals = {}
        self.counts = Counter()
        self.missing = set()
        self.stored_files = []
        self.seen = set()
        self.created_or_updated = set()
        self.images_by_path = {}

    def markdown_quotes(self):
        """The typographic quotes the old site's ``_config.yml`` gave kramdown."""
        return quotes_from_config(self.site_file_text("_config.yml"))

    def site_file_text(self, relative):
        """A text file of the old site's folder (the one holding ``assets/``), or ``""``."""
        if self.folder is None:
            return ""
        try:
            return (self.folder.parent / relative).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def old_pretix_shop_url(self):
        """The shop address the old site's ``_includes/pretix-widget.html`` put before the
        event's name, or ``""``."""
        match = PRETIX_SHOP_IN_INCLUDE.search(self.site_file_text("_includes/pretix-widget.html"))
        return match["shop"] if match else ""

    def relative_url(self, url):
        return relative_site_url(url, self.site_url)

    def image(self, url, warn, line=None, description="", credit="", credit_url="", title=""):
        """The image ``url`` showed on the old site, or ``None`` after a warning.

        An image already stored gets the description and credit it still lacks, and the
        ``title`` (the old site's tooltip) instead of its file name.
        """
        path = self.asset_path(url, warn, line, "the image is left out", required=True)
        if path is None:
            return None
        if not is_image_file(path):
            warn(f"{url} is not an image type the site accepts; the image is left out", line)
            return None
        image = self.imported(path, url, warn, line, "the image is left out", self.create_image)
        if image is not None:
            self.complete_image(image, description, credit, credit_url)
            if title and image.title == file_title(path):
                image.title = title[:255]
                image.save(update_fields=["title"])
            self.images_by_path[ASSETS_URL_PATH + path.relative_to(self.folder).as_posix()] = image
        return image

    def folder_images(self, folder_url, warn, line=None):
        """The URLs of the image files in a folder, by name, any case of extension."""
        try:
            path = unquote(urlsplit(self.relative_url(folder_url)).path)
        except ValueError:
            path = ""
        if not path.startswith(ASSETS_URL_PATH) or self.folder is None:
            warn(f"gallery folder {folder_url} is not under {ASSETS_URL_PATH}", line)
            return []
        folder = (self.folder / path[len(ASSETS_URL_PATH) :]).resolve()
        if not folder.is_relative_to(self.folder) or not folder.is_dir():
            self.missing.add(folder_url)
            warn(f"gallery folder {folder_url} not found in {self.folder}", line)
            return []
        names = sorted(
            child.name
            for child in folder.iterdir()
            if child.is_file() and not child.name.startswith(".") and is_image_file(child)
        )
        return [path.rstrip("/") + "/" + name for name in names]

    def document(self, url, warn, line=None):
        """The document a link to ``url`` downloaded, or ``None`` (the link stays a URL)."""
        path = self.asset_path(url, warn, line, "the link stays a URL", required=False)
        if path is None:
            return None
        if path.suffix.lstrip(".").lower() not in self.document_extensions():
            warn(f"{url} is not a document; the link stays a URL", line)
            return None
        return self.imported(path, url, warn, line, "the link stays a URL", self.create_document)

    def asset_path(self, url, warn, line, consequence, required):
        """The file behind an ``/assets/`` URL; ``None`` with a warning if it is not there.

        Other URLs give ``None``, with a warning only if an asset was ``required``.
        """
        try:
            path = urlsplit(self.relative_url(url)).path
        except ValueError:
            path = ""
        if not path.startswith(ASSETS_URL_PATH):
            if required:
                warn(f"{url} is not under {ASSETS_URL_PATH}; {consequence}", line)
            return None
        if self.folder is None:
            warn(f"{url} not imported: no --assets folder given; {consequence}", line)
            return None
        candidate = (self.folder / unquote(path[len(ASSETS_URL_PATH) :])).resolve()
        if not candidate.is_relative_to(self.folder) or not candidate.is_file():
            self.missing.add(url)
            warn(f"{url} not found in {self.folder}; {consequence}", line)
            return None
        return candidate

    def imported(self, path, url, warn, line, consequence, create, *args):
        if path not in self.refusals:
            try:
                return create(path, *args)
            except ValidationError as error:
                self.refusals[path] = " ".join(error.messages)
        warn(f"{url} refused ({self.refusals[path]}); {consequence}", line)
        return None

    def document_extensions(self):
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        return [
            extension for extension in DOCUMENT_EXTENSIONS if not allowed or extension in allowed
        ]

    def count(self, kind, stored, created):
        """Count each image or document once per run: created, or found from an earlier run."""
        if (kind, stored.pk) not in self.seen:
            self.seen.add((kind, stored.pk))
            self.counts[kind, "created" if created else "unchanged"] += 1

    def complete_image(self, image, description, credit, credit_url):
        """Give a stored image the description (alt text) and credit it does not have yet."""
        missing = {
            "description": description[:255] if not image.description else "",
            "credit": credit[:255] if not image.credit else "",
            "credit_url": credit_url if not image.credit_url else "",
        }
        missing = {field: value for field, value in missing.items() if value}
        if not missing:
            return
        for field, value in missing.items():
            setattr(image, field, value)
        image.save(update_fields=list(missing))
        if ("image", image.pk) not in self.created_or_updated:
            self.created_or_updated.add(("image", image.pk))
            self.counts["image", "unchanged"] -= 1
            self.counts["image", "updated"] += 1

    def create_image(self, path):
        image_model = get_image_model()
        with path.open("rb") as file:
            file_hash = hash_filelike(file)
            existing = image_model.objects.filter(file_hash=file_hash).first()
            if existing:
                self.count("image", existing, created=False)
                return existing
            check_image_file(file)
            file.seek(0)
            image = image_model(
                title=file_title(path),
                file=File(file, name=path.name),
                file_hash=file_hash,
                file_size=path.stat().st_size,
            )
            image.full_clean()
            image.save()
        self.stored_files.append(image.file.name)
        self.created_or_updated.add(("image", image.pk))
        self.count("image", image, created=True)
        return image

    def create_document(self, path):
        document_model = get_document_model()
        with path.open("rb") as file:
            file_hash = hash_filelike(file)
            existing = document_model.objects.filter(file_hash=file_hash).first()
            if existing:
                self.count("document", existing, created=False)
                return existing
            document = document_model(
                title=file_title(path),
                file=File(file, name=path.name),
                file_hash=file_hash,
                file_size=path.stat().st_size,
            )
            document.full_clean()
            document.save()
        self.stored_files.append(document.file.name)
        self.count("document", document, created=True)
        return document


def check_image_file(file):
    """Refuse a file Pillow cannot read, or one whose pixels would not fit in memory (a
    decompression bomb: a few kilobytes that unpack to gigabytes). The limit is the one
    Wagtail applies to uploads in the admin."""
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as picture:
                width, height = picture.size
                if width * height > limit:
                    raise ValidationError(
                        f"{width} × {height} pixels, more than the {limit:,} an image may have"
                    )
                picture.verify()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            "more pixels than can be processed safely, a possible decompression bomb"
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError("not an image file that can be read") from error


def is_image_file(path):
    return path.suffix.lstrip(".").lower() in get_allowed_image_extensions()
