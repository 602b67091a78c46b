"""The landlord's name, brand and contact details are data an administrator sets, not code.

Rule (WCAG 2.2, 1.4.3 Contrast (Minimum), and its definitions of relative luminance and contrast
ratio): text needs at least 4.5:1 against its background. Brand colours sit behind white text
(the menu bar, buttons) and are link text on white, so each must reach 4.5:1 with white.
Worked by hand: black on white is (1 + 0.05) / (0 + 0.05) = 21:1. Grey #767676: each channel
118/255 = 0.4627, linearised ((0.4627 + 0.055) / 1.055) ** 2.4 = 0.1812, so L = 0.1812 and the ratio
with white is 1.05 / 0.2312 = 4.54:1 (passes); #777777: 119/255 = 0.4667 -> 0.1845, 1.05 / 0.2345 =
4.48:1 (fails, and its nearest passing shade is darker).
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from engagement.admin import LandlordForm
from engagement.landlord import (
    Landlord,
    contrast_ratio,
    darkest_passing_shade,
    landlord_current,
    landlord_data,
    landlord_settings_load,
    validate_brand_colour,
)

pytestmark = pytest.mark.django_db


def test_black_on_white_is_twenty_one_to_one():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_the_lightest_grey_that_passes_is_767676_and_777777_fails():
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    validate_brand_colour("#767676")
    with pytest.raises(ValidationError) as refused:
        validate_brand_colour("#777777")
    assert "4.5:1" in refused.value.messages[0] and "#777777" in refused.value.messages[0]


def test_a_failing_colour_is_refused_with_the_nearest_darker_shade_that_passes():
    suggestion = darkest_passing_shade("#ffcc00")  # yellow: 1.6:1 with white
    assert contrast_ratio(suggestion, "#ffffff") >= 4.5
    with pytest.raises(ValidationError) as refused:
        validate_brand_colour("#ffcc00")
    assert suggestion in refused.value.messages[0]


def test_a_colour_that_is_not_six_hex_digits_is_refused():
    with pytest.raises(ValidationError):
        validate_brand_colour("navy")


def test_loading_a_configuration_twice_keeps_one_row_and_adjusts_a_failing_colour():
    data = dict(landlord_data("trafford"), brand_colour="#c39bd3")  # lilac: 2.35:1 with white
    first, notes = landlord_settings_load(data=data)
    second, _ = landlord_settings_load(data=data)
    assert Landlord.objects.count() == 1 and first.pk == second.pk
    assert second.name == "Trafford Housing Trust" and second.review_panel_name == "Review Crew"
    assert contrast_ratio(second.brand_colour, "#ffffff") >= 4.5 and "brand_colour" in notes[0]


def test_pages_show_the_landlord_from_the_settings_and_a_change_shows_at_once(client):
    landlord, _ = landlord_settings_load(data=landlord_data("trafford"))
    page = client.get(reverse("login")).text
    assert "Trafford Engagement Portal" in page and "Trafford Housing Trust" in page
    assert "Community and Partnerships Team" in page and "Trident" not in page
    landlord.short_name = "THT"
    landlord.save()
    assert "THT Engagement Portal" in client.get(reverse("login")).text


def test_without_settings_the_portal_runs_under_a_neutral_name(client):
    page = client.get(reverse("login")).text
    assert "Your housing provider" in page and "Trident" not in page


def test_a_page_reads_the_landlord_from_the_cache_without_a_query(client, django_assert_num_queries):
    landlord_settings_load(data=landlord_data("trident"))
    landlord_current()  # warms the cache
    with django_assert_num_queries(0):
        assert landlord_current().name == "Trident Housing"
    client.get(reverse("login"))  # the login page for a visitor runs no other query
    with django_assert_num_queries(0):
        assert "Trident Housing" in client.get(reverse("login")).text


def test_the_stylesheet_carries_the_colours_and_changes_address_when_they_change(client):
    landlord, _ = landlord_settings_load(data=landlord_data("trafford"))
    css = client.get(reverse("landlord_css"))
    assert css["Content-Type"].startswith("text/css") and "#4b2266" in css.text and "#7a1f5c" in css.text
    old = landlord.version
    landlord.brand_colour = "#00244d"
    landlord.save()
    page = client.get(reverse("login")).text
    assert f"?v={old}" not in page and f"?v={Landlord.objects.get().version}" in page


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (75, 34, 102)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_logo_is_checked_like_every_upload_and_served_as_an_image_that_cannot_run(client):
    landlord, _ = landlord_settings_load(data=landlord_data("trafford"))
    svg = SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml")
    form = LandlordForm(data=_form_data(landlord), files={"logo": svg}, instance=landlord)
    assert not form.is_valid() and "logo" in form.errors
    form = LandlordForm(
        data=_form_data(landlord), files={"logo": SimpleUploadedFile("logo.png", _png())}, instance=landlord
    )
    assert form.is_valid(), form.errors
    form.save()
    response = client.get(reverse("landlord_logo"))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]
    assert reverse("landlord_logo") in client.get(reverse("login")).text


def test_the_admin_form_refuses_a_brand_colour_white_text_cannot_be_read_on(client):
    landlord, _ = landlord_settings_load(data=landlord_data("trafford"))
    form = LandlordForm(data=dict(_form_data(landlord), brand_colour="#ffcc00"), instance=landlord)
    assert not form.is_valid() and "brand_colour" in form.errors


def test_without_a_logo_the_logo_address_is_not_found(client):
    assert client.get(reverse("landlord_logo")).status_code == 404


def _form_data(landlord) -> dict:
    from engagement.landlord import SETTING_FIELDS

    return {field: getattr(landlord, field) for field in SETTING_FIELDS}
