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


NEWSLETTER_WORKFLOW_NAME = "Newsletterfreigabe"
NEWSLETTER_GROUP_NAME = "Newsletter"
# Approving an issue publishes it, which Wagtail lets only those do who may publish the page.
NEWSLETTER_INDEX_PERMISSIONS = ["change_page", "publish_page"]


def set_up_newsletter_index(newsletter_index):
    """Issues below ``newsletter_index`` go through "Newsletterfreigabe", and the Newsletter
    group may edit and publish them there (nowhere else)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    workflow = Workflow.objects.filter(name=NEWSLETTER_WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=newsletter_index, defaults={"workflow": workflow})
    group = Group.objects.filter(name=NEWSLETTER_GROUP_NAME).first()
    if group is None:
        return
    for codename in NEWSLETTER_INDEX_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=newsletter_index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
