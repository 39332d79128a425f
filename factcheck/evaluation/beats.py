"""The beats suite: real news corpora with drafts that carry planted errors.

Each beat is a folder with ``corpus/`` (the trusted articles), drafts
(``*.md``) and ``expected.json``. The drafts are checked as ``factcheck check
<beat>/*.md --corpus <beat>/corpus --format json`` would check them, through
the engine and the JSON formatter rather than a subprocess, with the pipeline
shared by every beat, and scored by :mod:`~factcheck.evaluation.beat_scoring`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError
from factcheck.evaluation.beat_scoring import BeatScore, read_planted, score_report
from factcheck.evaluation.checking import Checker
from factcheck.output.json_format import render_json

EXPECTED = "expected.json"
CORPUS = "corpus"


@dataclass(frozen=True)
class Beat:
    name: str
    folder: Path

    @property
    def drafts(self) -> list[Path]:
        return sorted(self.folder.glob("*.md"))

    @property
    def corpus(self) -> list[Path]:
        return sorted(p for p in (self.folder / CORPUS).iterdir() if p.is_file())


def find_beats(folder: Path) -> list[Beat]:
    """Every sub-folder with an ``expected.json``, a corpus and drafts; an error when none is."""
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of beats")
    beats = []
    for sub in sorted(p for p in folder.iterdir() if (p / EXPECTED).is_file()):
        beat = Beat(sub.name, sub)
        if not (sub / CORPUS).is_dir():
            raise InputError(str(sub), f"a beat without its {CORPUS}/ folder")
        if not beat.drafts:
            raise InputError(str(sub), "a beat without drafts (*.md)")
        beats.append(beat)
    if not beats:
        raise InputError(str(folder), f"no beat in it (a folder with {EXPECTED})")
    return beats


@dataclass
class BeatsResult:
    beats: dict[str, BeatScore] = field(default_factory=dict)
    drafts: int = 0

    def total(self) -> BeatScore:
        total = BeatScore()
        for score in self.beats.values():
            total.add(score)
        return total

    def report(self) -> str:
        rows = [*self.beats.items(), ("all", self.total())]
        categories = list(self.total().categories)
        lines = [
            f"Beats: {len(self.beats)} beats, {self.drafts} drafts; found/planted per category",
            f"  {'beat':<15} {'recall':>6} {'prec.':>6} {'FPs':>4}  "
            + " ".join(f"{c:>7}" for c in categories),
        ]
        for name, score in rows:
            cells = []
            for category in categories:
                counts = score.categories.get(category)
                cells.append(f"{counts.found}/{counts.planted}" if counts else "-")
            lines.append(
                f"  {name:<15} {score.recall:>6.2f} {score.precision:>6.2f} "
                f"{len(score.false_positives):>4}  " + " ".join(f"{c:>7}" for c in cells)
            )
        total = self.total()
        lines.append("  precision per category (matched/counted findings):")
        for category, counts in total.categories.items():
            shown = "n/a" if counts.precision is None else f"{counts.precision:.2f}"
            lines.append(f"    {category:<7} {shown} ({counts.matched}/{counts.findings})")
        codes = ", ".join(f"{code} {n}" for code, n in total.false_positive_codes.most_common())
        lines.append(f"  false positives by code: {codes or 'none'}")
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, object]:
        return {
            "drafts": self.drafts,
            "all": self.total().as_json(),
            "beats": {name: score.as_json() for name, score in self.beats.items()},
        }


def run_beats(checker: Checker, beats: list[Beat]) -> BeatsResult:
    result = BeatsResult()
    for beat in beats:
        drafts = beat.drafts
        texts = {p.name: p.read_text(encoding="utf-8") for p in drafts}
        planted = read_planted(beat.folder / EXPECTED, texts)
        result.beats[beat.name] = score_report(planted, report_findings(checker, beat))
        result.drafts += len(drafts)
    return result


def report_findings(checker: Checker, beat: Beat) -> list[dict[str, object]]:
    """The findings of ``factcheck check <drafts> --corpus <corpus> --format json``."""
    engine = checker.engine([str(p) for p in beat.corpus])
    report = engine.check_paths([str(p) for p in beat.drafts])
    findings: list[dict[str, object]] = json.loads(render_json(report))["findings"]
    return findings
