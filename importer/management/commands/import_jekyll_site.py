import logging
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.renditions import prepare_renditions
from importer.jekyll.arguments import add_target_arguments, add_verbose_argument
from importer.jekyll.report import ImportReport, Progress
from importer.jekyll.site import SiteImport
from pagecache.signals import purged_once_afterwards


@contextmanager
def quiet_wagtail_log():
    """Wagtail logs a line per page created and published (hundreds for the whole site), which
    buried the import's own problems; only its warnings and errors stay."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(max(logging.WARNING, level))
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Import the folder of the old Jekyll site: persons, projects, author pages, posts, "
        "methods, events, images and downloads, with redirects from every old URL that moved. "
        "Running it again changes only what changed in the folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("root", metavar="ROOT", help="the Jekyll site's folder")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="import into a transaction that is rolled back: nothing changes, the same "
            "report is printed",
        )
        parser.add_argument(
            "--no-renditions",
            dest="renditions",
            action="store_false",
            help="leave the images' sizes to the first visitor who sees them (by default the "
            "import makes them, or queues them for the task worker in production)",
        )
        add_target_arguments(parser)
        add_verbose_argument(parser)

    def handle(self, *args, root, dry_run, parent, site_url, verbose, renditions, **options):
        root = Path(root)
        if not root.is_dir():
            raise CommandError(f"{root} is not a folder.")
        report = ImportReport(
            self.stdout, self.stderr, self.style.WARNING, verbose or options["verbosity"] > 1
        )
        try:
            site_import = SiteImport(root, report, site_url, parent)
        except LookupError as error:
            raise CommandError(str(error)) from None

        with purged_once_afterwards(), quiet_wagtail_log():
            if dry_run:
                with transaction.atomic():
                    site_import.run()
                    transaction.set_rollback(True)
                for name in site_import.assets.stored_files:
                    default_storage.delete(name)
            else:
                site_import.run()

        rendition_line = None
        if renditions and not dry_run:
            rendition_line = self.prepare_renditions(site_import.assets.images_by_path.values())
        for (kind, outcome), number in site_import.assets.counts.items():
            report.count(kind, outcome, number)
        heading = "Dry run, nothing was changed. Summary:" if dry_run else "Summary:"
        self.stdout.write(heading)
        notes = [rendition_line] if rendition_line else []
        for line in report.summary(len(site_import.assets.missing), notes):
            self.stdout.write(line)
        if report.failed:
            raise CommandError(f"{report.failed} of the site's files or entries failed to import.")

    def prepare_renditions(self, images):
        """Every size the templates show of the imported images, made now, so that the first
        view of a post with a large gallery takes as long as any other (it took two minutes
        for 22 images). In production the task worker makes them: each saved image queued
        them already."""
        images = list({image.pk: image for image in images}.values())
        if settings.PREPARE_IMAGE_RENDITIONS:
            return f"image sizes: queued for the task worker ({len(images)} images)"
        progress = Progress(self.stderr, len(images))
        failed = 0
        for image in images:
            try:
                prepare_renditions(image)
            except Exception as error:  # noqa: BLE001 - the first view will try again
                failed += 1
                progress.clear()
                self.stderr.write(
                    f"{image.file.name}: warning: its sizes could not be made ({error!r}); "
                    "the first view tries again",
                    style_func=self.style.WARNING,
                )
            progress.advance(image.title)
        progress.clear()
        return f"image sizes: made for {len(images) - failed} of {len(images)} images"
