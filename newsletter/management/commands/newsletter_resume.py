from django.core.management.base import BaseCommand

from newsletter.mailings import resume_all


class Command(BaseCommand):
    help = (
        "Continue every newsletter send a stopped worker left running; run before the task "
        "worker starts (deploy/systemd/oic-cms-worker.service)."
    )

    def handle(self, *args, **options):
        resumed = resume_all()
        self.stdout.write(f"{resumed} running newsletter send(s) resumed.")
