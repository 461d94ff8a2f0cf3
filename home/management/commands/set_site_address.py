from django.core.management.base import BaseCommand, CommandError

from home.site_address import configured_address, set_default_site_address


class Command(BaseCommand):
    help = (
        "Give the default Wagtail site the host name and port of WAGTAILADMIN_BASE_URL, the "
        "public address (run by the web unit before it starts)."
    )

    def handle(self, *args, **options):
        hostname, port = configured_address()
        site = set_default_site_address()
        if site is None:
            raise CommandError("There is no default site (Einstellungen → Websites).")
        self.stdout.write(f"Default site: {hostname}:{port} ({site.root_url}).")
