from django_tasks import task

from .models import Submission


@task()
def mail_submission(submission_id):
    """Mail a submission to the addresses its page names; one deleted meanwhile is not sent."""
    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return
    page = submission.page.specific
    if page.to_address:
        page.notification_email(submission).send()
