"""The SARIF log's structure, checked against the points GitHub code scanning needs.

The SARIF JSON schema is not available offline, so the required properties of
SARIF 2.1.0 (and GitHub's expectations) are checked one by one.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.model import Document, FileReport, Report, Severity
from factcheck.output.sarif import FINGERPRINT_KEY, artifact_uri, build_sarif, render_sarif
from tests.output_samples import DRAFT, DRAFT_PATH, finding_for, sample_report


def _run(report: Report) -> Any:
    log: Any = json.loads(render_sarif(report, tool_version="9.9"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    return log["runs"][0]


def test_driver_and_rules() -> None:
    run = _run(sample_report())
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", "9.9")
    assert "informationUri" not in driver  # optional, and it must be absolute
    first, second = driver["rules"]
    assert first["id"] == "FC101" and first["name"] == "misspelt-person-name"
    assert (
        first["shortDescription"]["text"] == "A person's name is spelt differently from the corpus."
    )
    assert first["fullDescription"]["text"] and first["help"]["text"]
    assert "factcheck rule FC101" in first["help"]["text"]
    assert first["defaultConfiguration"]["level"] == "error"
    assert second["defaultConfiguration"]["level"] == "warning"


def test_version_defaults_to_the_package_version() -> None:
    log: Any = build_sarif(sample_report())
    assert log["runs"][0]["tool"]["driver"]["version"] == factcheck.__version__


def test_result_location_and_level() -> None:
    run = _run(sample_report())
    result = run["results"][0]
    assert result["ruleId"] == "FC101"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "FC101"
    assert result["level"] == "error"
    assert result["message"]["text"] == "'Sergei Lavrow' is spelt 'Sergei Lavrov' in the corpus"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/visit.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 18,
        "endLine": 2,
        "endColumn": 31,
        "snippet": {"text": "Sergei Lavrow"},
    }
    assert run["results"][1]["level"] == "warning"


def test_info_is_a_note() -> None:
    finding = finding_for(DRAFT, "Tuesday", code="FC301", severity=Severity.INFO)
    run = _run(Report((FileReport(DRAFT_PATH, (finding,), None),)))
    assert run["results"][0]["level"] == "note"


def test_evidence_becomes_related_locations() -> None:
    result = _run(sample_report())["results"][0]
    assert result["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "corpus/a.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 4},
            },
            "message": {"text": "Foreign Minister Sergei Lavrov said on Monday."},
        }
    ]
    assert "relatedLocations" not in _run(sample_report())["results"][1]


def test_fix_replaces_the_region() -> None:
    run = _run(sample_report())
    (fix,) = run["results"][0]["fixes"]
    assert fix["description"]["text"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "drafts/visit.md"
    (replacement,) = change["replacements"]
    assert replacement["deletedRegion"]["startColumn"] == 18
    assert replacement["deletedRegion"]["endColumn"] == 31
    assert replacement["insertedContent"] == {"text": "Sergei Lavrov"}
    assert "fixes" not in run["results"][1]  # no fix: no "fixes"


def test_undeclared_code_gets_a_rule_so_rule_index_is_valid() -> None:
    report = dataclasses.replace(sample_report(), codes=())
    run = _run(report)
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_fingerprint_survives_lines_moving() -> None:
    before = "Intro.\nLavrow met them.\n"
    after = "A new first paragraph.\n\nIntro.\nLavrow met them.\n"

    def fingerprint(text: str) -> str:
        finding = finding_for(text, "Lavrow")
        document = Document("a.md", text, text, "md")
        (result,) = _run(Report((FileReport("a.md", (finding,), document),)))["results"]
        return str(result["partialFingerprints"][FINGERPRINT_KEY])

    assert fingerprint(before) == fingerprint(after)
    assert fingerprint(before) != fingerprint("Intro.\nLavrow met nobody.\n")


def test_same_words_on_identical_lines_get_distinct_fingerprints() -> None:
    text = "Lavrow met them.\nLavrow met them.\n"
    document = Document("a.md", text, text, "md")
    first = finding_for(text, "Lavrow")
    second = dataclasses.replace(first, line=2, end_line=2)
    run = _run(Report((FileReport("a.md", (first, second), document),)))
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]
    assert len(set(prints)) == 2


def test_column_kind_is_code_points() -> None:
    assert _run(sample_report())["columnKind"] == "unicodeCodePoints"


def test_artifact_uri_is_relative_posix_and_encoded() -> None:
    assert artifact_uri("./drafts/my draft.md") == "drafts/my%20draft.md"
    assert artifact_uri("drafts\\a.md") == "drafts/a.md"


def test_absolute_paths_become_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = finding_for(DRAFT, "Tuesday", path=str(tmp_path / "drafts" / "a.md"))
    outside = finding_for(DRAFT, "Tuesday", path="/elsewhere/b.md")
    run = _run(Report((FileReport("x", (inside, outside), None),)))
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locations[0] == {"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}
    assert locations[1] == {"uri": "file:///elsewhere/b.md"}
