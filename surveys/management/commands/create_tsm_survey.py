import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from surveys.services import tsm_survey_create


class Command(BaseCommand):
    help = "Create the standard TSM perception survey (TP01–TP12 with screening questions) for a financial year."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help="The year the financial year starts (April).")

    def handle(self, *args, year, **options):
        today = timezone.localdate()
        year = year or (today.year if today.month >= 4 else today.year - 1)
        title = f"TSM perception survey {year}/{str(year + 1)[-2:]}"
        survey, created = tsm_survey_create(
            title=title, opens_on=datetime.date(year, 4, 1), closes_on=datetime.date(year + 1, 3, 31)
        )
        verb = "Created" if created else "Already there:"
        self.stdout.write(self.style.SUCCESS(f"{verb} {survey.title} ({survey.questions.count()} questions)"))
