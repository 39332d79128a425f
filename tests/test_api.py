"""The Python API: check_text and Checker."""

from __future__ import annotations

import datetime as dt

import factcheck
from factcheck.model import Report
from tests.conftest import SEED_FILES, SEEDS


def test_check_text_with_a_mapping_corpus() -> None:
    corpus = {p.name: p.read_text() for p in SEED_FILES}
    report = factcheck.check_text(
        "Yacheslav Volodin met Zhao Leji on Tuesday.",
        corpus=corpus,
        date=dt.date(2025, 8, 26),
        config={"cache": False},
    )
    assert isinstance(report, Report)
    by_code = {f.code: f for f in report.findings}
    assert by_code["FC101"].found == "Yacheslav Volodin"
    assert by_code["FC101"].fix == "Vyacheslav Volodin"
    assert (by_code["FC101"].line, by_code["FC101"].column) == (1, 1)
    assert by_code["FC101"].evidence[0].source in corpus
    assert by_code["FC302"].found == "Tuesday"


def test_a_checker_reads_the_corpus_once_for_many_drafts() -> None:
    checker = factcheck.Checker([SEEDS], config={"cache": False})
    first = checker.check_text("Zhao Leiji spoke.", path="a.md")
    facts = checker.engine.facts
    second = checker.check_text("Vyacheslav Volodin spoke.", path="b.md")
    assert checker.engine.facts is facts
    assert [f.code for f in first.findings] == ["FC101"]
    assert first.findings[0].path == "a.md"
    assert second.findings == ()
