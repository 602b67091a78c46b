from django.core.management.base import BaseCommand
from django.utils import timezone

from schemes import cadence, services


class Command(BaseCommand):
    help = "Propose a financial year's scheme obligations (idempotent) and mark those the portal has evidence for."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The year the financial year starts in (default: this one).")

    def handle(self, *args, year=None, **options):
        today = timezone.localdate()
        year = year or cadence.financial_year_of(today)
        created = services.obligations_propose(year=year, today=today)
        met = services.obligations_match_evidence(today=today)
        self.stdout.write(f"{year}/{str(year + 1)[2:]}: {created} obligations proposed, {met} met from evidence held.")
