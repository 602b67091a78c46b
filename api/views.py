"""The read API: records (activities, actions, complaints) and figures per quarter.

Every view: a bearer token (api.authentication), one of its `required_scopes` (403 otherwise), a
rate limit per token (429), page-number pagination with a ceiling, and one ApiCall row per request
(token, method, path, status, time taken; never a body or a query string).
"""

from __future__ import annotations

import time

from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from activities.models import EngagementActivity
from engagement.models import Action
from feedback.models import Complaint

from . import figures, serializers
from .authentication import BearerTokenAuthentication
from .filters import ActionFilter, ActivityFilter, ComplaintFilter
from .models import Scope
from .pagination import QuarterPagination, RecordPagination
from .permissions import HasScope, bound_customer, client_of
from .services import api_call_log
from .throttling import TokenRateThrottle

# For tests/test_access_matrix.py: these URLs take a token, never a session (see api/access_matrix.py).
TOKEN_POLICY = "api-token"


class LoggedCallMixin:
    """One ApiCall row per request, whatever its answer (401, 403, 429 included)."""

    def dispatch(self, request, *args, **kwargs):
        started = time.monotonic()
        response = super().dispatch(request, *args, **kwargs)
        drf_request = getattr(self, "request", request)
        api_call_log(
            client=client_of(drf_request) if hasattr(drf_request, "_auth") else None,
            method=request.method,
            path=request.path,
            status=response.status_code,
            duration_ms=round(1000 * (time.monotonic() - started)),
        )
        return response


class ApiListView(LoggedCallMixin, generics.ListAPIView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [HasScope]
    throttle_classes = [TokenRateThrottle]
    pagination_class = RecordPagination
    filter_backends = [DjangoFilterBackend]
    required_scopes: tuple[str, ...] = ()

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        view.access_policy = TOKEN_POLICY
        return view


@extend_schema(
    tags=["Records"],
    summary="Engagement activities",
    description="Needs activities:read. Free text and the lead officer's name need personal:read.",
)
class ActivityList(ApiListView):
    required_scopes = (Scope.ACTIVITIES,)
    serializer_class = serializers.ActivitySerializer
    filterset_class = ActivityFilter
    queryset = EngagementActivity.objects.select_related("estate", "lead_officer").order_by("-starts_at", "-pk")


@extend_schema(
    tags=["Records"],
    summary='Actions ("You said, we did")',
    description=(
        "Needs actions:read: status, dates and the approved public wording (null until published). "
        "The internal wording and the owner need personal:read. A customer:self token reads the "
        "published actions its customer is shown in the portal (their estate's and everyone's)."
    ),
)
class ActionList(ApiListView):
    required_scopes = (Scope.ACTIONS, Scope.CUSTOMER_SELF)
    serializer_class = serializers.ActionSerializer
    filterset_class = ActionFilter

    def get_queryset(self):
        actions = Action.objects.select_related("owner").order_by("-due_on", "-pk")
        customer = bound_customer(self.request)
        if customer is not None:
            return actions.visible_to_customer(customer)  # what the customer's own portal page shows
        return actions


@extend_schema(
    tags=["Records"],
    summary="Complaints",
    description=(
        "Needs complaints:read (dates, stage, status, category, outcome). The customer's reference and "
        "name and the complaint's text need personal:read. A customer:self token reads only its own "
        "customer's complaints, with their text."
    ),
)
class ComplaintList(ApiListView):
    required_scopes = (Scope.COMPLAINTS, Scope.CUSTOMER_SELF)
    serializer_class = serializers.ComplaintSerializer
    filterset_class = ComplaintFilter

    def get_queryset(self):
        complaints = Complaint.objects.select_related("customer").order_by("-received_on", "-pk")
        customer = bound_customer(self.request)
        if customer is not None:
            return complaints.filter(customer=customer)
        return complaints


class _FiguresList(ApiListView):
    """Figures per UK financial quarter for ?start=&end= (default: this quarter and the three before),
    newest first. Each page's quarters are worked out when asked for, by the apps' own selectors."""

    required_scopes = (Scope.FIGURES,)
    pagination_class = QuarterPagination
    filter_backends: list = []
    build = None  # one of api.figures' functions

    def get_queryset(self):
        period = serializers.PeriodQuerySerializer(data=self.request.query_params)
        if not period.is_valid():
            raise ValidationError(period.errors)
        return figures.quarters_asked(
            start=period.validated_data.get("start"),
            end=period.validated_data.get("end"),
            today=timezone.localdate(),
        )

    def list(self, request, *args, **kwargs):
        quarters = self.paginate_queryset(self.get_queryset())
        data = self.get_serializer([type(self).build(q) for q in quarters], many=True).data
        return self.get_paginated_response(data)


_PERIOD = {"parameters": [serializers.PeriodQuerySerializer], "tags": ["Figures per quarter"]}


@extend_schema(
    summary="Complaints figures per quarter",
    description="Counts, % within the Complaint Handling Code timescales, % upheld and average working "
    "days, as on the complaints figures page (feedback.selectors.complaint_figures). Needs figures:read.",
    **_PERIOD,
)
class ComplaintFiguresList(_FiguresList):
    serializer_class = serializers.ComplaintQuarterSerializer
    build = staticmethod(figures.complaints_quarter)


@extend_schema(
    summary="Tenant Satisfaction Measures per quarter",
    description="TP01–TP12 and CH01–CH02 for LCRA and LCHO, as on the TSM page "
    "(regulator.selectors.tsm_report). Needs figures:read.",
    **_PERIOD,
)
class TsmFiguresList(_FiguresList):
    serializer_class = serializers.TsmQuarterSerializer
    build = staticmethod(figures.tsm_quarter)


@extend_schema(
    summary="Customer Charter measures per quarter",
    description="Each active measure's stored figure and RAG for the quarter, as on the charter page and "
    "in the board pack (charter.selectors.charter_rows). Needs figures:read.",
    **_PERIOD,
)
class CharterFiguresList(_FiguresList):
    serializer_class = serializers.CharterQuarterSerializer
    build = staticmethod(figures.charter_quarter)
