"""The quality ratchet: the figures on the external data may rise, never drop.

``benchmarks/quality.json`` holds the last accepted figures (numbers only):
the beats suite's recall and precision per category and overall, and
SummEdits' balanced accuracy, recall and precision per slice, for the engine.
``factcheck eval --update-ratchet`` rewrites it from a run;
``tests/test_quality_ratchet.py`` fails when a figure drops.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

RATCHET_FILE = Path("benchmarks/quality.json")
# Float noise only: the figures are ratios of small counts, rounded to 4 places.
TOLERANCE = 1e-6
RATCHETED_SUITES = ("beats", "summedits")

Figures = dict[str, dict[str, dict[str, float | None]]]


def figures(results: Mapping[str, Any]) -> Figures:
    """The ratcheted figures of the suites in ``results`` (the ``--output`` JSON)."""
    out: Figures = {}
    if "beats" in results:
        rows = results["beats"]["all"]["categories"]
        out["beats"] = {
            category: {"recall": row["recall"], "precision": row["precision"]}
            for category, row in rows.items()
        }
    if "summedits" in results:
        scores = results["summedits"]["scores"]
        out["summedits"] = {
            name: {
                key: systems["factcheck"][key]
                for key in ("balanced_accuracy", "recall", "precision")
            }
            for name, systems in scores.items()
        }
    return out


@dataclass(frozen=True)
class Comparison:
    drops: list[str]
    rises: list[str]


def compare(stored: Figures, measured: Figures) -> Comparison:
    """Every stored figure of the measured suites against its measured value."""
    drops: list[str] = []
    rises: list[str] = []
    for suite, rows in stored.items():
        if suite not in measured:
            continue
        for row, values in rows.items():
            for key, before in values.items():
                if key not in measured[suite].get(row, {}):
                    # A figure the run no longer gives (a category renamed or
                    # dropped) must not pass as "nothing to measure".
                    drops.append(f"{suite} {row} {key}: {_shown(before)} -> not measured")
                    continue
                now = measured[suite][row][key]
                where = f"{suite} {row} {key}: {_shown(before)} -> {_shown(now)}"
                if now is None:
                    # Nothing to measure (a precision with no findings left in the
                    # category): no false positive there, so not a drop.
                    continue
                if before is None or now > before + TOLERANCE:
                    rises.append(where)
                elif now < before - TOLERANCE:
                    drops.append(where)
    return Comparison(drops, rises)


def read_ratchet(path: Path) -> Figures:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), f"cannot read the quality ratchet: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"the quality ratchet is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "the quality ratchet is not an object of suites")
    return {suite: rows for suite, rows in data.items() if suite in RATCHETED_SUITES}


def write_ratchet(path: Path, measured: Figures) -> None:
    """The measured suites replace their entries; the others are kept."""
    stored = read_ratchet(path) if path.exists() else {}
    stored.update(measured)
    path.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"
