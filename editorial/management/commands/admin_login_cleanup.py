import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete django-axes' records of admin sign-ins (address, browser, user name) older than "
        "ADMIN_LOGIN_RECORD_RETENTION_DAYS: failed attempts, the sign-in log and its failures."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(
            days=settings.ADMIN_LOGIN_RECORD_RETENTION_DAYS
        )
        # A lock (AXES_COOLOFF_TIME, one hour) rests on attempts far younger than any
        # retention counted in days, so no running lock is lifted here.
        counts = {
            model._meta.verbose_name_plural: model.objects.filter(attempt_time__lt=cutoff).delete()[
                0
            ]
            for model in (AccessAttempt, AccessLog, AccessFailureLog)
        }
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Deleted sign-in records older than {cutoff:%Y-%m-%d %H:%M}: {summary}.")
