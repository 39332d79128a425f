"""Leave-one-out: each corpus document checked as a draft against all the others.

A listed disagreement that is reported is a true positive, one that is not a
false negative; every other error or warning is a false positive, scored under
its own category.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.evaluation.checking import Checker, CorpusText
from factcheck.evaluation.expected import ExpectedDisagreement
from factcheck.evaluation.scoring import CategoryScores
from factcheck.model import Finding


@dataclass
class LeaveOneOutResult:
    scores: CategoryScores = field(default_factory=CategoryScores)
    found: list[ExpectedDisagreement] = field(default_factory=list)
    missed: list[ExpectedDisagreement] = field(default_factory=list)
    false_positives: list[tuple[str, Finding]] = field(default_factory=list)
    seconds: float = 0.0

    def report(self) -> str:
        lines = [self.scores.table("leave-one-out: each document against the rest")]
        for item in self.missed:
            lines.append(
                f"  MISSED {item.document}:{item.line} [{'/'.join(item.categories)}] "
                f"{item.found!r}: {item.why}"
            )
        for document, finding in self.false_positives:
            lines.append(
                f"  FALSE POSITIVE {document}:{finding.line} {finding.code} "
                f"{finding.found!r}: {finding.message}"
            )
        lines.append(f"  ({self.seconds:.1f} s)")
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, object]:
        return {
            "scores": self.scores.as_json(),
            "found": [e.as_json() for e in self.found],
            "missed": [e.as_json() for e in self.missed],
            "false_positives": [_finding_json(d, f) for d, f in self.false_positives],
            "seconds": round(self.seconds, 2),
        }


def run_leave_one_out(
    checker: Checker, corpus: Sequence[CorpusText], expected: Sequence[ExpectedDisagreement]
) -> LeaveOneOutResult:
    result = LeaveOneOutResult()
    started = time.perf_counter()
    for held_out in corpus:
        rest = {d.name: d.text for d in corpus if d.name != held_out.name}
        engine = checker.engine(rest)
        findings = checker.check(engine, held_out.name, held_out.text, held_out.published)
        _score_document(result, held_out.name, findings, expected)
    result.seconds = time.perf_counter() - started
    return result


def _score_document(
    result: LeaveOneOutResult,
    document: str,
    findings: list[Finding],
    expected: Sequence[ExpectedDisagreement],
) -> None:
    explained: set[int] = set()
    for item in (e for e in expected if e.document == document):
        matching = [i for i, f in enumerate(findings) if item.matches(document, f)]
        tally = result.scores.tally(item.category)
        if matching:
            tally.true_positives += 1
            result.found.append(item)
            explained.update(matching)
        else:
            tally.false_negatives += 1
            result.missed.append(item)
    for index, finding in enumerate(findings):
        if index not in explained:
            result.scores.tally(finding.category.value).false_positives += 1
            result.false_positives.append((document, finding))


def _finding_json(document: str, finding: Finding) -> dict[str, object]:
    return {
        "document": document,
        "line": finding.line,
        "code": finding.code,
        "found": finding.found,
        "message": finding.message,
    }
