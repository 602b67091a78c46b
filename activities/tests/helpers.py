import datetime

from django.utils import timezone

from engagement.factories import pdf_bytes


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware local (Europe/London) datetime."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


# Smallest valid files for upload tests, built by their formats' rules.
def png_bytes() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


PDF_BYTES = pdf_bytes()
