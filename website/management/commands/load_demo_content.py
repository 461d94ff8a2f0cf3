from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from website.demo_content.loader import DemoContentLoader

LOCAL_ADMIN_USERNAME = "admin"
LOCAL_ADMIN_PASSWORD = "oic-demo-admin"  # noqa: S105 - documented, local development only


class Command(BaseCommand):
    help = "Load the demo site from the seed documents (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-local-admin",
            action="store_true",
            help="Also create the superuser admin/oic-demo-admin (refused unless DEBUG is on).",
        )

    def handle(self, *args, with_local_admin=False, **options):
        DemoContentLoader(self.stdout).load()
        if with_local_admin:
            self.create_local_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def create_local_admin(self):
        if not settings.DEBUG:
            self.stderr.write("Not creating the local admin account: DEBUG is off.")
            return
        user_model = get_user_model()
        if user_model.objects.filter(username=LOCAL_ADMIN_USERNAME).exists():
            return
        user_model.objects.create_superuser(
            LOCAL_ADMIN_USERNAME, "admin@localhost", LOCAL_ADMIN_PASSWORD
        )
        self.stdout.write(f"created superuser {LOCAL_ADMIN_USERNAME} / {LOCAL_ADMIN_PASSWORD}")
