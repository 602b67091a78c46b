"""The landlord the portal runs for: its name, brand, contact details, set by an administrator.

One row (the first); `landlord_current()` is what every page, e-mail and PDF reads. It is kept in
the cache (shared by every process when Redis is configured) and dropped whenever the row is saved
or deleted, so a page costs no query for it once the cache is warm, and at most one when it is not.
Without a row the portal still runs, under a neutral name, until an administrator (or
`manage.py load_landlord`) sets one.

Brand colours are shown behind white text (the menu bar, buttons) and as link text on a white
page, so each must have a contrast ratio of at least 4.5:1 with white: WCAG 2.2 success criterion
1.4.3 (contrast, minimum) for normal text. The ratio is (L1 + 0.05) / (L2 + 0.05) with L the
relative luminance of sRGB (WCAG 2.2, "relative luminance" and "contrast ratio" definitions).
A colour that fails is refused with the nearest darker shade that passes.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from .storage import private_storage

WCAG_AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
CACHE_SECONDS = 24 * 60 * 60
LOCAL_CACHE_SECONDS = 30


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour written #rrggbb."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darkest_passing_shade(colour: str, *, against: str = WHITE, ratio: float = WCAG_AA_NORMAL_TEXT) -> str:
    """The lightest shade of `colour` (same hue, scaled towards black) that reaches `ratio`."""
    red, green, blue = (int(colour[start : start + 2], 16) for start in (1, 3, 5))
    for step in range(100, -1, -1):
        shade = "#{:02x}{:02x}{:02x}".format(*(round(value * step / 100) for value in (red, green, blue)))
        if contrast_ratio(shade, against) >= ratio:
            return shade
    return "#000000"


def validate_brand_colour(colour: str) -> None:
    if not HEX_COLOUR.match(colour or ""):
        raise ValidationError("Enter a colour as # and six hexadecimal digits, for example #00244d.", code="format")
    ratio = contrast_ratio(colour, WHITE)
    if ratio < WCAG_AA_NORMAL_TEXT:
        raise ValidationError(
            f"{colour} has a contrast ratio of {ratio:.1f}:1 with white text; WCAG AA needs at least "
            f"{WCAG_AA_NORMAL_TEXT}:1. The nearest darker shade that passes is {darkest_passing_shade(colour)}.",
            code="contrast",
        )


class Landlord(models.Model):
    name = models.CharField(max_length=120, help_text="As customers know it, e.g. Trafford Housing Trust.")
    short_name = models.CharField(max_length=40, help_text="In short sentences and titles, e.g. Trafford.")
    portal_name = models.CharField(
        max_length=80, default="Engagement Portal", help_text="The portal's name in the menu bar and page titles."
    )
    team_name = models.CharField(
        max_length=120,
        default="Customer Engagement Team",
        help_text="Who signs e-mails and letters, e.g. Community and Partnerships Team.",
    )
    logo = models.FileField(
        storage=private_storage,
        upload_to="landlord/",
        blank=True,
        help_text="A JPEG, PNG, GIF or WebP image (no SVG: it can carry script), checked like every upload.",
    )
    logo_content_type = models.CharField(max_length=40, blank=True, editable=False)
    brand_colour = models.CharField(
        max_length=7,
        default="#00244d",
        validators=[validate_brand_colour],
        help_text="The menu bar, behind white text: at least 4.5:1 contrast with white.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#0b5cad",
        validators=[validate_brand_colour],
        help_text="Links and buttons: at least 4.5:1 contrast with white.",
    )
    usual_venue = models.CharField(
        max_length=120, blank=True, help_text="Where panels usually meet; offered when a meeting is planned."
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    review_panel_name = models.CharField(
        max_length=120,
        default="Communications Panel",
        help_text="The customer panel that approves leaflets and letters as jargon-free (its stamp says so).",
    )
    training_programme_name = models.CharField(
        max_length=80, default="Training for involved customers", help_text="e.g. Skills 4 You."
    )
    involvement_intro = models.TextField(
        blank=True, help_text="The opening paragraph of the public Get involved page, in plain words."
    )
    configuration = models.SlugField(
        max_length=40, blank=True, help_text="The configuration file last loaded (engagement/landlords/<name>.yaml)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "landlord settings"
        verbose_name_plural = "landlord settings"

    def __str__(self) -> str:
        return self.name

    @property
    def version(self) -> str:
        """Changes whenever the settings do: the stylesheet's address carries it, so browsers
        fetch the new colours at once and may keep the old file for ever."""
        return f"{self.pk or 0}-{self.updated_at:%Y%m%d%H%M%S%f}" if self.updated_at else "0"

    @property
    def site_name(self) -> str:
        """The portal's name in the menu bar and page titles: "Trafford Engagement Portal"."""
        return f"{self.short_name} {self.portal_name}".strip()

    @property
    def signature(self) -> str:
        return f"{self.name} {self.team_name}"


