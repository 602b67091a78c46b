import datetime

import pytest

from engagement.registry import COMPUTED_MEASURES, ComputedMeasure, MeasureResult


@pytest.fixture
def registry(monkeypatch):
    """An empty measure registry for the test: register fakes with `registry.add(key, compute)`.

    Other apps register real measures at start-up; the charter's tests control exactly which keys
    exist so that "computed" and "entered manually" are both exercised.
    """
    for key in list(COMPUTED_MEASURES):
        monkeypatch.delitem(COMPUTED_MEASURES, key)

    class Registry:
        calls: list = []

        def add(self, key, compute=None, *, value=None, unit="%", **fields):
            def fixed(start: datetime.date, end: datetime.date) -> MeasureResult:
                self.calls.append((key, start, end))
                return MeasureResult(value=value, **fields)

            monkeypatch.setitem(
                COMPUTED_MEASURES, key, ComputedMeasure(key=key, label=key, unit=unit, compute=compute or fixed)
            )

    return Registry()
