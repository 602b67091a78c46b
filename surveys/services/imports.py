"""CSV import of survey responses, all or nothing."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from engagement import dates
from engagement.models import Customer, Estate, Tenure, User

from ..models import DONT_KNOW, DONT_KNOW_LABEL, Answer, Question, Response, ResponseChannel, Survey
from .responses import _answers_for, response_flags

# One upload is checked and saved in the request, so it is bounded: a TSM contractor's file for a
# landlord of 50,000 homes holds a few thousand responses (the Regulator's ±2% needs about 2,400);
# 10,000 rows check and save in about 7 s on a loaded 2-CPU machine, where 150,000 took 100 s.
MAX_ROWS = 10_000
# A free-text answer longer than this is a file gone wrong (the champion's comments allow 4,000).
MAX_FIELD_CHARS = 10_000
MAX_PROBLEMS_SHOWN = 100


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        count = len(self.errors)
        return f"Nothing was imported: {count} problem{'s' if count != 1 else ''} found"

    @property
    def problems(self) -> list[str]:
        shown = [f"Line {line}: {message}" if line else message for line, message in self.errors[:MAX_PROBLEMS_SHOWN]]
        if len(self.errors) > MAX_PROBLEMS_SHOWN:
            shown.append(f"… and {len(self.errors) - MAX_PROBLEMS_SHOWN} more problems like these.")
        return shown


IMPORT_FIXED_COLUMNS = ["reference", "estate", "tenure", "responded_on", "channel", "assisted_by", "external_id"]


def import_columns(survey: Survey) -> list[str]:
    return IMPORT_FIXED_COLUMNS + [question.label for question in survey.questions.all()]


def _value_lookup(question: Question) -> dict[str, str]:
    lookup = {}
    for value, label in question.options():
        lookup[value.lower()] = value
        lookup[label.lower()] = value
    if question.allow_dont_know:
        for alias in ("dk", "don't know", "dont know", "n/a", "na", "not applicable", DONT_KNOW_LABEL.lower()):
            lookup[alias] = DONT_KNOW
    return lookup


def responses_import(*, survey: Survey, upload, user: User | None = None) -> ImportResult:
    """Import responses from a CSV (e.g. a contractor's TSM file), all or nothing.

    Every row is checked first; if any row has a problem nothing is saved and every problem is
    reported with its line number. Columns: reference (tenancy reference) or estate + tenure,
    responded_on (YYYY-MM-DD or DD/MM/YYYY), channel, assisted_by, external_id, then one column per
    question code. Answers may be the option's words ("Very satisfied") or its code.
    """
    result = ImportResult()
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        result.errors.append((0, f"The file is larger than {settings.MAX_UPLOAD_MB} MB."))
        return result
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        result.errors.append(
            (0, f"The file is not UTF-8 text (byte {error.start + 1}). Save it from Excel as “CSV UTF-8”.")
        )
        return result
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        result.errors.append((line, "The file holds NUL bytes, so it is not a CSV text file (an Excel file renamed?)."))
        return result
    reader = csv.DictReader(io.StringIO(text))
    try:
        headers = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = headers
        # One row more than allowed is enough to know the file is too long; the rest is never parsed.
        raw_rows = list(itertools.islice(reader, MAX_ROWS + 1))
    except csv.Error as error:  # e.g. a field longer than csv.field_size_limit() (128 KB)
        result.errors.append((reader.line_num, f"The file cannot be read as CSV here ({error})."))
        return result
    if len(raw_rows) > MAX_ROWS:
        result.errors.append(
            (0, f"The file has more than {MAX_ROWS:,} rows of answers. Split it into files of up to {MAX_ROWS:,} rows.")
        )
        return result
    questions = list(survey.questions.all())
    by_label = {question.label.lower(): question for question in questions}
    unknown = [h for h in headers if h and h.lower() not in by_label and h not in IMPORT_FIXED_COLUMNS]
    if unknown:
        result.errors.append((1, f"Columns we do not recognise: {', '.join(unknown)}."))
    if not any(h.lower() in by_label for h in headers):
        result.errors.append((1, "No question columns found: use the question codes as headings."))
    if result.errors:
        return result
    lookups = {question.pk: _value_lookup(question) for question in questions}
    estates = {estate.name.lower(): estate for estate in Estate.objects.all()}
    references = {(row.get("reference") or "").strip() for row in raw_rows} - {""}
    customers = {c.reference: c for c in Customer.objects.filter(reference__in=references).select_related("estate")}
    already = set(
        Response.objects.filter(survey=survey, customer__in=customers.values()).values_list("customer", flat=True)
    )
    refs_done = set(
        Response.objects.filter(survey=survey).exclude(external_ref="").values_list("external_ref", flat=True)
    )
    channels = {c.value: c.value for c in ResponseChannel} | {c.label.lower(): c.value for c in ResponseChannel}
    tenures = {t.value: t.value for t in Tenure} | {t.label.lower(): t.value for t in Tenure}
    parsed, seen_customers, seen_refs = [], set(), set()
    for line, row in enumerate(raw_rows, start=2):
        result.rows += 1
        problems = []
        if any(len(value) > MAX_FIELD_CHARS for value in row.values() if isinstance(value, str)):
            result.errors.append((line, f"A value is longer than {MAX_FIELD_CHARS:,} characters."))
            continue
        reference = (row.get("reference") or "").strip()
        customer = customers.get(reference) if reference else None
        if reference and customer is None:
            problems.append(f"no customer with tenancy reference {reference}")
        if customer is not None and (customer.pk in already or customer.pk in seen_customers):
            problems.append(f"customer {reference} has already answered this survey")
        estate_name = (row.get("estate") or "").strip()
        estate = customer.estate if customer else estates.get(estate_name.lower())
        if estate is None:
            problems.append(f"unknown estate “{estate_name}”" if estate_name else "give a reference or an estate")
        tenure_raw = (row.get("tenure") or "").strip().lower()
        tenure = customer.tenure if customer and not tenure_raw else tenures.get(tenure_raw)
        if tenure is None:
            problems.append(f"unknown tenure “{row.get('tenure', '')}”" if tenure_raw else "tenure is missing")
        responded_on = _parse_date((row.get("responded_on") or "").strip())
        if responded_on is None:
            problems.append(f"responded_on “{row.get('responded_on', '')}” is not a date (use YYYY-MM-DD)")
        elif problem := dates.HAPPENED.problem(responded_on):
            problems.append(f"responded_on {responded_on.isoformat()} {problem}")
        channel_raw = (row.get("channel") or "").strip().lower()
        channel = channels.get(channel_raw, None) if channel_raw else ResponseChannel.IMPORTED
        if channel is None:
            problems.append(f"unknown channel “{row.get('channel')}”")
        external_ref = (row.get("external_id") or "").strip()[:60]
        if external_ref and (external_ref in refs_done or external_ref in seen_refs):
            problems.append(f"external_id {external_ref} was already imported")
        answers = {}
        for question in questions:
            raw = (row.get(question.label) or row.get(question.label.lower()) or "").strip()
            if not raw:
                if question.required:
                    problems.append(f"{question.label} is required")
                continue
            if question.is_closed:
                value = lookups[question.pk].get(raw.lower())
                if value is None:
                    problems.append(f"{question.label}: “{raw}” is not one of the answers")
                    continue
                answers[question.pk] = {"value": value}
            else:
                answers[question.pk] = {"text": raw}
        if problems:
            message = "; ".join(problems)
            result.errors.append((line, message[0].upper() + message[1:] + "."))
            continue
        if customer is not None:
            seen_customers.add(customer.pk)
        if external_ref:
            seen_refs.add(external_ref)
        parsed.append(
            dict(
                customer=customer,
                estate=estate,
                tenure=tenure,
                responded_on=responded_on,
                channel=channel,
                assisted_by=(row.get("assisted_by") or "").strip()[:120],
                external_ref=external_ref,
                answers=answers,
            )
        )
    if result.rows == 0:
        result.errors.append((2, "The file has no rows of answers."))
    if result.errors:
        return result
    with transaction.atomic():
        responses = []
        for row in parsed:
            values = {qid: answer.get("value", "") for qid, answer in row["answers"].items()}
            responses.append(
                Response(
                    survey=survey,
                    customer=row["customer"],
                    estate=row["estate"],
                    tenure=row["tenure"],
                    responded_on=row["responded_on"],
                    channel=row["channel"],
                    assisted_by=row["assisted_by"],
                    external_ref=row["external_ref"],
                    entered_by=user,
                    **response_flags(questions, values, row["estate"]),
                )
            )
        Response.objects.bulk_create(responses, batch_size=500)
        answers = []
        for response, row in zip(responses, parsed, strict=True):
            answers.extend(_answers_for(response, questions, row["answers"]))
        Answer.objects.bulk_create(answers, batch_size=1000)
    result.created = len(responses)
    return result


def _parse_date(text: str) -> datetime.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
