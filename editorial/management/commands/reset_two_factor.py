from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from editorial import two_factor


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes, e.g. after a lost phone. "
        "If two-factor sign-in is required for them, they set up a new app at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        two_factor.remove_second_factor(user)
        self.stdout.write(f"Two-factor sign-in reset for {username}.")
