"""The menu bar holds the everyday pages; the rest of every app's pages fold under "More", a
<details> disclosure that opens without JavaScript. Fifteen apps' links in one bar wrapped to four
lines at 1280 px and pushed the page below the fold on a phone."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _bar_and_more(html: str) -> tuple[str, str]:
    more = re.search(r'<ul class="nav-more-list[^"]*">(.*?)</ul>', html, re.S).group(1)
    bar = re.search(r'<ul class="navbar-nav me-auto">(.*?)<li class="nav-item nav-more">', html, re.S).group(1)
    return bar, more


def test_a_manager_finds_everyday_pages_on_the_bar_and_the_rest_under_more(manager_client):
    bar, more = _bar_and_more(manager_client.get(reverse("home")).content.decode())
    for label in ("Activities", "Feedback", "Surveys", "Panels", "Actions", "Deadlines"):
        assert f">{label}</a>" in bar
    for label in ("Mail-outs", "Schemes", "Board reports", "TSMs", "Housing system import"):
        assert f">{label}</a>" in more and f">{label}</a>" not in bar


def test_more_is_marked_when_the_page_open_is_one_of_its_own(manager_client):
    html = manager_client.get(reverse("mailouts:list")).content.decode()
    assert "nav-more-current" in html
    _bar, more = _bar_and_more(html)
    assert 'aria-current="page">Mail-outs</a>' in more


def test_an_officer_sees_no_manager_page_under_more(officer_client):
    _bar, more = _bar_and_more(officer_client.get(reverse("home")).content.decode())
    assert "Board reports" not in more and "Housing system import" not in more and "Mail-outs" in more
