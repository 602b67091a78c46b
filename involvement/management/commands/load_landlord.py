from django.core.management.base import BaseCommand, CommandError

from involvement.services import landlord_load


class Command(BaseCommand):
    help = (
        "Load a landlord's configuration from engagement/landlords/<name>.yaml: its name, colours, contact "
        "details, levels and opportunities of involvement and the panels they lead to. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="e.g. trident or trafford")

    def handle(self, *args, name, **options):
        try:
            notes = landlord_load(key=name)
        except (FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        for note in notes:
            self.stdout.write(f"  {note}")
        self.stdout.write(self.style.SUCCESS(f"Landlord configuration {name!r} loaded."))
