"""Money as whole pence (integers), read from and shown as pounds without ever touching a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def pounds(pence: int | None, *, pennies: bool = True) -> str:
    """12345 → "£123.45"; 14000000 → "£140,000.00" (or "£140,000" with pennies=False)."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(int(pence)), 100)
    if not pennies and part == 0:
        return f"{sign}£{whole:,}"
    return f"{sign}£{whole:,}.{part:02d}"


def to_pence(amount: Decimal) -> int:
    """A Decimal amount in pounds (a form's DecimalField) → whole pence."""
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
