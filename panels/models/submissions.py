"""One-time form tokens, so a double-clicked 'Save' creates one record."""

from django.db import models


class SubmissionToken(models.Model):
    """Claimed once per submitted form, so a double-clicked 'Save' creates one record."""

    token = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.token)
