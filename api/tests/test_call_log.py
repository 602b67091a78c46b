"""Every call is logged — token, method, path, status, time taken — whatever the answer; never a
body or the query string's values."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiCall
from api.services import api_call_log, api_calls_prune
from api.throttling import TokenRateThrottle

pytestmark = pytest.mark.django_db


def test_every_call_is_logged_with_its_token_path_and_status(bearer, issue, monkeypatch, client):
    monkeypatch.setattr(TokenRateThrottle, "rate", "2/minute", raising=False)
    figures, token = issue("figures:read")
    url = reverse("api:complaint_figures")
    bearer(token).get(url, {"start": "2026-04-01"})  # 200
    bearer(token).get(reverse("api:activities"))  # 403: wrong scope (refused before it is counted)
    bearer(token).get(url)  # 200
    bearer(token).get(url)  # 429
    bearer("tep_wrong").get(url)  # 401, no client
    client.get(url)  # 401, no token at all
    calls = list(ApiCall.objects.order_by("pk").values_list("client", "method", "path", "status"))
    assert calls == [
        (figures.pk, "GET", url, 200),
        (figures.pk, "GET", reverse("api:activities"), 403),
        (figures.pk, "GET", url, 200),
        (figures.pk, "GET", url, 429),
        (None, "GET", url, 401),
        (None, "GET", url, 401),
    ]
    assert all(call.duration_ms >= 0 and call.at for call in ApiCall.objects.all())
    assert not ApiCall.objects.filter(path__contains="2026").exists()


def test_the_call_log_holds_no_body_column():
    assert {field.name for field in ApiCall._meta.get_fields()} == {
        "id",
        "client",
        "method",
        "path",
        "status",
        "at",
        "duration_ms",
    }


def test_calls_older_than_400_days_are_pruned_nightly_and_newer_ones_kept():
    now = timezone.now()
    for days in (401, 400, 10):
        api_call_log(
            client=None,
            method="GET",
            path=f"/{days}",
            status=200,
            duration_ms=1,
            now=now - datetime.timedelta(days=days, seconds=1),
        )
    assert api_calls_prune(now=now) == 2
    assert list(ApiCall.objects.values_list("path", flat=True)) == ["/10"]
    assert api_calls_prune(now=now) == 0
