from django.core.management.base import BaseCommand, CommandError

from housing_system.sync import housing_system_sync


class Command(BaseCommand):
    help = (
        "Import the newest patches, estates and customers files from the housing system's source "
        "(HOUSING_SYSTEM_SOURCE): checked, then committed all or nothing; files seen before are skipped."
    )

    def handle(self, *args, **options):
        report = housing_system_sync()
        if not report.ok:
            raise CommandError(report.summary)
        self.stdout.write(report.summary)
