"""Beat scoring: the same figures as the data's own score.py, on the same report."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.beat_scoring import BeatScore, read_planted, score_report
from tests.external_data import external

# Invented drafts and findings (no data text): every rule of score.py is exercised.
DRAFT_A = "---\ndate: 2005-01-02\n---\nAnna Smyth met the board.\nIt cost $40bn on Friday.\n"
DRAFT_B = "---\ndate: 2005-01-03\n---\nA clean line.\nThe chief executive spoke.\n"
EXPECTED = {
    "a01.md": [
        ["Anna Smyth", "name", ["Smyth"]],
        ["$40bn", "count", ["$40bn", "40bn"]],
        ["on Friday", "date", ["Friday"]],
    ],
    "b01.md": [["chief executive", "title", ["chief executive"]]],
}
FINDINGS: list[dict[str, object]] = [
    {"path": "beat/a01.md", "line": 4, "category": "name", "code": "FC101", "found": "SMYTH",
     "severity": "error"},  # case-insensitive, basename of the path
    {"path": "a01.md", "line": 4, "category": "name", "code": "FC102", "found": "Anna Smyth",
     "severity": "warning"},  # the accepted text inside the found: a second match
    {"path": "a01.md", "line": 5, "category": "count", "code": "FC401", "found": "40",
     "severity": "error"},  # found inside an accepted text: one finding, two entries
    {"path": "a01.md", "line": 5, "category": "date", "code": "FC301", "found": "40",
     "severity": "error"},
    {"path": "a01.md", "line": 5, "category": "quote", "code": "FC503", "found": "",
     "severity": "error"},  # empty found: never a match
    {"path": "b01.md", "line": 5, "category": "title", "code": "FC203", "found": "executive",
     "severity": "info"},  # info: not counted
    {"path": "b01.md", "line": 4, "category": "title", "code": "FC203", "found": "chief",
     "severity": "warning"},  # wrong line
]  # fmt: skip


def _beat(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a01.md").write_text(DRAFT_A, encoding="utf-8")
    (tmp_path / "b01.md").write_text(DRAFT_B, encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    return tmp_path


def _ours(beat: Path, findings: list[dict[str, object]]) -> BeatScore:
    drafts = {p.name: p.read_text(encoding="utf-8") for p in beat.glob("*.md")}
    return score_report(read_planted(beat / "expected.json", drafts), findings)


def test_the_rules_of_score_py(tmp_path: Path) -> None:
    score = _ours(_beat(tmp_path), FINDINGS)
    assert {c: (n.found, n.planted) for c, n in score.categories.items() if n.planted} == {
        "name": (1, 1),
        "count": (1, 1),
        "date": (0, 1),
        "title": (0, 1),
    }
    assert score.recall == 0.5
    # 6 counted (the info one is not), 3 of them matched.
    assert score.precision == 0.5
    assert score.categories["name"].matched == 2 and score.categories["name"].precision == 1.0
    assert dict(score.false_positive_codes) == {"FC301": 1, "FC503": 1, "FC203": 1}
    assert len(score.misses) == 2


def test_nothing_counted_is_precision_zero_as_in_score_py(tmp_path: Path) -> None:
    score = _ours(_beat(tmp_path), [])
    assert score.precision == 0.0 and score.recall == 0.0


def test_an_expected_entry_without_its_line_names_the_file(tmp_path: Path) -> None:
    beat = _beat(tmp_path)
    (beat / "b01.md").write_text("---\n---\nOther text.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"expected\.json.*chief executive"):
        _ours(beat, [])
    (beat / "b01.md").unlink()
    with pytest.raises(InputError, match=r"b01\.md"):
        _ours(beat, [])


def _score_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("beats_score", external("beats", "score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _theirs(beat: Path, findings: list[dict[str, object]], tmp_path: Path) -> dict[str, object]:
    """score.py's own figures, read off what it prints."""
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        _score_py().main(str(report), str(beat), 0.9, 0.9, "beat")
    text = printed.getvalue()
    last = re.search(r"recall=(\S+) precision=(\S+) \((.*); (\d+) false positives\)", text)
    assert last is not None, text
    return {
        "recall": last.group(1),
        "precision": last.group(2),
        "categories": last.group(3),
        "false_positives": int(last.group(4)),
        "missed": text.count("  missed "),
    }


def _as_printed(score: BeatScore) -> dict[str, object]:
    cats = ", ".join(
        f"{c} {n.found}/{n.planted}" for c, n in sorted(score.categories.items()) if n.planted
    )
    return {
        "recall": f"{score.recall:.2f}",
        "precision": f"{score.precision:.2f}",
        "categories": cats,
        "false_positives": sum(score.false_positive_codes.values()),
        "missed": len(score.misses),
    }


def test_same_figures_as_score_py_on_invented_findings(tmp_path: Path) -> None:
    beat = _beat(tmp_path / "beat")
    assert _as_printed(_ours(beat, FINDINGS)) == _theirs(beat, FINDINGS, tmp_path)


def test_same_figures_as_score_py_on_a_real_report(tmp_path: Path) -> None:
    """A beat's real report, through the engine as the beats suite makes it."""
    from factcheck.config import load_config
    from factcheck.evaluation.beats import EXPECTED as EXPECTED_FILE
    from factcheck.evaluation.beats import find_beats, report_findings
    from factcheck.evaluation.checking import Checker

    beats = find_beats(external("beats"))
    checker = Checker(load_config(start=Path(__file__).resolve().parents[1]))
    for beat in beats[:2]:
        findings = report_findings(checker, beat)
        drafts = {p.name: p.read_text(encoding="utf-8") for p in beat.drafts}
        ours = score_report(read_planted(beat.folder / EXPECTED_FILE, drafts), findings)
        assert _as_printed(ours) == _theirs(beat.folder, findings, tmp_path), beat.name
