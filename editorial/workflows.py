"""The approval workflows; created by migration 0001, attached to new blog indexes here."""

from wagtail.models import Workflow, WorkflowPage

POST_WORKFLOW_NAME = "Beitragsfreigabe"


def assign_post_workflow(blog_index):
    """Send the posts below ``blog_index`` through "Beitragsfreigabe".

    Leaves alone a blog index that already has its own workflow, and does nothing when an
    administrator has deactivated or removed "Beitragsfreigabe".
    """
    workflow = Workflow.objects.filter(name=POST_WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=blog_index, defaults={"workflow": workflow})
