from __future__ import annotations

import json

from factcheck.output.json_format import finding_to_dict
from factcheck.output.jsonl import render_jsonl
from tests.output_samples import empty_report, sample_report


def test_one_finding_per_line_without_summary() -> None:
    report = sample_report()
    lines = render_jsonl(report).splitlines()
    assert [json.loads(line) for line in lines] == [finding_to_dict(f) for f in report.findings]


def test_no_findings_no_output() -> None:
    assert render_jsonl(empty_report()) == ""