def default_landlord() -> Landlord:
    """What the portal calls itself before an administrator has set the landlord up."""
    return Landlord(name="Your housing provider", short_name="Housing")


def _cache_seconds() -> int:
    """A day in a cache every process shares (Redis): a save drops it for all of them. A
    local-memory cache is one process's own, so another process's save cannot reach it: there the
    settings are kept for half a minute only."""
    from .freshness import cache_is_shared

    return CACHE_SECONDS if cache_is_shared() else LOCAL_CACHE_SECONDS


def _cache_key() -> str:
    # Prefixed like the throttle counters, so each test (and each deployment sharing a Redis) has its own.
    return f"{settings.COUNTER_NAMESPACE}landlord:settings"


def landlord_current(request=None) -> Landlord:
    """The landlord's settings: from the request if already read, else the cache, else one query."""
    if request is not None and hasattr(request, "_landlord"):
        return request._landlord
    landlord = cache.get(_cache_key())
    if landlord is None:
        landlord = Landlord.objects.order_by("pk").first() or default_landlord()
        cache.set(_cache_key(), landlord, _cache_seconds())
    if request is not None:
        request._landlord = landlord
    return landlord


def landlord_cached_or_default() -> Landlord:
    """For the 500 page: never the database (it may be what broke), the cache if it answers."""
    try:
        return cache.get(_cache_key()) or default_landlord()
    except Exception:  # noqa: BLE001  (a cache that is down too must not break the error page)
        return default_landlord()


LANDLORDS_DIR = Path(__file__).resolve().parent / "landlords"
SETTING_FIELDS = (
    "name",
    "short_name",
    "portal_name",
    "team_name",
    "brand_colour",
    "accent_colour",
    "usual_venue",
    "phone",
    "email",
    "address",
    "website",
    "review_panel_name",
    "training_programme_name",
    "involvement_intro",
)
LOADED_FIELDS = (*SETTING_FIELDS, "configuration")


def landlord_data(key: str) -> dict:
    """A landlord's configuration file, engagement/landlords/<key>.yaml, as a dict."""
    if not re.fullmatch(r"[a-z0-9_-]+", key):
        raise ValueError(f"{key!r} is not a landlord configuration name.")
    path = LANDLORDS_DIR / f"{key}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in LANDLORDS_DIR.glob("*.yaml")))
        raise FileNotFoundError(f"No configuration for {key!r}; there are: {known}.")
    return {**yaml.safe_load(path.read_text(encoding="utf-8")), "configuration": key}


def landlord_settings_load(*, data: dict) -> tuple[Landlord, list[str]]:
    """Set the landlord's settings from a configuration (the `load_landlord` command, the demo).

    Idempotent: the one row is updated in place. A brand colour that fails the contrast check is
    replaced by its nearest passing shade, and said so in the notes returned."""
    values = {field: data[field] for field in LOADED_FIELDS if field in data}
    notes = []
    for field in ("brand_colour", "accent_colour"):
        colour = values.get(field)
        if colour and HEX_COLOUR.match(colour) and contrast_ratio(colour, WHITE) < WCAG_AA_NORMAL_TEXT:
            values[field] = darkest_passing_shade(colour)
            notes.append(f"{field} {colour} fails WCAG AA with white; using {values[field]}.")
    with transaction.atomic():
        landlord = Landlord.objects.select_for_update().order_by("pk").first() or Landlord()
        for field, value in values.items():
            setattr(landlord, field, value)
        landlord.full_clean(exclude=["logo"])
        landlord.save()
    return landlord, notes


def landlord_forget(**kwargs) -> None:
    # Now, and again after commit: a request in between could have cached the old row.
    key = _cache_key()
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


post_save.connect(landlord_forget, sender=Landlord, dispatch_uid="landlord_forget_on_save")
post_delete.connect(landlord_forget, sender=Landlord, dispatch_uid="landlord_forget_on_delete")
