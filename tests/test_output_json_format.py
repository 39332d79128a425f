from __future__ import annotations

import dataclasses
import json

from factcheck.output.json_format import finding_to_dict, render_json
from tests.output_samples import empty_report, sample_report

FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "category",
    "severity",
    "message",
    "found",
    "expected",
    "fix",
    "evidence",
}


def test_document_shape() -> None:
    out = render_json(sample_report())
    data = json.loads(out)
    assert data["version"] == 1
    assert data["summary"] == {"files": 1, "findings": 2, "errors": 1, "warnings": 1, "infos": 0}
    first, second = data["findings"]
    assert first.keys() >= FINDING_KEYS
    assert first["evidence"] == [
        {
            "source": "corpus/a.md",
            "line": 4,
            "quote": "Foreign Minister Sergei Lavrov said on Monday.",
            "support": 12,
        }
    ]
    assert (second["code"], second["category"], second["severity"]) == ("FC401", "count", "warning")
    assert second["fix"] is None and second["expected"] == "10th"


def test_pretty_printed_with_indent_two() -> None:
    out = render_json(sample_report())
    assert out.startswith('{\n  "version": 1,')
    assert out.endswith("}\n")


def test_finding_to_dict_location_and_plain_values() -> None:
    record = finding_to_dict(sample_report().findings[0])
    assert record["path"] == "drafts/visit.md"
    assert (record["line"], record["column"], record["end_line"], record["end_column"]) == (
        2,
        18,
        2,
        31,
    )
    assert record["category"] == "name" and record["severity"] == "error"
    json.dumps(record)  # plain data only: no enums or dataclasses left


def test_non_ascii_is_written_as_is() -> None:
    report = sample_report()
    finding = report.findings[0]
    changed = dataclasses.replace(finding, message="Лавров")
    file = dataclasses.replace(report.files[0], findings=(changed,))
    out = render_json(dataclasses.replace(report, files=(file,)))
    assert "Лавров" in out


def test_empty_report() -> None:
    data = json.loads(render_json(empty_report(3)))
    assert data["findings"] == [] and data["summary"]["files"] == 3
