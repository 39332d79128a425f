"""The ratchet's comparison and file: drops, rises, and what is kept on update."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation.ratchet import Figures, compare, read_ratchet, write_ratchet

STORED: Figures = {
    "beats": {
        "name": {"recall": 0.8, "precision": 0.9},
        "count": {"recall": 0.0, "precision": None},
    },
    "summedits": {"all": {"balanced_accuracy": 0.5, "recall": 0.1, "precision": 1.0}},
}


def test_a_drop_beyond_float_noise_is_a_drop() -> None:
    measured: Figures = {
        "beats": {
            "name": {"recall": 0.75, "precision": 0.9 - 1e-9},
            "count": {"recall": 0.0, "precision": None},
        }
    }
    outcome = compare(STORED, measured)
    assert outcome.drops == ["beats name recall: 0.8000 -> 0.7500"]
    assert outcome.rises == []


def test_rises_and_a_first_precision_are_rises() -> None:
    measured: Figures = {
        "beats": {
            "name": {"recall": 0.8, "precision": 0.9},
            "count": {"recall": 0.25, "precision": 0.5},
        }
    }
    outcome = compare(STORED, measured)
    assert len(outcome.rises) == 2 and outcome.drops == []


def test_a_figure_the_run_no_longer_gives_is_a_drop() -> None:
    measured: Figures = {"beats": {"name": {"recall": 0.8, "precision": 0.9}}}
    outcome = compare(STORED, measured)
    assert outcome.drops == [
        "beats count recall: 0.0000 -> not measured",
        "beats count precision: n/a -> not measured",
    ]


def test_a_precision_with_nothing_flagged_is_not_a_drop() -> None:
    measured: Figures = {
        "summedits": {"all": {"balanced_accuracy": 0.5, "recall": 0.1, "precision": None}}
    }
    assert compare(STORED, measured).drops == []


def test_update_keeps_the_suites_not_run(tmp_path: Path) -> None:
    path = tmp_path / "quality.json"
    path.write_text(json.dumps(STORED), encoding="utf-8")
    write_ratchet(path, {"beats": {"overall": {"recall": 0.3, "precision": 0.6}}})
    stored = read_ratchet(path)
    assert stored["summedits"] == STORED["summedits"]
    assert stored["beats"] == {"overall": {"recall": 0.3, "precision": 0.6}}


def test_a_broken_ratchet_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "quality.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"quality\.json"):
        read_ratchet(path)
