from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.retention import clean_up_subscribers


class Command(BaseCommand):
    help = (
        "Delete newsletter sign-ups never confirmed within the pending period, and replace "
        "entries unsubscribed longer than the unsubscribed period by an anonymous opt-out "
        "proof. Confirmed subscribers are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending-days",
            type=int,
            default=settings.NEWSLETTER_PENDING_RETENTION_DAYS,
            metavar="N",
            help="delete unconfirmed sign-ups older than N days "
            "(default: NEWSLETTER_PENDING_RETENTION_DAYS, %(default)s)",
        )
        parser.add_argument(
            "--unsubscribed-days",
            type=int,
            default=settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS,
            metavar="N",
            help="anonymise entries unsubscribed more than N days ago "
            "(default: NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS, %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="only report what would be done")

    def handle(self, *args, pending_days, unsubscribed_days, dry_run, **options):
        for option, days in (
            ("--pending-days", pending_days),
            ("--unsubscribed-days", unsubscribed_days),
        ):
            if days < 0:
                raise CommandError(f"{option} must be 0 or more, not {days}.")
        result = clean_up_subscribers(
            pending_days=pending_days, unsubscribed_days=unsubscribed_days, dry_run=dry_run
        )
        if dry_run:
            self.stdout.write(
                f"Dry run, nothing changed. Would delete {result.pending_deleted} pending "
                f"sign-ups older than {pending_days} days. Would anonymise "
                f"{result.unsubscribed_anonymised} unsubscribed entries older than "
                f"{unsubscribed_days} days."
            )
            return
        self.stdout.write(
            f"Deleted {result.pending_deleted} pending sign-ups older than {pending_days} days. "
            f"Anonymised {result.unsubscribed_anonymised} unsubscribed entries older than "
            f"{unsubscribed_days} days."
        )
