"""SummEdits' news evaluation split: one article as the corpus, one summary as the draft.

A summary is flagged when the engine reports any error or warning; the
positive class is "inconsistent" (``label`` 0). Scored over all summaries and
over the slice a names, titles, dates and counts checker should catch:
consistent summaries, and inconsistent ones edited by ``entity_modification``
alone. The naive entity-overlap baseline is scored beside it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError
from factcheck.evaluation.baseline import BASELINE, unsupported_entity
from factcheck.evaluation.checking import Checker
from factcheck.evaluation.scoring import BinaryScores, binary_table

ENGINE = "factcheck"
ENTITY_EDIT = "entity_modification"
SLICES = ("all", "entity")
CONSISTENT = 1


@dataclass(frozen=True)
class SummEditsItem:
    item_id: str
    doc: str
    summary: str
    inconsistent: bool
    edit_types: tuple[str, ...]

    @property
    def in_entity_slice(self) -> bool:
        return not self.inconsistent or self.edit_types == (ENTITY_EDIT,)


@dataclass
class SummEditsResult:
    # slice -> system -> scores
    scores: dict[str, dict[str, BinaryScores]] = field(default_factory=dict)
    documents: int = 0
    summaries: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    missed_by_edit: Counter[str] = field(default_factory=Counter)

    def report(self) -> str:
        out = f"SummEdits news: {self.summaries} summaries of {self.documents} articles\n"
        for name in SLICES:
            title = "all summaries" if name == "all" else f"consistent or {ENTITY_EDIT} alone"
            out += binary_table(f"SummEdits, {title}", self.scores[name])
        codes = ", ".join(f"{code} {n}" for code, n in self.codes.most_common())
        missed = ", ".join(f"{kind} {n}" for kind, n in self.missed_by_edit.most_common())
        return out + f"  flags by code: {codes or 'none'}\n  missed by edit type: {missed}\n"

    def as_json(self) -> dict[str, object]:
        return {
            "scores": {
                name: {system: s.as_json() for system, s in rows.items()}
                for name, rows in self.scores.items()
            },
            "documents": self.documents,
            "summaries": self.summaries,
            "flags_by_code": dict(self.codes.most_common()),
            "missed_by_edit_type": dict(self.missed_by_edit.most_common()),
        }


def read_summedits(path: Path) -> list[SummEditsItem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read SummEdits data: {error.strerror}") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            items.append(
                SummEditsItem(
                    str(row["id"]),
                    str(row["doc"]),
                    str(row["summary"]),
                    row["label"] != CONSISTENT,
                    tuple(row.get("edit_types") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}", f"not a SummEdits row: {error}") from None
    return items


def run_summedits(checker: Checker, items: list[SummEditsItem]) -> SummEditsResult:
    by_doc: dict[str, list[SummEditsItem]] = {}
    for item in items:
        by_doc.setdefault(item.doc, []).append(item)
    result = SummEditsResult(documents=len(by_doc), summaries=len(items))
    flagged: dict[str, bool] = {}
    for doc, group in by_doc.items():
        # One engine per article; the pipeline is shared.
        engine = checker.engine({"article.txt": doc})
        for item in group:
            findings = checker.check(engine, "summary.txt", item.summary, None)
            flagged[item.item_id] = bool(findings)
            result.codes.update(f.code for f in findings)
            if item.inconsistent and not findings:
                result.missed_by_edit.update(item.edit_types or ("none given",))
    nlp = checker.pipeline.nlp
    baseline = {i.item_id: unsupported_entity(nlp, i.summary, i.doc) for i in items}
    for name in SLICES:
        chosen = [i for i in items if name == "all" or i.in_entity_slice]
        result.scores[name] = {
            ENGINE: BinaryScores.from_pairs((i.inconsistent, flagged[i.item_id]) for i in chosen),
            BASELINE: BinaryScores.from_pairs(
                (i.inconsistent, baseline[i.item_id]) for i in chosen
            ),
        }
    return result
