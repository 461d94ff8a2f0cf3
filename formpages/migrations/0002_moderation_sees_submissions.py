"""The Moderation sees, exports and deletes form submissions; the Redaktion builds the forms but
does not read what visitors sent (README, rights table)."""

from django.db import migrations

GROUP_NAME = "Moderation"
SUBMISSION_PERMISSIONS = {
    "view_submission": "Can view Formular-Eingang",
    "delete_submission": "Can delete Formular-Eingang",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    # Permissions are normally created after migrations (post_migrate); on a fresh database
    # they do not exist yet.
    submission_type, _ = ContentType.objects.get_or_create(
        app_label="formpages", model="submission"
    )
    group.permissions.add(
        *(
            Permission.objects.get_or_create(
                content_type=submission_type, codename=codename, defaults={"name": name}
            )[0]
            for codename, name in SUBMISSION_PERMISSIONS.items()
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="formpages", codename__in=SUBMISSION_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("formpages", "0001_form_pages"),
        ("editorial", "0001_editorial_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
