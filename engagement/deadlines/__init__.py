"""One deadline engine for the whole portal.

- Each app declares its kinds of deadline in `<app>/deadlines.py` (the rule, with its source,
  and a `ChasePolicy`) and registers them with `engagement.registry.register_deadline_kind`.
- `policy.py`: when a deadline is chased (one schedule for every kind) and the one wording of
  "working days left / overdue".
- `chase.py`: the one daily chase job and its exactly-once claims (`engagement.models.ChaseNotice`).
- `board.py`: the overdue board and the dashboards' slices of it.
"""

from .policy import ChasePolicy, Step, due_phrase, in_working_days

__all__ = ["ChasePolicy", "Step", "due_phrase", "in_working_days"]
