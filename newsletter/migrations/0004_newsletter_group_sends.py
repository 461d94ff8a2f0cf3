"""The "Newsletter" group sends issues and sees their delivery records."""

from django.db import migrations

GROUP_NAME = "Newsletter"
PERMISSIONS = {
    ("mailing", "send_mailing"): "Kann Newsletter versenden",
    ("delivery", "view_delivery"): "Can view Zustellung",
}


def grant_sending(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    for (model, codename), name in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0003_mailings_and_deliveries")]

    operations = [migrations.RunPython(grant_sending, migrations.RunPython.noop)]
