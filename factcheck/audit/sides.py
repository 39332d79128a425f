"""What the audit reports: a disagreement, its sides, and how sides are built."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.facts import Fact
from factcheck.model import Category, Evidence

# Evidence lines shown per side: enough to find the documents, not a listing.
EVIDENCE_LIMIT = 3

CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}


@dataclass(frozen=True)
class Side:
    """One of the values the corpus gives, with the documents that give it."""

    value: str
    support: int  # how many corpus documents give this value
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Disagreement:
    """Corpus documents that state different values for one thing."""

    category: Category
    subject: str  # who or what the values are about
    sides: tuple[Side, ...]  # the best-supported value first


def side(value: str, facts: Iterable[Fact]) -> Side:
    """One value and every fact stating it, merged so each document counts once."""
    merged = Fact(occurrences=[o for fact in facts for o in fact.occurrences])
    return Side(value, merged.support, merged.evidence(limit=EVIDENCE_LIMIT))


def by_support(sides: Iterable[Side]) -> tuple[Side, ...]:
    # Ties are ordered by value only to keep the output stable between runs.
    return tuple(sorted(sides, key=lambda s: (-s.support, s.value)))
