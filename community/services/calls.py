"""The Community Call for Action: any customer asks the scrutiny panel to look into an issue.

Which panel answers is data: the active Quality and Insight Panel (Trafford) or, where there is
none, the Customer Scrutiny Group (Trident). The panel decides within
community.deadlines.CALL_DECISION_WORKING_DAYS working days (chased like every deadline); its
decision always carries reasons, and the customer is told: in the portal when they have a login,
otherwise by e-mail through the outbox (sent once, `told_at` stamped when it went), or, for a
caller who left only a phone number, by the officer who rang them (ticked on the decision form).
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from engagement.landlord import landlord_current
from engagement.models import Customer, Estate, User
from engagement.outbox import enqueue
from engagement.services import create_once, notify
from panels.models import Panel, PanelKind, ScrutinyProject

from ..deadlines import call_decision_due_on
from ..models import CallForAction, CallStatus


def call_panel() -> Panel | None:
    """The panel that answers calls for action: the QIP if the landlord has one, else the scrutiny group."""
    panels = Panel.objects.filter(is_active=True, kind__in=[PanelKind.QUALITY_INSIGHT, PanelKind.SCRUTINY_GROUP])
    qip_first = Case(When(kind=PanelKind.QUALITY_INSIGHT, then=Value(0)), default=Value(1))
    return panels.order_by(qip_first, "name").first()


def _panel_staff(panel: Panel) -> list[User]:
    if panel.officer_id and panel.officer.is_active:
        return [panel.officer]
    return list(User.objects.managers())


def call_submit(
    *,
    panel: Panel,
    issue: str,
    details: str,
    name: str,
    email: str = "",
    phone: str = "",
    tried_already: str = "",
    estate: Estate | None = None,
    customer: Customer | None = None,
    recorded_by: User | None = None,
    form_token: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> tuple[CallForAction, bool]:
    """Record a call for the panel to decide; its decision is due in working days from today."""
    if not (email.strip() or phone.strip() or customer is not None):
        raise ValidationError({"email": "Give an e-mail address or a phone number so the panel can answer you."})
    today = today or timezone.localdate()

    def build() -> CallForAction:
        call = CallForAction.objects.create(
            panel=panel,
            issue=issue.strip(),
            details=details.strip(),
            tried_already=tried_already.strip(),
            name=name.strip(),
            email=email.strip(),
            phone=phone.strip(),
            estate=estate,
            customer=customer,
            recorded_by=recorded_by,
            decision_due_on=call_decision_due_on(today),
            form_token=form_token,
        )
        for person in _panel_staff(panel):
            notify(
                person,
                title=f"Community Call for Action for {panel}: {call.issue}",
                body=f"The panel's decision is due by {call.decision_due_on:%-d %B %Y}.",
                url=call.get_absolute_url(),
            )
        return call

    return create_once(CallForAction, form_token=form_token, build=build)


def _decision_text(call: CallForAction) -> tuple[str, str]:
    verdict = "will look into" if call.status == CallStatus.ACCEPTED else "will not look into"
    title = f"The {call.panel} {verdict} your call for action: {call.issue}"
    body = f"The panel's reasons:\n{call.decision_reason}"
    return title, body


def call_decide(
    *,
    call: CallForAction,
    accept: bool,
    reason: str,
    by: User,
    told_by_phone: bool = False,
    today: datetime.date | None = None,
) -> CallForAction:
    """Record the panel's decision and its reasons, and tell the customer.

    Refused without reasons, or when the customer could not be told (no login, no e-mail, and the
    officer has not rung them). Decided once: a second decision of the same call is refused.
    """
    today = today or timezone.localdate()
    if not reason.strip():
        raise ValidationError({"reason": "Give the panel's reasons: the customer is told them."})
    user = call.customer.user if call.customer_id and call.customer.user_id else None
    if user is not None and not user.is_active:
        user = None
    how = "portal" if user else "email" if call.email else "phone" if told_by_phone else ""
    if not how:
        raise ValidationError(
            {"told_by_phone": f"{call.name} left only a phone number: ring them with the decision, then tick the box."}
        )
    now = timezone.now()
    with transaction.atomic():
        decided = CallForAction.objects.filter(pk=call.pk, status=CallStatus.AWAITING).update(
            status=CallStatus.ACCEPTED if accept else CallStatus.DECLINED,
            decision_reason=reason.strip(),
            decided_on=today,
            decided_by=by,
            told_how=how,
            told_at=None if how == "email" else now,
        )
        if not decided:
            raise ValidationError("The panel's decision on this call has already been recorded.")
        call.refresh_from_db()
        if how == "portal":
            title, body = _decision_text(call)
            notify(user, title=title, body=body, url=call.get_absolute_url())
        elif how == "email":
            from ..tasks import send_call_decision_email

            enqueue(send_call_decision_email, call.pk)
    return call


def call_decision_email_send(*, call_id: int) -> bool:
    """E-mail the customer the panel's decision, at most once (claimed before it is sent)."""
    claimed = CallForAction.objects.filter(
        pk=call_id, told_how="email", email_claimed_at__isnull=True, told_at__isnull=True
    ).update(email_claimed_at=timezone.now())
    if not claimed:
        return False
    call = CallForAction.objects.select_related("panel").get(pk=call_id)
    title, body = _decision_text(call)
    landlord = landlord_current()
    try:
        send_mail(
            subject=f"[{landlord.site_name}] {title}",
            message=f"Dear {call.name},\n\n{body}\n\n-- \n{landlord.signature}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[call.email],
        )
    except Exception:
        CallForAction.objects.filter(pk=call_id).update(email_claimed_at=None)
        raise
    CallForAction.objects.filter(pk=call_id).update(told_at=timezone.now())
    return True


def call_start_scrutiny(*, call: CallForAction, lead_officer: User) -> ScrutinyProject:
    """Start a scrutiny review from an accepted call (in the panels app's scrutiny projects)."""
    if call.status != CallStatus.ACCEPTED:
        raise ValidationError("Only a call the panel accepted can start a scrutiny review.")
    if call.scrutiny_project_id:
        return call.scrutiny_project
    with transaction.atomic():
        locked = CallForAction.objects.select_for_update().get(pk=call.pk)
        if locked.scrutiny_project_id:
            return locked.scrutiny_project
        project = ScrutinyProject.objects.create(
            panel=call.panel,
            topic=f"{call.issue} (call for action {call.pk})"[:200],
            scope=f"Raised by a customer through the Community Call for Action.\n\n{call.details}",
            lead_officer=lead_officer,
        )
        CallForAction.objects.filter(pk=call.pk).update(scrutiny_project=project)
    call.refresh_from_db()
    return call.scrutiny_project
