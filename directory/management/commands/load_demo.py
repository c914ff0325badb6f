from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from directory.mfa import demo
from directory.models import Organization, Person, User
from portal.roles import Role

# Demo accounts: one per role. They exist only in a development setup (DEBUG on), on the
# embedded SQLite database unless asked for explicitly: the password is printed in the README.
DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 (refused unless DEBUG)
DEMO_ACCOUNTS = [
    # username, role, name, organization key, preferred language
    ("member", Role.MEMBER, "Marie Tremblay", "snb", "fr"),
    ("editor", Role.EDITOR, "Ethan Clarke", "esdc", "en"),
    ("steward", Role.STEWARD, "Sophie Gagnon", "esdc", "fr"),
    ("cochair", Role.COCHAIR, "Cheryl Meek", "esdc", "en"),
]


class Command(BaseCommand):
    help = "Load the demo data (work plan, sample guide, one account per role). Development only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--any-database",
            action="store_true",
            help="Also create the demo accounts on a database other than the embedded SQLite "
            "file (a disposable development database only: their password is public).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for development only: set DEBUG=true.")
        if connection.vendor != "sqlite" and not options["any_database"]:
            raise CommandError(
                f"Demo accounts, whose password is public, go only into the embedded SQLite "
                f"database; this is {connection.vendor}. Load the plan alone with "
                f"`manage.py load_workplan`, or pass --any-database for a disposable database."
            )
        call_command("load_workplan", stdout=self.stdout)
        call_command("load_guide", stdout=self.stdout)
        for username, role, name, org_key, language in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.ca"}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.first_name, user.last_name = name.split(" ", 1)
                user.save()
            user.groups.add(Group.objects.get(name=role))
            Person.objects.update_or_create(
                name=name,
                defaults={
                    "user": user,
                    "organization": Organization.objects.get(key=org_key),
                    "email": user.email,
                    "preferred_language": language,
                },
            )
        admin = User.objects.filter(username="admin").first()
        if admin is None:
            admin = User.objects.create_superuser("admin", "admin@example.ca", DEMO_PASSWORD)
        privileged = [User.objects.get(username=u) for u in ("editor", "steward", "cochair")]
        for user in [*privileged, admin]:
            demo.authenticator_give(user=user)
        self.stdout.write(
            self.style.SUCCESS(
                "\nSign in at http://127.0.0.1:8000/ with one of these demo accounts "
                f"(password for all: {DEMO_PASSWORD}):\n"
                "  member   working-group member\n"
                "  editor   Playbook editor (ESDC staff)\n"
                "  steward  service-point data steward\n"
                "  cochair  co-chair\n"
                "  admin    superuser (Django admin at /en/admin/)\n"
                "\nAll but member then ask for a code (two-step verification). Add this demo key "
                f"to an authenticator app: {demo.key_grouped()}\n"
                "or print the current code with: .venv/bin/python manage.py demo_code\n"
            )
        )
