"""The "Newsletter" group: admin access, and seeing and erasing subscribers."""

from django.db import migrations

GROUP_NAME = "Newsletter"
SUBSCRIBER_PERMISSIONS = {
    "view_subscriber": "Can view Abonnent*in",
    "delete_subscriber": "Can delete Abonnent*in",
}


def create_newsletter_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Permissions are normally created after migrations (post_migrate); on a fresh database
    # they do not exist yet, so create the ones the group needs here.
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    subscriber_type, _ = ContentType.objects.get_or_create(
        app_label="newsletter", model="subscriber"
    )
    permissions = [access_admin]
    for codename, name in SUBSCRIBER_PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=subscriber_type, codename=codename, defaults={"name": name}
        )
        permissions.append(permission)

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_newsletter_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_newsletter_group, remove_newsletter_group),
    ]
