from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from formpages.retention import delete_expired_submissions


class Command(BaseCommand):
    help = "Delete form submissions older than the retention period (daily, with the newsletter's)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FORM_SUBMISSION_RETENTION_DAYS,
            metavar="N",
            help="delete submissions older than N days "
            "(default: FORM_SUBMISSION_RETENTION_DAYS, %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="only report what would be done")

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError(f"--days must be 0 or more, not {days}.")
        count = delete_expired_submissions(days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Dry run, nothing changed. Would delete {count} form submissions older than "
                f"{days} days."
            )
            return
        self.stdout.write(f"Deleted {count} form submissions older than {days} days.")
