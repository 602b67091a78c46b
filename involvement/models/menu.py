"""The landlord's menu of involvement: levels (Trafford's six, Trident's four strategic areas) and
the opportunities in each, with what it involves and the time it takes. Data an administrator sets
(or `manage.py load_landlord <name>` loads), shown to anyone on the public Get involved page."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

MAX_CLOCKS = 5


class InvolvementLevel(models.Model):
    key = models.SlugField(max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=120)
    summary = models.TextField(blank=True, help_text="Who it suits, in a sentence.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Opportunity(models.Model):
    level = models.ForeignKey(InvolvementLevel, on_delete=models.CASCADE, related_name="opportunities")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=120)
    involves = models.TextField("what it involves")
    time_needed = models.CharField("the time it takes", max_length=120, help_text="In words: 'A meeting a month'.")
    clocks = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CLOCKS)],
        help_text=f"The time it takes as 1 to {MAX_CLOCKS} clocks: the more clocks, the more time.",
    )
    panel = models.ForeignKey(
        "panels.Panel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text="The panel or group a customer asks to join (the expression of interest form).",
    )

    class Meta:
        ordering = ["level__position", "position", "pk"]
        verbose_name_plural = "opportunities"
        constraints = [
            models.UniqueConstraint(fields=["level", "title"], name="opportunity_once_a_level"),
            models.CheckConstraint(
                condition=models.Q(clocks__gte=1, clocks__lte=MAX_CLOCKS), name="opportunity_clocks_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def clock_range(self) -> range:
        return range(self.clocks)

    @property
    def time_label(self) -> str:
        """The clocks as words, for screen readers and print: '3 of 5 clocks'."""
        return f"{self.clocks} of {MAX_CLOCKS} clock{'s' if MAX_CLOCKS != 1 else ''}"
