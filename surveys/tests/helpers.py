import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from surveys import services


def answers_by_code(survey, **values) -> dict:
    """{question id: {"value"|"text": ...}} from TP01="very_satisfied" style keywords."""
    questions = {q.code: q for q in survey.questions.all()}
    return {
        questions[code].pk: ({"value": value} if questions[code].is_closed else {"text": value})
        for code, value in values.items()
    }


def respond(survey, *, estate, tenure="general_needs", responded_on=None, customer=None, channel="phone", **values):
    return services.response_record(
        survey=survey,
        estate=estate,
        tenure=tenure,
        channel=channel,
        customer=customer,
        responded_on=responded_on,
        answers=answers_by_code(survey, **values),
    )


def upload(name="photo.png", fmt="PNG", size=(16, 12), exif=None, content_type="image/png"):
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (180, 40, 40)).save(buffer, format=fmt, **kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def gps_exif():
    """EXIF with a GPS position (the kind a phone writes into every photo)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 26.0, 12.5)
    gps[3] = "W"
    gps[4] = (1.0, 55.0, 3.2)
    return exif
