"""``--statistics``: counts per code, most frequent first, as ruff prints them."""

from __future__ import annotations

import dataclasses

from factcheck.model import FileReport, Report
from factcheck.output.statistics import code_counts, render_statistics
from tests.output_samples import count_finding, empty_report, name_finding, sample_report


def _report(names: int, counts: int) -> Report:
    findings = (name_finding(),) * names + (count_finding(),) * counts
    return dataclasses.replace(sample_report(), files=(FileReport("d.md", findings),))


def test_sorted_by_count_with_the_code_s_name() -> None:
    assert render_statistics(_report(names=2, counts=11)).splitlines() == [
        "11 FC401 wrong-ordinal",
        " 2 FC101 misspelt-person-name",
    ]


def test_ties_are_in_code_order() -> None:
    assert code_counts(_report(names=3, counts=3)) == [("FC101", 3), ("FC401", 3)]


def test_a_code_the_registry_does_not_know_is_printed_without_a_name() -> None:
    report = dataclasses.replace(_report(names=1, counts=0), codes=())
    assert render_statistics(report) == "1 FC101\n"


def test_no_findings_no_lines() -> None:
    assert render_statistics(empty_report()) == ""
