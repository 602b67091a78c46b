import datetime

from django.utils import timezone


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


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
