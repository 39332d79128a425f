"""Roles over time: the facts the corpus states last on or before a date."""

from __future__ import annotations

import datetime as dt

from factcheck.facts.records import RoleFact
from factcheck.facts.titles.timeline import as_of, outdated, stated_by

Y2019, Y2023 = dt.date(2019, 3, 1), dt.date(2023, 6, 1)


def _fact(role: str, *dates: dt.date) -> RoleFact:
    return RoleFact(person="A", role_group=role, role=role, org_key="b", dates=set(dates))


def test_the_title_stated_last_before_the_date_is_current() -> None:
    deputy, chair, undated = _fact("deputy", Y2019), _fact("chair", Y2023), _fact("speaker")
    facts = [deputy, chair, undated]
    assert stated_by(chair, dt.date(2024, 1, 1)) == Y2023 and stated_by(chair, Y2019) is None
    assert as_of(facts, dt.date(2024, 1, 1)) == [chair]
    assert as_of(facts, dt.date(2020, 1, 1)) == [deputy]
    # Before every dated statement, or without a date, the dates decide nothing.
    assert as_of(facts, dt.date(2018, 1, 1)) is None and as_of(facts, None) is None
    assert outdated(deputy, [chair]) and not outdated(chair, [chair])
    assert not outdated(undated, [chair])  # no dated document states it
