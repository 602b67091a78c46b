"""The mail-outs app's URLs in the access matrix (tests/test_access_matrix.py): staff only."""

from tests.access import POST_ONLY, STAFF

MATRIX = {
    "mailouts:list": (STAFF, None),
    "mailouts:create": (STAFF, None),
    "mailouts:detail": (STAFF, lambda w: [w["mailout"].pk]),
    "mailouts:deliveries": (STAFF, lambda w: [w["mailout"].pk]),
    "mailouts:batch_pdf": (STAFF, lambda w: [w["mailout"].pk]),
    "mailouts:batch_posted": (POST_ONLY, lambda w: [w["mailout"].pk]),
}


def build_world(world):
    from django.core.files.base import ContentFile

    from mailouts.models import PrintBatch
    from mailouts.services import kind_for, mailout_create

    mailout, _ = mailout_create(
        kind=kind_for("minutes", "Minutes"),
        subject="Minutes of the residents' meeting",
        body="The minutes are attached.",
        by=world["officer"],
        customers=[world["other_customer"]],
    )
    batch = PrintBatch.objects.create(mailout=mailout)
    batch.pdf.save("letters.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world["mailout"] = mailout
