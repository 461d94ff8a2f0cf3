"""Static files storage for production: the project's own CSS and JavaScript minified, then
hashed and compressed by WhiteNoise."""

from pathlib import Path

import rcssmin
import rjsmin
from django.conf import settings
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

MINIFIERS = {
    ".css": rcssmin.cssmin,
    ".js": rjsmin.jsmin,
}


def project_static_dirs():
    """The folders of STATICFILES_DIRS: the files we write ourselves. Files from installed apps
    (Wagtail's admin) arrive minified by their own build and are left alone."""
    folders = set()
    for entry in settings.STATICFILES_DIRS:
        folder = entry[1] if isinstance(entry, (list, tuple)) else entry
        folders.add(Path(folder).resolve())
    return folders


def needs_minifying(path, source_storage, own_folders):
    suffix = Path(path).suffix
    if suffix not in MINIFIERS or path.endswith((".min.css", ".min.js")):
        return False
    location = getattr(source_storage, "location", None)
    return location is not None and Path(location).resolve() in own_folders


class MinifiedCompressedManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Minifies the collected copies of our own CSS and JavaScript before the manifest step, so
    that the content hash, the hashed file and its .gz/.br siblings all carry the minified
    text. The sources in static/ stay readable; comments (including source-map references)
    do not reach visitors."""

    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            paths = self.minify_own_files(paths)
        yield from super().post_process(paths, dry_run=dry_run, **options)

    def minify_own_files(self, paths):
        """Minify the collected copies and name them as the source the manifest step hashes
        (it reads each file from where it was found, not from the collected copy)."""
        own_folders = project_static_dirs()
        paths = dict(paths)
        for path, (source_storage, _source_path) in paths.items():
            if not needs_minifying(path, source_storage, own_folders):
                continue
            with self.open(path) as collected:
                text = collected.read().decode("utf-8")
            minified = MINIFIERS[Path(path).suffix](text)
            if minified != text:
                self.delete(path)
                self.save(path, ContentFile(minified.encode("utf-8")))
            paths[path] = (self, path)
        return paths
