"""Tallies and scores: recall and precision per category, binary classification.

Kept free of the engine so that the arithmetic can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# The categories the checkers own, in code order (FC1xx .. FC5xx).
CATEGORIES: tuple[str, ...] = ("name", "title", "date", "count", "quote")
OVERALL = "overall"


@dataclass
class Tally:
    """Counts for one category: found, missed, and flagged wrongly."""

    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0

    @property
    def positives(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def recall(self) -> float | None:
        """None when nothing was there to find: no figure rather than a made-up 1.0."""
        return self.true_positives / self.positives if self.positives else None

    @property
    def precision(self) -> float | None:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else None

    def add(self, other: Tally) -> None:
        self.true_positives += other.true_positives
        self.false_negatives += other.false_negatives
        self.false_positives += other.false_positives

    def as_json(self) -> dict[str, object]:
        return {
            "tp": self.true_positives,
            "fn": self.false_negatives,
            "fp": self.false_positives,
            "recall": _rounded(self.recall),
            "precision": _rounded(self.precision),
        }


class CategoryScores:
    """A :class:`Tally` per category, with a micro-averaged overall row."""

    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = {category: Tally() for category in CATEGORIES}

    def tally(self, category: str) -> Tally:
        return self.tallies.setdefault(category, Tally())

    def overall(self) -> Tally:
        total = Tally()
        for tally in self.tallies.values():
            total.add(tally)
        return total

    def as_json(self) -> dict[str, object]:
        rows: dict[str, object] = {c: t.as_json() for c, t in self.tallies.items()}
        rows[OVERALL] = self.overall().as_json()
        return rows

    def table(self, title: str) -> str:
        """A fixed-width table, one row per category and one overall."""
        lines = [
            title,
            f"  {'category':<9} {'tp':>4} {'fn':>4} {'fp':>4} {'recall':>7} {'precision':>9}",
        ]
        rows = [*self.tallies.items(), (OVERALL, self.overall())]
        for category, tally in rows:
            lines.append(
                f"  {category:<9} {tally.true_positives:>4} {tally.false_negatives:>4} "
                f"{tally.false_positives:>4} {_shown(tally.recall):>7} {_shown(tally.precision):>9}"
            )
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class BinaryScores:
    """Flagged-or-not against a gold label: for FRANK's ``pos`` against ``neg``."""

    true_positives: int
    false_negatives: int
    false_positives: int
    true_negatives: int

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[bool, bool]]) -> BinaryScores:
        """``pairs`` are (gold is positive, flagged)."""
        counts = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
        for gold, flagged in pairs:
            counts[(gold, flagged)] += 1
        return cls(
            true_positives=counts[(True, True)],
            false_negatives=counts[(True, False)],
            false_positives=counts[(False, True)],
            true_negatives=counts[(False, False)],
        )

    @property
    def recall(self) -> float | None:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else None

    @property
    def specificity(self) -> float | None:
        negatives = self.true_negatives + self.false_positives
        return self.true_negatives / negatives if negatives else None

    @property
    def precision(self) -> float | None:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else None

    @property
    def balanced_accuracy(self) -> float | None:
        if self.recall is None or self.specificity is None:
            return None
        return (self.recall + self.specificity) / 2

    def as_json(self) -> dict[str, object]:
        return {
            "tp": self.true_positives,
            "fn": self.false_negatives,
            "fp": self.false_positives,
            "tn": self.true_negatives,
            "balanced_accuracy": _rounded(self.balanced_accuracy),
            "recall": _rounded(self.recall),
            "precision": _rounded(self.precision),
        }


def binary_table(title: str, rows: Mapping[str, BinaryScores]) -> str:
    lines = [
        title,
        f"  {'system':<26} {'tp':>4} {'fn':>4} {'fp':>4} {'tn':>4} "
        f"{'bal.acc':>7} {'recall':>7} {'precision':>9}",
    ]
    for name, s in rows.items():
        lines.append(
            f"  {name:<26} {s.true_positives:>4} {s.false_negatives:>4} {s.false_positives:>4} "
            f"{s.true_negatives:>4} {_shown(s.balanced_accuracy):>7} {_shown(s.recall):>7} "
            f"{_shown(s.precision):>9}"
        )
    return "\n".join(lines) + "\n"


def _shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
