"""Persons and projects go through approval; categories are the Moderation's.

People and projects are shown to visitors (author cards, contact persons, team, project cards),
so a change by the Redaktion must not reach the site before the Moderation has seen it, as with
pages. Both models now keep drafts and revisions (home 0004, projects 0002): the workflow
"Eintragsfreigabe" runs the same task as the page workflows, approval by the Moderation, which
also gets the rights to publish, lock and unlock them.

Categories change rarely and steer filters, feeds and their addresses; drafts of them would
have to be hidden from every listing and post that names them. They are therefore edited by
the Moderation alone; the Redaktion still files pages under the existing ones.
"""

from django.db import migrations

EDITORS = "Redaktion"
MODERATORS = "Moderation"
APPROVAL_TASK = "Freigabe durch die Moderation"
SNIPPET_WORKFLOW = "Eintragsfreigabe"
APPROVED_MODELS = [("home", "person", "Person"), ("projects", "project", "Projekt")]
CATEGORY_RIGHTS = ["add_category", "change_category"]


def get_permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def approve_snippets(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *editors.permissions.filter(
                content_type__app_label="home", codename__in=CATEGORY_RIGHTS
            )
        )
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is not None:
        # Wagtail names these "Can publish Person" etc. when it creates them after migrate.
        moderators.permissions.add(
            *[
                get_permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {name}")
                for app_label, model, name in APPROVED_MODELS
                for action in ("publish", "lock", "unlock")
            ]
        )

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        # An administrator removed the Moderation's task: leave the approval to them.
        return
    workflow = Workflow.objects.filter(name=SNIPPET_WORKFLOW).first() or Workflow(
        name=SNIPPET_WORKFLOW
    )
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for app_label, model, _ in APPROVED_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_newsletter_least_privilege"),
        ("home", "0004_person_drafts_and_approval"),
        ("projects", "0002_project_drafts_and_approval"),
    ]

    operations = [
        # Not reversed: approving people and projects again by hand is safer than a reverse
        # that hands the Redaktion unreviewed publishing back.
        migrations.RunPython(approve_snippets, migrations.RunPython.noop),
    ]
