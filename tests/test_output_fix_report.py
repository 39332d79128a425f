from __future__ import annotations

import json

from factcheck.fixes import fix_text
from factcheck.model import Document, FileReport
from factcheck.output.fix_report import FixedFile, FixReport, render_fixes
from tests.output_samples import (
    COUNT_CODE,
    DRAFT,
    DRAFT_PATH,
    NAME_CODE,
    count_finding,
    name_finding,
)


def _fixed() -> FixReport:
    result = fix_text(DRAFT, [name_finding(), count_finding()])
    document = Document(DRAFT_PATH, result.text, prose=result.text, kind="md")
    file = FixedFile(result.applied, FileReport(DRAFT_PATH, result.remaining, document))
    refused = FixedFile((), FileReport("other.md", (name_finding(),)), "a read-only file")
    return FixReport((file, refused), (NAME_CODE, COUNT_CODE))


def test_text_lists_each_fix_then_what_is_left() -> None:
    lines = render_fixes(_fixed(), "text").splitlines()
    assert lines[0] == "drafts/visit.md:2:18: FC101 fixed: Sergei Lavrow -> Sergei Lavrov"
    assert lines[2].startswith("drafts/visit.md:3:12: FC401 [warning]")
    assert lines[-1] == (
        "1 finding fixed; 2 findings (1 error, 1 warning, 0 infos) in 2 files; 1 file not fixed"
    )


def test_json_marks_each_finding_and_names_the_files_not_fixed() -> None:
    data = json.loads(render_fixes(_fixed(), "json"))
    marks = [(f["path"], f["code"], f["fix_applied"]) for f in data["findings"]]
    assert marks == [
        (DRAFT_PATH, "FC101", True),
        (DRAFT_PATH, "FC401", False),
        (DRAFT_PATH, "FC101", False),  # other.md's finding keeps the path it was made with
    ]
    assert data["not_fixed"] == [{"path": "other.md", "problem": "a read-only file"}]
    assert data["summary"]["fixed"] == 1 and data["summary"]["findings"] == 2


def test_sarif_and_github_show_only_what_is_left() -> None:
    commands = render_fixes(_fixed(), "github").splitlines()
    assert [c.split(" ")[0] for c in commands] == ["::warning", "::error"]
    sarif = json.loads(render_fixes(_fixed(), "sarif"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["FC401", "FC101"]


def test_the_summary_reads_as_one_sentence_when_nothing_is_left() -> None:
    result = fix_text(DRAFT, [name_finding()])
    document = Document(DRAFT_PATH, result.text, prose=result.text, kind="md")
    file = FixedFile(result.applied, FileReport(DRAFT_PATH, result.remaining, document))
    out = render_fixes(FixReport((file,)), "text")
    assert out.splitlines()[-1] == "1 finding fixed; no findings in 1 file"
