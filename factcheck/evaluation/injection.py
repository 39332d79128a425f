"""Error injection: corpus sentences changed in one place, checked as drafts.

Each case is checked twice: against the whole corpus (the source document
included) and with its source document held out. Only what a change adds is
scored: findings that the unchanged sentence already gets are subtracted, and
the corpus's own listed disagreements are excused on the original sentences.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.engine import Engine
from factcheck.evaluation.cases import Case, CaseBuilder
from factcheck.evaluation.checking import Checker, CorpusText
from factcheck.evaluation.expected import ExpectedDisagreement
from factcheck.evaluation.scoring import CategoryScores
from factcheck.evaluation.support import Support
from factcheck.model import Finding

IN_CORPUS = "source in corpus"
HELD_OUT = "source held out"
# Held-out cases whose fact no other document states: recall shown apart.
NOT_STATED = "source held out, fact stated nowhere else"


@dataclass(frozen=True)
class Outcome:
    case: Case
    mode: str
    flags: tuple[Finding, ...]  # what the change added: new errors and warnings

    @property
    def scored_as(self) -> str:
        """The table the outcome counts in: unstated held-out facts apart."""
        case = self.case
        if self.mode == HELD_OUT and not case.is_control and not case.stated_elsewhere:
            return NOT_STATED
        return self.mode

    @property
    def flagged_categories(self) -> set[str]:
        return {f.category.value for f in self.flags}

    @property
    def detected(self) -> bool:
        return self.case.category in self.flagged_categories

    def as_json(self) -> dict[str, object]:
        return {
            "mode": self.scored_as,
            "document": self.case.document,
            "kind": self.case.kind,
            "category": self.case.category,
            "stated_elsewhere": self.case.stated_elsewhere,
            "before": self.case.before,
            "after": self.case.after,
            "text": self.case.text,
            "flags": [f"{f.code} {f.found!r}: {f.message}" for f in self.flags],
        }


@dataclass
class InjectionResult:
    scores: dict[str, CategoryScores] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.is_control and not o.detected]

    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.flagged_categories - {o.case.category}]

    def report(self, examples: int = 4) -> str:
        cases = Counter(o.case.kind for o in self.outcomes if o.mode == IN_CORPUS)
        parts = [
            f"injection: {sum(cases.values())} cases per mode "
            f"({', '.join(f'{k} {n}' for k, n in sorted(cases.items()))})\n"
        ]
        parts.extend(scores.table(f"injection, {mode}") for mode, scores in self.scores.items())
        for title, outcomes in (("MISSED", self.misses()), ("FALSE POSITIVE", self.false_alarms())):
            by_kind: dict[tuple[str, str], list[Outcome]] = {}
            for outcome in outcomes:
                by_kind.setdefault((outcome.scored_as, outcome.case.kind), []).append(outcome)
            for (mode, kind), group in sorted(by_kind.items()):
                parts.append(f"  {title} {kind} ({mode}): {len(group)}\n")
                for outcome in group[:examples]:
                    parts.append(_example(outcome))
        parts.append(f"  ({self.seconds:.1f} s)\n")
        return "".join(parts)

    def as_json(self) -> dict[str, object]:
        return {
            "scores": {mode: s.as_json() for mode, s in self.scores.items()},
            "misses": [o.as_json() for o in self.misses()],
            "false_positives": [o.as_json() for o in self.false_alarms()],
            "cases": len(self.outcomes),
            "seconds": round(self.seconds, 2),
        }


def build_cases(
    checker: Checker,
    corpus: Sequence[CorpusText],
    expected: Sequence[ExpectedDisagreement],
    seed: int,
) -> tuple[list[Case], Engine, dict[str, Engine]]:
    """Every case of every document, with the engines to check them."""
    whole = checker.engine({d.name: d.text for d in corpus})
    held_out = {
        d.name: checker.engine({o.name: o.text for o in corpus if o.name != d.name}) for d in corpus
    }
    cases: list[Case] = []
    for document in corpus:
        others = held_out[document.name].facts if len(corpus) > 1 else None
        # String seeds hash the same in every run (unlike hash()), one stream per document.
        rng = random.Random(f"{seed}:{document.name}")
        builder = CaseBuilder(whole.facts, document.name, Support(others), rng)
        cases.extend(builder.build(_disputed_sentences(whole, document.name, expected)))
    return cases, whole, held_out


def run_injection(
    checker: Checker,
    corpus: Sequence[CorpusText],
    expected: Sequence[ExpectedDisagreement],
    *,
    seed: int = 0,
) -> InjectionResult:
    started = time.perf_counter()
    cases, whole, held_out = build_cases(checker, corpus, expected, seed)
    dates = {d.name: d.published for d in corpus}
    result = InjectionResult()
    for mode in (IN_CORPUS, HELD_OUT):
        # The unchanged sentence's findings, checked once per sentence and mode.
        baseline: dict[tuple[str, int], list[Finding]] = {}
        for case in cases:
            engine = whole if mode == IN_CORPUS else held_out[case.document]
            key = (case.document, case.sentence)
            if key not in baseline:
                baseline[key] = checker.check(
                    engine, case.document, case.original, dates[case.document]
                )
            if case.kind == "original":
                flags = [
                    f for f in baseline[key]
                    if not any(e.matches_anywhere(case.document, f) for e in expected)
                ]  # fmt: skip
            else:
                before = {(f.code, f.found) for f in baseline[key]}
                findings = checker.check(engine, case.document, case.text, dates[case.document])
                flags = [f for f in findings if (f.code, f.found) not in before]
            outcome = Outcome(case, mode, tuple(flags))
            result.outcomes.append(outcome)
            _score(result, outcome)
    result.seconds = time.perf_counter() - started
    return result


def _score(result: InjectionResult, outcome: Outcome) -> None:
    mode = outcome.scored_as
    for name in (IN_CORPUS, HELD_OUT, NOT_STATED):
        result.scores.setdefault(name, CategoryScores())
    scores = result.scores[mode]
    expected = outcome.case.category
    if expected is not None:
        tally = scores.tally(expected)
        if outcome.detected:
            tally.true_positives += 1
        else:
            tally.false_negatives += 1
    for category in outcome.flagged_categories - {expected}:
        scores.tally(category).false_positives += 1


def _disputed_sentences(
    engine: Engine, document: str, expected: Sequence[ExpectedDisagreement]
) -> set[int]:
    """Sentences that hold a listed disagreement: changing them muddles what is scored."""
    analysis = engine.facts.analyses[document]
    text = engine.facts.documents[document].text
    disputed = [e.found for e in expected if e.document == document]
    return {
        index
        for index, bounds in enumerate(analysis.sentences)
        if any(found in text[bounds.span.start : bounds.span.end] for found in disputed)
    }


def _example(outcome: Outcome) -> str:
    case = outcome.case
    flags = "; ".join(f"{f.code} {f.found!r}" for f in outcome.flags) or "nothing flagged"
    sentence = " ".join(case.text.split())
    if len(sentence) > 220:
        sentence = sentence[:217] + "..."
    change = f"{case.before!r} -> {case.after!r}" if case.before else "unchanged"
    return f"    {case.document}: {change}\n      {sentence}\n      => {flags}\n"
