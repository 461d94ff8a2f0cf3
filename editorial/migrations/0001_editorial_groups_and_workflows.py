"""The editorial groups "Redaktion" and "Moderation" and the approval workflows.

Least privilege: the Redaktion writes pages and snippets and uploads media but publishes
nothing; the Moderation approves (publishes), locks and edits. Neither deletes, nor touches
settings, users or subscribers ("Newsletter", see newsletter 0002, stays as it is).

Page permissions sit on the tree root (depth 1), which Wagtail's own first migration creates:
it exists on every database, empty or not, and covers every site and page added later. The
same goes for the root collection of images and documents.

Wagtail's first migrations create English groups "Editors" and "Moderators" with broader
rights, and a workflow "Moderators approval" on the tree root. They are renamed and cut down
here rather than left beside ours, so that there is one obvious group per role.

Workflows: "Seitenfreigabe" on the tree root lets the Redaktion submit any page;
"Beitragsfreigabe" on every blog index covers the posts. Both run one task, approval by the
Moderation. Blog indexes get "Beitragsfreigabe" when they are created (blog.signals).
"""

from django.db import migrations

EDITORS = "Redaktion"
MODERATORS = "Moderation"
PAGE_WORKFLOW = "Seitenfreigabe"
POST_WORKFLOW = "Beitragsfreigabe"
APPROVAL_TASK = "Freigabe durch die Moderation"

# (app_label, model, codename, name): created here if post_migrate has not done it yet.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SNIPPET_PERMISSIONS = [
    ("home", "person", "add_person", "Can add Person"),
    ("home", "person", "change_person", "Can change Person"),
    ("home", "category", "add_category", "Can add Kategorie"),
    ("home", "category", "change_category", "Can change Kategorie"),
    ("projects", "project", "add_project", "Can add Projekt"),
    ("projects", "project", "change_project", "Can change Projekt"),
]
PAGE_ADD = ("wagtailcore", "page", "add_page", "Can add page")
PAGE_CHANGE = ("wagtailcore", "page", "change_page", "Can change page")
PAGE_PUBLISH = ("wagtailcore", "page", "publish_page", "Publish any page")
PAGE_LOCK = ("wagtailcore", "page", "lock_page", "Lock/unlock pages you've locked")
PAGE_UNLOCK = ("wagtailcore", "page", "unlock_page", "Unlock any page")
# Wagtail checks image and document rights against its base models, also for custom ones.
IMAGE_ADD = ("wagtailimages", "image", "add_image", "Can add image")
IMAGE_CHANGE = ("wagtailimages", "image", "change_image", "Can change image")
IMAGE_CHOOSE = ("wagtailimages", "image", "choose_image", "Can choose image")
DOCUMENT_ADD = ("wagtaildocs", "document", "add_document", "Can add document")
DOCUMENT_CHANGE = ("wagtaildocs", "document", "change_document", "Can change document")
DOCUMENT_CHOOSE = ("wagtaildocs", "document", "choose_document", "Can choose document")

GROUPS = {
    EDITORS: {
        "renames": "Editors",
        "model": [ACCESS_ADMIN, *SNIPPET_PERMISSIONS],
        "pages": [PAGE_ADD, PAGE_CHANGE],
        # Editors may edit the images and documents they uploaded themselves ("add").
        "collections": [IMAGE_ADD, IMAGE_CHOOSE, DOCUMENT_ADD, DOCUMENT_CHOOSE],
    },
    MODERATORS: {
        "renames": "Moderators",
        "model": [ACCESS_ADMIN, *SNIPPET_PERMISSIONS],
        "pages": [PAGE_ADD, PAGE_CHANGE, PAGE_PUBLISH, PAGE_LOCK, PAGE_UNLOCK],
        "collections": [
            IMAGE_ADD,
            IMAGE_CHANGE,
            IMAGE_CHOOSE,
            DOCUMENT_ADD,
            DOCUMENT_CHANGE,
            DOCUMENT_CHOOSE,
        ],
    },
}


def get_permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def editorial_group(apps, name, renames):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=renames).first() or Group(name=name)
        group.name = name
        group.save()
    return group


def create_groups(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    tree_root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name, rights in GROUPS.items():
        group = editorial_group(apps, name, rights["renames"])
        group.permissions.set([get_permission(apps, *spec) for spec in rights["model"]])
        GroupPagePermission.objects.filter(group=group).delete()
        if tree_root is not None:
            for spec in rights["pages"]:
                GroupPagePermission.objects.create(
                    group=group, page=tree_root, permission=get_permission(apps, *spec)
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for spec in rights["collections"]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=get_permission(apps, *spec)
                )
        groups[name] = group

    create_workflows(apps, groups[MODERATORS], tree_root)


def create_workflows(apps, moderators, tree_root):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = (
        GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
        or GroupApprovalTask.objects.filter(name="Moderators approval").first()
    )
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask(content_type=task_type)
    task.name = APPROVAL_TASK
    task.active = True
    task.save()
    task.groups.set([moderators])

    def workflow_with_task(name, renames=None):
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None and renames:
            workflow = Workflow.objects.filter(name=renames).first()
        workflow = workflow or Workflow()
        workflow.name = name
        workflow.active = True
        workflow.save()
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        return workflow

    page_workflow = workflow_with_task(PAGE_WORKFLOW, renames="Moderators approval")
    workflow_with_task(POST_WORKFLOW)
    if tree_root is not None:
        WorkflowPage.objects.update_or_create(page=tree_root, defaults={"workflow": page_workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [
        # Not reversed: the groups may have members by then, and Wagtail's own defaults
        # (which this replaces) are not worth restoring.
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
