"""The yardstick for benchmarks/pages.py: a bare Django view rendering a 50-row table from a
template, with no database and no middleware work beyond the defaults. Routed only when the
BENCHMARK_FLOOR setting is on (engagement/urls.py), which nothing but the benchmark sets."""

from django.shortcuts import render

from engagement.access import access

ROWS = [
    {"title": f"Walk {n}", "when": f"{n % 28 + 1} Sep 2026, 10:00", "where": f"Block {n % 40}", "status": "Held"}
    for n in range(50)
]


@access("public")
def floor(request):
    return render(request, "benchmarks/floor.html", {"rows": ROWS})
