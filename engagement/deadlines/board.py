"""The overdue board: every open deadline in the portal, whatever app owns it, on one clock.

Each kind filters in SQL (owner, patch, due date); the rows are merged and sorted here. The work
is proportional to the open deadlines, not to all records.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import connection

from engagement.registry import DEADLINE_KINDS, Deadline, DeadlineKind, batch_cached
from engagement.workdays import working_days_between

from .policy import due_phrase


@dataclass(frozen=True)
class BoardRow:
    deadline: Deadline
    kind: DeadlineKind
    days_left: int  # working days until due; negative: working days overdue
    when: str  # "3 working days overdue", "due today", "due in 2 working days"
    is_overdue: bool  # the due date has passed (even when only a weekend has)

    # Flat attributes for the table and the CSV.
    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def what(self) -> str:
        return self.deadline.what

    @property
    def due_on(self) -> datetime.date:
        return self.deadline.due_on

    @property
    def owner_name(self) -> str:
        owner = self.deadline.owner
        return (owner.get_full_name() or owner.username) if owner is not None else "Managers (no owner)"

    @property
    def place(self) -> str:
        return self.deadline.place

    @property
    def url(self) -> str:
        return self.deadline.url


def deadlines_open(
    *,
    today: datetime.date,
    owner=None,
    patch=None,
    kinds: list[str] | None = None,
    due_by: datetime.date | None = None,
) -> list[BoardRow]:
    """Open deadlines, soonest (most overdue) first. `due_by` keeps those due on or before it."""
    rows = []
    for kind in DEADLINE_KINDS.values():
        if kinds and kind.key not in kinds:
            continue
        for deadline in kind.open_deadlines(due_by=due_by, owner=owner, patch=patch):
            rows.append(
                BoardRow(
                    deadline=deadline,
                    kind=kind,
                    days_left=working_days_between(today, deadline.due_on),
                    when=due_phrase(deadline.due_on, today),
                    is_overdue=deadline.due_on < today,
                )
            )
    rows.sort(key=lambda row: (row.deadline.due_on, row.kind.order, row.deadline.object_id))
    return rows


def deadlines_summary(rows: list[BoardRow]) -> dict:
    """Counts for a dashboard: overdue and open, by kind."""
    overdue = Counter(row.kind.key for row in rows if row.is_overdue)
    open_ = Counter(row.kind.key for row in rows)
    by_kind = [
        {"kind": kind, "open": open_[key], "overdue": overdue[key]}
        for key, kind in DEADLINE_KINDS.items()
        if open_[key]
    ]
    return {"open": len(rows), "overdue": sum(overdue.values()), "by_kind": by_kind}


class OpenDeadlines:
    """Every open deadline matching a filter, sorted by due date (then kind, then record), read a
    page at a time: the overdue board's data.

    Kinds with `open_keys` are counted, sorted and paged in SQL (one UNION ALL of their keys), so a
    page costs the same whatever the number of open deadlines: one query for the counts, one for
    the page's keys and one per kind on the page for its rows. A kind without them (a handful of
    records by nature, e.g. scrutiny responses) is read whole and merged in.
    """

    def __init__(self, *, today, owner=None, patch=None, kinds=None, due_by=None):
        self.today = today
        self.filters = {"due_by": due_by, "owner": owner, "patch": patch}
        chosen = [kind for key, kind in DEADLINE_KINDS.items() if not kinds or key in kinds]
        self.sql_kinds = [kind for kind in chosen if kind.open_keys is not None and kind.deadlines_by_id is not None]
        self.descending = False  # set before the first count (the table sorts, then pages)
        self.first_page = 50  # the rows of the first page, read with the counts
        self._first_keys = None
        # Kinds read whole (few rows): as BoardRows, sorted as the SQL part is.
        self.python_rows = [
            _row(deadline, kind, today)
            for kind in chosen
            if kind not in self.sql_kinds
            for deadline in kind.open_deadlines(**self.filters)
        ]
        self._counts = None

    # --- SQL -------------------------------------------------------------------------------------

    def _union(self) -> tuple[str, list]:
        parts, params = [], []
        for number, kind in enumerate(self.sql_kinds):
            sql, kind_params = kind.open_keys(**self.filters).query.sql_with_params()
            parts.append(
                f"SELECT %s AS kind, %s AS kind_order, k{number}.board_id, k{number}.board_due FROM ({sql}) k{number}"
            )
            params += [kind.key, kind.order, *kind_params]
        return " UNION ALL ".join(parts), params

    def counts(self) -> dict[str, tuple[int, int]]:
        """{kind key: (open, overdue)}: one GROUP BY over every SQL kind, plus the kinds read whole.

        The same query brings the first page's keys (the page a board is opened on): the union is
        read once (a CTE) for both."""
        if self._counts is None:
            counts: dict[str, tuple[int, int]] = {}
            if self.sql_kinds:
                union, params = self._union()
                limit = self.first_page + len(self.python_rows)
                sql = (
                    f"WITH board AS ({union}) "
                    "SELECT 0, kind, CAST(NULL AS date), CAST(NULL AS integer), COUNT(*), "
                    "SUM(CASE WHEN board_due < %s THEN 1 ELSE 0 END) "
                    "FROM board GROUP BY kind "
                    "UNION ALL SELECT * FROM (SELECT 1, kind, board_due, kind_order, board_id, 0 FROM board "
                    f"ORDER BY {self._order()} LIMIT %s) first_page"
                )
                first = []
                with connection.cursor() as cursor:
                    cursor.execute(sql, [*params, self.today, limit])
                    for part, kind, due, order, number, late in cursor.fetchall():
                        if part == 0:
                            counts[kind] = (int(number), int(late or 0))
                        else:
                            first.append((_as_date(due), order, number, kind))
                self._first_keys = (limit, first)
            for row in self.python_rows:
                n, late = counts.get(row.kind.key, (0, 0))
                counts[row.kind.key] = (n + 1, late + row.is_overdue)
            self._counts = counts
        return self._counts

    def summary(self) -> dict:
        """Shaped like deadlines_summary: open and overdue in all and by kind."""
        counts = self.counts()
        by_kind = [
            {"kind": kind, "open": counts[key][0], "overdue": counts[key][1]}
            for key, kind in DEADLINE_KINDS.items()
            if counts.get(key, (0, 0))[0]
        ]
        return {
            "open": sum(n for n, _ in counts.values()),
            "overdue": sum(late for _, late in counts.values()),
            "by_kind": by_kind,
        }

    def _order(self) -> str:
        direction = "DESC" if self.descending else "ASC"
        return f"board_due {direction}, kind_order {direction}, board_id {direction}"

    def _keys(self, offset: int, limit: int) -> list[tuple]:
        """(due date, kind order, id, kind key) of rows offset..offset+limit in board order."""
        if not self.sql_kinds:
            return []
        if self._first_keys is not None and offset == 0 and limit <= self._first_keys[0]:
            return self._first_keys[1][:limit]  # read with the counts
        union, params = self._union()
        sql = f"SELECT board_due, kind_order, board_id, kind FROM ({union}) board ORDER BY {self._order()}"
        sql += " LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [(_as_date(due), order, pk, kind) for due, order, pk, kind in cursor.fetchall()]

    # --- The sequence the table pages through ----------------------------------------------------

    def __len__(self) -> int:
        return sum(n for n, _ in self.counts().values())

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, _step = index.indices(len(self))
            return self._page(start, max(stop - start, 0))
        return self._page(index, 1)[0]

    def __iter__(self):
        total, start, chunk = len(self), 0, 500
        while start < total:
            yield from self._page(start, chunk)
            start += chunk

    def _page(self, offset: int, limit: int) -> list[BoardRow]:
        if limit <= 0:
            return []
        python = sorted(
            ((row.due_on, row.kind.order, row.deadline.object_id, row.kind.key), row) for row in self.python_rows
        )
        if python:
            # Rows read whole can fall anywhere: merge them with the SQL rows up to the page's end.
            keys = [(key, None) for key in self._keys(0, offset + limit)] + python
            keys.sort(key=lambda pair: pair[0], reverse=self.descending)
            keys = keys[offset : offset + limit]
        else:
            keys = [(key, None) for key in self._keys(offset, limit)]
        wanted: dict[str, list[int]] = {}
        for key, row in keys:
            if row is None:
                wanted.setdefault(key[3], []).append(key[2])
        found = {}
        for kind_key, ids in wanted.items():
            kind = DEADLINE_KINDS[kind_key]
            for deadline in kind.deadlines_by_id(ids):
                found[(kind_key, deadline.object_id)] = _row(deadline, kind, self.today)
        # A record closed between the two reads is left out of this page.
        return [
            row if row is not None else found[(key[3], key[2])]
            for key, row in keys
            if row is not None or (key[3], key[2]) in found
        ]


def _as_date(value) -> datetime.date:
    """A raw cursor gives SQLite's dates as text: the keys are merged with rows read whole, so
    both must be dates to compare."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def owner_summary(*, owner, today: datetime.date, soonest: int = 6) -> dict:
    """An officer's dashboard: how many deadlines they owe, how many are overdue, by kind, and the
    `soonest` due first: the overdue board's own read (OpenDeadlines) filtered to them, so one
    query counts every kind and brings the soonest keys, then one per kind among the soonest."""
    board = OpenDeadlines(today=today, owner=owner)
    board.first_page = soonest
    return {"summary": board.summary(), "soonest": board[:soonest]}


