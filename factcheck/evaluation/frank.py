"""FRANK's CNN/DailyMail validation split: one article as the corpus, its summary as the draft.

A summary is flagged when the engine reports any error or warning. Scored over
FRANK's ``pos`` (an entity or circumstance error) against ``neg`` (no error),
next to a naive baseline: flag a summary when one of its named entities, dates
or numbers does not occur in the article.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError
from factcheck.evaluation.baseline import BASELINE, unsupported_entity
from factcheck.evaluation.checking import Checker
from factcheck.evaluation.detokenise import detokenise, truecase
from factcheck.evaluation.scoring import BinaryScores, binary_table

SCORED_LABELS = ("pos", "neg")
ENGINE = "factcheck"


@dataclass(frozen=True)
class FrankItem:
    article_id: str
    model: str
    article: str
    summary: str
    positive: bool


@dataclass
class FrankResult:
    scores: dict[str, BinaryScores] = field(default_factory=dict)
    articles: int = 0
    summaries: int = 0
    seconds_per_article: float = 0.0
    codes: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, object]] = field(default_factory=list)

    def report(self) -> str:
        head = (
            f"FRANK cnndm valid: {self.summaries} summaries (pos/neg) of {self.articles} articles, "
            f"{self.seconds_per_article:.2f} s per article\n"
        )
        codes = ", ".join(f"{code} {n}" for code, n in self.codes.most_common())
        return (
            head
            + binary_table("FRANK, pos against neg", self.scores)
            + (f"  flags by code: {codes or 'none'}\n")
        )

    def as_json(self) -> dict[str, object]:
        return {
            "scores": {name: s.as_json() for name, s in self.scores.items()},
            "articles": self.articles,
            "summaries": self.summaries,
            "seconds_per_article": round(self.seconds_per_article, 3),
            "flags_by_code": dict(self.codes),
            "flagged_examples": self.examples,
        }


def read_frank(path: Path, limit: int | None = None) -> list[FrankItem]:
    """The ``pos`` and ``neg`` rows, detokenised; the first ``limit`` of them."""
    items: list[FrankItem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read FRANK data: {error.strerror}") from None
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in SCORED_LABELS:
            continue
        article = detokenise(row["article"])
        summary = truecase(detokenise(row["summary"]), article)
        items.append(FrankItem(row["hash"], row["model"], article, summary, row["label"] == "pos"))
        if limit is not None and len(items) >= limit:
            break
    return items


def run_frank(checker: Checker, items: list[FrankItem], *, examples: int = 10) -> FrankResult:
    by_article: dict[str, list[FrankItem]] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    engine_pairs: list[tuple[bool, bool]] = []
    baseline_pairs: list[tuple[bool, bool]] = []
    result = FrankResult(articles=len(by_article), summaries=len(items))
    nlp = checker.pipeline.nlp
    started = time.perf_counter()
    for group in by_article.values():
        # One engine per article; the pipeline and the plugins' modules are shared.
        engine = checker.engine({"article.txt": group[0].article})
        for item in group:
            findings = checker.check(engine, "summary.txt", item.summary, None)
            engine_pairs.append((item.positive, bool(findings)))
            result.codes.update(f.code for f in findings)
            if findings and len(result.examples) < examples:
                result.examples.append({
                    "label": "pos" if item.positive else "neg",
                    "model": item.model,
                    "summary": item.summary,
                    "flags": [f"{f.code} {f.found!r}: {f.message}" for f in findings],
                })  # fmt: skip
    result.seconds_per_article = (time.perf_counter() - started) / max(1, len(by_article))
    for item in items:
        baseline_pairs.append((item.positive, unsupported_entity(nlp, item.summary, item.article)))
    result.scores = {
        ENGINE: BinaryScores.from_pairs(engine_pairs),
        BASELINE: BinaryScores.from_pairs(baseline_pairs),
    }
    return result
