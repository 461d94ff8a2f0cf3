"""The workflow "Newsletterfreigabe": the Newsletter group approves newsletter issues.

Like "Beitragsfreigabe" for posts, one approval task; it is attached to the newsletter index
when that is created (``editorial.workflows.set_up_newsletter_index``).
"""

from django.db import migrations

WORKFLOW = "Newsletterfreigabe"
TASK = "Freigabe durch die Newsletter-Gruppe"
GROUP = "Newsletter"


def create_newsletter_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([group])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_autosaved_new_pages"),
        ("newsletter", "0004_newsletter_group_sends"),
    ]

    operations = [migrations.RunPython(create_newsletter_workflow, migrations.RunPython.noop)]
