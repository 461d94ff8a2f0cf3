"""Keep the "Newsletter" group to the newsletter: admin access and its subscriber rights.

Depending on the order migrations run in, Wagtail's own migrations hand every group with admin
access the image and document choosers; newsletter managers need neither.
"""

from django.db import migrations
from django.db.models import Q


def restrict_newsletter_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name="Newsletter").first()
    if group is None:
        return
    extra = group.permissions.exclude(
        Q(content_type__app_label="newsletter")
        | Q(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.remove(*extra)
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorial_groups_and_workflows"),
        ("newsletter", "0002_newsletter_group"),
    ]

    operations = [
        migrations.RunPython(restrict_newsletter_group, migrations.RunPython.noop),
    ]
