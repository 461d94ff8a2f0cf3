from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from importer.jekyll import (
    PostError,
    SiteAssets,
    find_blog_index,
    import_post,
    read_post,
)
from importer.jekyll.arguments import add_target_arguments, add_verbose_argument
from importer.jekyll.report import Warner
from importer.jekyll.site import numbered_names, source_files

POST_SUFFIXES = {".md", ".markdown"}


def post_paths(paths):
    """The files named, with each folder replaced by the Markdown files in it (by name)."""
    found = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        posts = [each for each in source_files(path) if each.suffix.lower() in POST_SUFFIXES]
        if not posts:
            raise CommandError(f"{path} is a folder without Markdown posts (*.md).")
        found += posts
    return found


class Command(BaseCommand):
    help = (
        "Import Jekyll Markdown posts of the old OIC site as blog posts. A post already imported "
        "(same URL name below the blog index) is updated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="Markdown post files, or folders of them (such as _beitraege/)",
        )
        parser.add_argument(
            "--assets",
            metavar="DIR",
            help="the folder the old site served as /assets/ (images and documents)",
        )
        add_target_arguments(parser)
        add_verbose_argument(parser)

    def handle(self, *args, paths, assets, parent, site_url, verbose, **options):
        if assets and not Path(assets).is_dir():
            raise CommandError(f"--assets {assets} is not a folder.")
        try:
            blog_index = find_blog_index(parent)
        except LookupError as error:
            raise CommandError(str(error)) from None
        site_assets = SiteAssets(assets, site_url)

        paths = post_paths(paths)
        url_names, collisions = numbered_names(paths)
        failures = 0
        for path in paths:
            warn = Warner(self.write_warning, str(path), verbose or options["verbosity"] > 1)
            if path in collisions:
                warn(collisions[path])
            try:
                with transaction.atomic():
                    post = read_post(path)
                    imported = import_post(
                        post, blog_index, site_assets, warn, slug=url_names[path]
                    )
            except PostError as error:
                failures += 1
                self.stderr.write(f"{path}: {error}")
                continue
            except ValidationError as error:
                failures += 1
                self.stderr.write(f"{path}: the page is not valid: {' '.join(error.messages)}")
                continue
            except Exception as error:  # noqa: BLE001 - one broken file must not end the batch
                failures += 1
                self.stderr.write(f"{path}: unexpected error, please report it: {error!r}")
                continue
            finally:
                warn.close()
            self.stdout.write(f"{imported.outcome} {imported.url} from {path}")

        if failures:
            raise CommandError(f"{failures} of {len(paths)} files failed to import.")

    def write_warning(self, text):
        self.stderr.write(text, style_func=self.style.WARNING)
