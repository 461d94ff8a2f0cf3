"""The old site's URLs and the files it served under ``/assets/``, imported once each."""

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

DEFAULT_SITE_URL = "https://oic-bielefeld.de"
ASSETS_URL_PATH = "/assets/"
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
    """

    def __init__(self, folder=None, site_url=DEFAULT_SITE_URL):
        self.folder = Path(folder).resolve() if folder else None
        self.site_url = site_url
        self.refusals = {}

    def relative_url(self, url):
        return relative_site_url(url, self.site_url)

    def image(self, url, warn, line=None, description=""):
        """The image ``url`` showed on the old site, or ``None`` after a warning."""
        path = self.asset_path(url, warn, line, "the image is left out", required=True)
        if path is None:
            return None
        if path.suffix.lstrip(".").lower() not in get_allowed_image_extensions():
            warn(f"{url} is not an image type the site accepts; the image is left out", line)
            return None
        return self.imported(
            path, url, warn, line, "the image is left out", self.create_image, description
        )

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

    def create_image(self, path, description=""):
        image_model = get_image_model()
        with path.open("rb") as file:
            file_hash = hash_filelike(file)
            existing = image_model.objects.filter(file_hash=file_hash).first()
            if existing:
                return existing
            try:
                with PILImage.open(file) as picture:
                    picture.verify()
            except (OSError, SyntaxError, ValueError) as error:
                raise ValidationError("not an image file that can be read") from error
            file.seek(0)
            image = image_model(
                title=file_title(path),
                description=description[:255],
                file=File(file, name=path.name),
                file_hash=file_hash,
                file_size=path.stat().st_size,
            )
            image.full_clean()
            image.save()
        return image

    def create_document(self, path):
        document_model = get_document_model()
        with path.open("rb") as file:
            file_hash = hash_filelike(file)
            existing = document_model.objects.filter(file_hash=file_hash).first()
            if existing:
                return existing
            document = document_model(
                title=file_title(path),
                file=File(file, name=path.name),
                file_hash=file_hash,
                file_size=path.stat().st_size,
            )
            document.full_clean()
            document.save()
        return document
