"""``--format concise``: one line a finding, nothing else, control characters escaped."""

from __future__ import annotations

import dataclasses

from factcheck.model import Document, FileReport, Report
from factcheck.output import render
from factcheck.output.concise import render_concise
from tests.output_samples import DRAFT, DRAFT_PATH, empty_report, finding_for, sample_report


def test_one_line_a_finding_in_flake8_shape() -> None:
    assert render_concise(sample_report()).splitlines() == [
        "drafts/visit.md:2:18: FC101 'Sergei Lavrow' is spelt 'Sergei Lavrov' in the corpus",
        "drafts/visit.md:3:12: FC401 the corpus counts this as the 10th meeting",
    ]


def test_no_findings_is_no_output_at_all() -> None:
    assert render(empty_report(), "concise") == ""


def test_a_draft_cannot_forge_a_line_or_drive_the_terminal() -> None:
    text = DRAFT.replace("Lavrow", "Lavrow\x1b]0;owned\x07")
    finding = finding_for(text, "Sergei Lavrow\x1b]0;owned\x07", message="bad\rFC999 forged\n")
    report = Report(files=(FileReport("a\nb.md", (dataclasses.replace(finding, path=""),),
                                      Document(DRAFT_PATH, text, prose=text, kind="md")),))  # fmt: skip
    out = render(report, "concise")
    assert out == "a\\nb.md:2:18: FC101 bad\\rFC999 forged\\n\n"
    assert "\x1b" not in out and "\r" not in out


def test_suppressed_findings_are_marked() -> None:
    (file,) = sample_report().files
    first = dataclasses.replace(file.findings[0], suppressed=True)
    report = Report(files=(dataclasses.replace(file, findings=(first,)),))
    assert "FC101 (suppressed) " in render_concise(report)
