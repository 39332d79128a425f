"""The quality ratchet: the beats and SummEdits figures never drop below benchmarks/quality.json.

Runs the suites on the external data beside the clone (skips without it) with
the statistical model, which the stored figures were measured with. A figure
that rose is reported as a warning: rerun ``factcheck eval --suite beats
--update-ratchet`` (and ``--suite summedits``) and commit the file, so that
the gain is kept.
"""

from __future__ import annotations

import io
import warnings

import pytest

from factcheck.config import load_config
from factcheck.evaluation.beats import find_beats, run_beats
from factcheck.evaluation.checking import Checker
from factcheck.evaluation.ratchet import RATCHET_FILE, compare, figures, read_ratchet
from factcheck.evaluation.summedits import read_summedits, run_summedits
from factcheck.nlp.pipeline import LoadedPipeline
from tests.external_data import REPO, external


@pytest.fixture(scope="module")
def checker(statistical_pipeline: LoadedPipeline) -> Checker:
    return Checker(load_config(start=REPO), pipeline=statistical_pipeline)


def test_beats_and_summedits_figures_do_not_drop(checker: Checker) -> None:
    beats = find_beats(external("beats"))
    items = read_summedits(external("summedits-news-evaluation.jsonl"))
    beats_result = run_beats(checker, beats)
    summedits_result = run_summedits(checker, items)
    measured = figures({"beats": beats_result.as_json(), "summedits": summedits_result.as_json()})
    shown = io.StringIO()
    shown.write(beats_result.report())
    shown.write(summedits_result.report())
    print(shown.getvalue())
    outcome = compare(read_ratchet(REPO / RATCHET_FILE), measured)
    assert not outcome.drops, (
        "quality figures dropped below benchmarks/quality.json:\n  "
        + "\n  ".join(outcome.drops)
        + "\n(if the trade is deliberate, rerun factcheck eval --suite beats|summedits "
        "--update-ratchet and say why in the commit)\n" + shown.getvalue()
    )
    if outcome.rises:
        warnings.warn(
            "quality figures rose: update benchmarks/quality.json with factcheck eval "
            "--suite beats --update-ratchet and --suite summedits --update-ratchet:\n  "
            + "\n  ".join(outcome.rises),
            stacklevel=1,
        )


def test_the_ratchet_holds_only_numbers() -> None:
    stored = read_ratchet(REPO / RATCHET_FILE)
    assert set(stored) == {"beats", "summedits"}
    for rows in stored.values():
        for values in rows.values():
            assert all(v is None or isinstance(v, float | int) for v in values.values())
