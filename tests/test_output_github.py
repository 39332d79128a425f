from __future__ import annotations

import dataclasses

from factcheck.model import Document, FileReport, Report, Severity
from factcheck.output.github import escape_data, escape_property, render_github
from tests.output_samples import DRAFT, DRAFT_PATH, finding_for, sample_report


def test_one_command_per_finding() -> None:
    lines = render_github(sample_report()).splitlines()
    assert lines == [
        "::error file=drafts/visit.md,line=2,col=18,endLine=2,endColumn=31,title=FC101::"
        "'Sergei Lavrow' is spelt 'Sergei Lavrov' in the corpus",
        "::warning file=drafts/visit.md,line=3,col=12,endLine=3,endColumn=15,title=FC401::"
        "the corpus counts this as the 10th meeting",
    ]


def test_info_is_a_notice() -> None:
    finding = finding_for(DRAFT, "Tuesday", code="FC301", severity=Severity.INFO)
    report = Report((FileReport(DRAFT_PATH, (finding,), None),))
    assert render_github(report).startswith("::notice ")


def test_escaping() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_message_and_path_are_escaped_in_place() -> None:
    finding = finding_for(DRAFT, "Tuesday", message="50% wrong\nsee corpus", path="d:1,x.md")
    text = DRAFT
    report = Report((FileReport("d:1,x.md", (finding,), Document("d", text, text, "md")),))
    line = render_github(report)
    assert line.startswith("::error file=d%3A1%2Cx.md,")
    assert line.endswith("::50%25 wrong%0Asee corpus\n")
    assert line.count("\n") == 1


def test_empty_path_falls_back_to_the_file() -> None:
    finding = dataclasses.replace(finding_for(DRAFT, "Tuesday"), path="")
    report = Report((FileReport("other.md", (finding,), None),))
    assert "file=other.md," in render_github(report)


def test_terminal_escapes_in_a_message_are_shown_escaped() -> None:
    draft = "Sergei Lavrow met them.\n"
    finding = finding_for(draft, "Sergei Lavrow", message="a\x1b]0;owned\x07\u202e\r::error::x")
    document = Document(DRAFT_PATH, draft, prose=draft, kind="md")
    out = render_github(Report(files=(FileReport(DRAFT_PATH, (finding,), document),)))
    assert out.endswith("::a\\x1b]0;owned\\x07\\u202e%0D::error::x\n")
