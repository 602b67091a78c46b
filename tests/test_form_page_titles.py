"""A form page shown again with errors says so first in its title, once (GOV.UK: "Error: " then the
page's title). base.html adds the prefix for every page; a page's own title block must not add it again.

Pages: the shared form page (engagement/form.html) as a panels page and as consultation's (which
extends it), and the mail-out form (its own layout).
"""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize(
    "url, title",
    [
        ("panels:panel_create", "Set up a panel"),
        ("consultation:consultation_create", "Plan a consultation"),
        ("mailouts:create", "Send a mail-out"),
    ],
)
def test_a_form_shown_again_with_errors_says_error_once_first_in_its_title(manager_client, url, title):
    response = manager_client.post(reverse(url), {"nothing": "useful"})
    assert response.status_code == 200
    assert _title(response).startswith(f"Error: {title} – ")
