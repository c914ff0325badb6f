from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.mfa import demo


class Command(BaseCommand):
    help = "Print the code the demo accounts' authenticator gives now. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo code is for development only: set DEBUG=true.")
        self.stdout.write(demo.code_now())
