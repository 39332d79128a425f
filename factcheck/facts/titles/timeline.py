"""Roles over time: which of a person's titles the corpus gives as of a date.

Titles change (deputy chairman, then chairman). Each role fact carries the
dates of the documents that state it (their own or an inferred date), so a
draft's claim is compared with what the corpus says on its date or nearest
before it, not with every title the person has ever held: a draft written
after an appointment is right to use the new title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from factcheck.facts.records import RoleFact


def stated_by(fact: RoleFact, date: dt.date) -> dt.date | None:
    """The latest date on or before ``date`` of a document stating ``fact``."""
    return max((d for d in fact.dates if d <= date), default=None)


def as_of(facts: Sequence[RoleFact], date: dt.date | None) -> list[RoleFact] | None:
    """The facts the corpus states last on or before ``date``, or None when the
    dates cannot decide (no draft date, nothing dated before it)."""
    if date is None:
        return None
    latest = max((d for f in facts if (d := stated_by(f, date)) is not None), default=None)
    if latest is None:
        return None
    return [f for f in facts if stated_by(f, date) == latest]


def outdated(fact: RoleFact, current: Sequence[RoleFact]) -> bool:
    """Is ``fact`` superseded as of the date ``current`` was chosen for? A fact no
    dated document states cannot be placed in time, so it is never outdated."""
    return bool(fact.dates) and fact not in current
