"""Values compared slot by slot: a draft's number against the corpus's numbers
for the same thing.

Two claims are about the same thing when they count the same noun and:

- an age: it is the same person's (names resolved through the name book). A
  person's age moves with the calendar: an age stated in a dated article
  allows, at the draft's date, the ages that some birthday would give; an
  undated article or draft is taken as of the same time;
- an ordinal ("a fourth term"): it is the same owner's;
- a count: never when both nouns have modifiers and share none ("audio tapes",
  "video tapes"); where both sentences name an owner, the owners agree and the noun
  is placed alike (a shared modifier: "audio tapes", "80% of the damage"; the
  same verb above it; the same whole); where either names none, the count is
  the size of the same whole ("the seven-member panel"), or shares both a
  modifier and the verb above it. A count in a
  corpus article dated more than :data:`~factcheck.facts.events.OCCASION_WINDOW`
  from the draft may agree with it but never contradicts it (a running tally
  moves on).

A draft value contradicts the corpus when claims about the same thing give
another value and none gives the draft's; when they give more than one other
value, the corpus is split.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.facts.events import same_occasion
from factcheck.facts.names.namebook import normalise_name
from factcheck.facts.parallel_sentences import ContradictedValue
from factcheck.facts.per_fact_base import built_once_per_fact_base
from factcheck.facts.records import Fact, Occurrence
from factcheck.model import Analysis, Evidence, ValueClaim

if TYPE_CHECKING:
    from factcheck.facts.corpus import CorpusFacts

_NOT_PEOPLE = frozenset(["ORG", "GPE", "NORP", "FAC"])


@dataclass(frozen=True)
class _Stated:
    """A corpus claim with the names it is about, resolved, and its article's date."""

    claim: ValueClaim
    owners: frozenset[str]
    date: dt.date | None
    occurrence: Occurrence


class ValueIndex:
    """The corpus's value claims, by counted noun."""

    def __init__(self, corpus: CorpusFacts) -> None:
        # The name book, not the fact base: kept once per fact base, this index must
        # not keep it alive (see factcheck.facts.per_fact_base).
        self._names = corpus.names
        self._by_noun: dict[str, list[_Stated]] = defaultdict(list)
        self._people = frozenset(
            e.canonical for e in corpus.names.entities if e.kind not in _NOT_PEOPLE
        )
        for path, analysis in corpus.analyses.items():
            text = corpus.texts[path]
            for claim in analysis.values:
                self._by_noun[claim.noun].append(
                    _Stated(
                        claim,
                        self.owners(claim),
                        corpus.dates.get(path),
                        text.occurrence(claim.sentence, claim.span),
                    )
                )

    def owners(self, claim: ValueClaim) -> frozenset[str]:
        found = set()
        for name in claim.owners:
            entity = self._names.entity(name)
            found.add(entity.canonical if entity is not None else normalise_name(name))
        return frozenset(found)

    def contradicted(self, analysis: Analysis, date: dt.date | None) -> list[ContradictedValue]:
        found = []
        for claim in analysis.values:
            result = self._check(claim, date)
            if result is not None:
                found.append(result)
        return found

    def _check(self, claim: ValueClaim, date: dt.date | None) -> ContradictedValue | None:
        owners = self.owners(claim)
        if claim.is_age and not owners & self._people:
            return None  # "Norway, 58,": only a person has an age
        others: dict[float, list[_Stated]] = defaultdict(list)
        for stated in self._by_noun.get(claim.noun, ()):
            if not _same_thing(claim, owners, stated):
                continue
            allowed = _allowed(stated, date)
            if claim.value in allowed:
                return None
            if not claim.is_age and date and stated.date and not same_occasion(date, stated.date):
                continue
            # An age is expected as the corpus's age moved to the draft's date.
            expected = min(allowed, key=lambda v: abs(v - claim.value))
            others[expected].append(stated)
        if not others:
            return None
        expected, statements = max(others.items(), key=lambda item: _support(item[1]))
        return ContradictedValue(
            span=claim.span,
            expected=_written(expected, statements),
            support=_support(statements),
            split=len(others) > 1,
            evidence=_evidence(statements),
        )


def _same_thing(claim: ValueClaim, owners: frozenset[str], stated: _Stated) -> bool:
    if stated.claim.is_age != claim.is_age:
        return False
    if claim.is_age:
        return bool(owners & stated.owners)
    shared_modifier = bool(set(claim.modifiers) & set(stated.claim.modifiers))
    if claim.modifiers and stated.claim.modifiers and not shared_modifier:
        return False  # "audio tapes" and "video tapes", "15% are fake" and "44% are real"
    same_governor = bool(claim.governor) and claim.governor == stated.claim.governor
    same_whole = bool(claim.whole) and claim.whole == stated.claim.whole
    if owners and stated.owners:
        return bool(owners & stated.owners) and (shared_modifier or same_governor or same_whole)
    if claim.noun.startswith("#"):
        return False  # a first half, a second round: only someone's fourth term is one
    # No owner named: the size of a thing ("the seven-member panel") is its own;
    # a plain count must be placed alike ("reached by the two heads of state").
    return same_whole or (shared_modifier and same_governor)


def _allowed(stated: _Stated, date: dt.date | None) -> frozenset[float]:
    """The values the corpus claim allows at the draft's date."""
    value = stated.claim.value
    if not stated.claim.is_age or date is None or stated.date is None:
        return frozenset([value])
    # Born some day in the year up to the statement: the latest such birthday
    # gives the youngest age at the draft's date, the earliest the oldest.
    latest = _years_before(stated.date, int(value))
    earliest = _years_before(stated.date, int(value) + 1) + dt.timedelta(days=1)
    low, high = _age_on(latest, date), _age_on(earliest, date)
    return frozenset(float(v) for v in range(low, high + 1) if v >= 0)


def _years_before(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year - years)
    except ValueError:  # 29 February in a year without one
        return date.replace(year=date.year - years, day=28)


def _age_on(born: dt.date, date: dt.date) -> int:
    return date.year - born.year - ((date.month, date.day) < (born.month, born.day))


def _support(statements: Iterable[_Stated]) -> int:
    return len({s.occurrence.source for s in statements})


def _written(value: float, statements: list[_Stated]) -> str:
    for stated in statements:
        if stated.claim.value == value:
            return stated.claim.text
    return str(int(value)) if value.is_integer() else str(value)


def _evidence(statements: list[_Stated]) -> tuple[Evidence, ...]:
    return Fact(occurrences=[stated.occurrence for stated in statements]).evidence()


@built_once_per_fact_base
def value_index(corpus: CorpusFacts) -> ValueIndex:
    """The corpus's value index, built once per fact base."""
    return ValueIndex(corpus)
