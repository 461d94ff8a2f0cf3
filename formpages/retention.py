"""How long form submissions are kept: ``FORM_SUBMISSION_RETENTION_DAYS`` (README, "Forms")."""

import datetime

from django.utils import timezone

from .models import Submission


def expired_submissions(days, now=None):
    now = now or timezone.now()
    return Submission.objects.filter(submit_time__lt=now - datetime.timedelta(days=days))


def delete_expired_submissions(days, dry_run=False):
    """The number of submissions older than ``days`` deleted (or, dry, that would be)."""
    if days < 0:
        raise ValueError("The retention period cannot be negative.")
    expired = expired_submissions(days)
    if dry_run:
        return expired.count()
    deleted, _ = expired.delete()
    return deleted
