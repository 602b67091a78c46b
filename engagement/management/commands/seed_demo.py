import datetime
import importlib
import random

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone

# Apps whose demo.py is run, in dependency order.
DEMO_APPS = [
    "engagement",
    "activities",
    "feedback",
    "surveys",
    "panels",
    "charter",
    "voice",
    "schemes",
    "housing_system",
    "mailouts",
    "consultation",
    "community",
    "inspection",
    "involvement",
]


class Command(BaseCommand):
    help = "Load realistic, deterministic demo data. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20261123)
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="Pretend today is this date (YYYY-MM-DD)."
        )

    def handle(self, *args, seed, today, **options):
        today = today or timezone.localdate()
        context = {}
        for label in DEMO_APPS:
            if not apps.is_installed(label):
                continue
            try:
                module = importlib.import_module(f"{label}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{label}.demo":
                    raise
                continue
            # Each app gets its own random stream so adding data to one never changes another's.
            rng = random.Random(f"{seed}-{label}")
            result = module.seed(rng, today) if label == "engagement" else module.seed(rng, today, context)
            context.update(result or {})
            self.stdout.write(f"  {label}: done")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
