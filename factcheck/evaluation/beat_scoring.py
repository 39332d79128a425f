"""Scoring a ``factcheck check --format json`` report against one beat's ``expected.json``.

A faithful re-implementation of the data's own ``beats/score.py`` (kept beside
the data, outside this repository), with the tallies kept per category:

* each expected entry's identifying substring resolves to the first line of
  its draft that contains it (lines counted from the top, front matter included);
* a finding matches an entry when its file name, line and category are the
  entry's and its ``found`` text overlaps an accepted substring (one contains
  the other, case-insensitively); one finding may match several entries;
* ``info`` findings are not counted; every other finding that matches no
  entry is a false positive, whatever its category;
* recall is the share of entries matched; precision the share of counted
  findings that match one, 0.0 when nothing was counted.

``tests/test_beat_scoring.py`` checks the figures against ``score.py`` itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from factcheck.errors import InputError
from factcheck.evaluation.scoring import CATEGORIES

OVERALL = "overall"


@dataclass(frozen=True)
class Planted:
    """One expected entry: where the planted error is and what may be reported."""

    draft: str
    line: int
    category: str
    accepted: tuple[str, ...]  # lower-cased


@dataclass
class CategoryCounts:
    """Planted errors found, and counted findings that matched, for one category."""

    planted: int = 0
    found: int = 0
    findings: int = 0
    matched: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.findings if self.findings else None

    def add(self, other: CategoryCounts) -> None:
        self.planted += other.planted
        self.found += other.found
        self.findings += other.findings
        self.matched += other.matched

    def as_json(self) -> dict[str, object]:
        return {
            "planted": self.planted,
            "found": self.found,
            "findings": self.findings,
            "false_positives": self.findings - self.matched,
            "recall": _rounded(self.recall),
            "precision": _rounded(self.precision),
        }


@dataclass
class BeatScore:
    """One beat's (or several beats') tallies, misses and false positives."""

    categories: dict[str, CategoryCounts] = field(
        default_factory=lambda: {category: CategoryCounts() for category in CATEGORIES}
    )
    false_positive_codes: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def overall(self) -> CategoryCounts:
        total = CategoryCounts()
        for counts in self.categories.values():
            total.add(counts)
        return total

    @property
    def recall(self) -> float:
        """As score.py: 1.0 when nothing was planted."""
        total = self.overall()
        return total.found / total.planted if total.planted else 1.0

    @property
    def precision(self) -> float:
        """As score.py: 0.0 when nothing was counted."""
        total = self.overall()
        return total.matched / total.findings if total.findings else 0.0

    def add(self, other: BeatScore) -> None:
        for category, counts in other.categories.items():
            self.categories.setdefault(category, CategoryCounts()).add(counts)
        self.false_positive_codes.update(other.false_positive_codes)
        self.misses.extend(other.misses)
        self.false_positives.extend(other.false_positives)

    def as_json(self) -> dict[str, object]:
        rows: dict[str, object] = {c: n.as_json() for c, n in self.categories.items()}
        overall = self.overall().as_json()
        overall["recall"] = _rounded(self.recall)
        overall["precision"] = _rounded(self.precision)
        rows[OVERALL] = overall
        return {
            "categories": rows,
            "false_positives_by_code": dict(self.false_positive_codes.most_common()),
            "misses": self.misses,
            "false_positive_findings": self.false_positives,
        }


def read_planted(expected_path: Path, drafts: Mapping[str, str]) -> list[Planted]:
    """The entries of ``expected.json``, resolved to lines of the drafts' texts (by file name)."""
    try:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(expected_path), f"cannot read: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise InputError(str(expected_path), f"not JSON: {error}") from None
    if not isinstance(expected, dict):
        raise InputError(str(expected_path), "expected an object of draft names")
    planted: list[Planted] = []
    for name, entries in expected.items():
        if name not in drafts:
            raise InputError(str(expected_path), f"names a draft that is not there: {name}")
        lines = drafts[name].splitlines()
        for entry in entries:
            if not (isinstance(entry, list) and len(entry) == 3):
                raise InputError(
                    str(expected_path), f"{name}: an entry is not [line, category, found]"
                )
            substring, category, accepted = entry
            line = next((i + 1 for i, text in enumerate(lines) if substring in text), None)
            if line is None:
                raise InputError(str(expected_path), f"{name}: no line contains {substring!r}")
            planted.append(Planted(name, line, category, tuple(a.lower() for a in accepted)))
    return planted


def score_report(planted: list[Planted], findings: Iterable[Mapping[str, object]]) -> BeatScore:
    """``findings`` as ``factcheck check --format json`` writes them."""
    score = BeatScore()
    hit = [False] * len(planted)
    for finding in findings:
        if str(finding.get("severity", "")).lower() == "info":
            continue
        name = PurePath(str(finding.get("path", ""))).name
        category = str(finding.get("category"))
        found = str(finding.get("found") or "").lower()
        counts = score.categories.setdefault(category, CategoryCounts())
        counts.findings += 1
        matched = False
        for i, want in enumerate(planted):
            if (
                want.draft == name
                and want.line == finding.get("line")
                and want.category == category
                and found
                and any(a in found or found in a for a in want.accepted)
            ):
                hit[i] = True
                matched = True
        if matched:
            counts.matched += 1
        else:
            score.false_positive_codes[str(finding.get("code"))] += 1
            score.false_positives.append(
                f"{name}:{finding.get('line')} {category} {finding.get('code')} "
                f"{finding.get('found')!r}"
            )
    for want, was_hit in zip(planted, hit, strict=True):
        counts = score.categories.setdefault(want.category, CategoryCounts())
        counts.planted += 1
        counts.found += was_hit
        if not was_hit:
            score.misses.append(f"{want.draft}:{want.line} {want.category} {list(want.accepted)}")
    return score


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