def _row(deadline: Deadline, kind: DeadlineKind, today: datetime.date) -> BoardRow:
    return BoardRow(
        deadline=deadline,
        kind=kind,
        days_left=working_days_between(today, deadline.due_on),
        when=due_phrase(deadline.due_on, today),
        is_overdue=deadline.due_on < today,
    )


def overdue_summary(*, today: datetime.date) -> dict:
    """The manager's dashboard: overdue deadlines by kind and by owner (the ten with most), counted
    in SQL by the kinds that can (one query a kind, whatever the number of records), else from
    their open deadlines. Shaped like deadlines_summary, plus `by_owner`."""
    from engagement.models import User
    from engagement.services import staff_by_pk

    by_kind, by_owner = [], Counter()
    yesterday = today - datetime.timedelta(days=1)
    for kind in DEADLINE_KINDS.values():
        if kind.overdue_counts is not None:
            # Within a dashboard's batch a panel counting the same (the activities panel's overdue
            # reports by officer) reuses this count.
            counts = Counter(batch_cached(kind.overdue_counts, today))
        else:
            late = kind.open_deadlines(due_by=yesterday)
            counts = Counter(deadline.owner.pk if deadline.owner is not None else None for deadline in late)
        if counts:
            total = sum(counts.values())
            by_kind.append({"kind": kind, "open": total, "overdue": total})
            by_owner.update(counts)
    owners = batch_cached(staff_by_pk)
    missing = [pk for pk in by_owner if pk is not None and pk not in owners]
    if missing:  # an owner who is no longer staff (rare): read them too
        owners = {**owners, **User.objects.in_bulk(missing)}
    rows = []
    for pk, overdue in by_owner.items():
        owner = owners.get(pk)
        name = (owner.get_full_name() or owner.username) if owner is not None else "Managers (no owner)"
        rows.append({"owner": owner, "name": name, "overdue": overdue})
    rows.sort(key=lambda entry: (-entry["overdue"], entry["name"]))
    overdue = sum(row["overdue"] for row in by_kind)
    return {"summary": {"open": overdue, "overdue": overdue, "by_kind": by_kind}, "by_owner": rows[:10]}


def chase_history(*, kind: str, object_id: int):
    """The notices sent about one record's deadlines, oldest first, with who was told (2 queries)."""
    from engagement.models import ChaseNotice

    return ChaseNotice.objects.filter(kind=kind, object_id=object_id).prefetch_related("recipients")
