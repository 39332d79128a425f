from __future__ import annotations

import re

from factcheck.model import Document, Evidence, FileReport, Report, Severity
from factcheck.output.text import render_text
from tests.output_samples import DRAFT, DRAFT_PATH, empty_report, finding_for, sample_report

FLAKE8_SHAPE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>FC\d{3}) ")


def test_first_line_has_the_flake8_shape_and_the_severity() -> None:
    out = render_text(sample_report()).splitlines()
    assert out[0] == (
        "drafts/visit.md:2:18: FC101 [error] 'Sergei Lavrow' is spelt 'Sergei Lavrov' in the corpus"
    )
    headers = [line for line in out if FLAKE8_SHAPE.match(line)]
    assert len(headers) == 2
    assert "FC401 [warning]" in headers[1]


def test_carets_sit_under_the_span() -> None:
    out = render_text(sample_report()).splitlines()
    source, marker = out[1], out[2]
    assert source.strip() == DRAFT.splitlines()[1]
    start = marker.index("^")
    assert source[start : start + marker.count("^")] == "Sergei Lavrow"


def test_fix_and_evidence_lines() -> None:
    out = render_text(sample_report())
    assert "  fix: Sergei Lavrov\n" in out
    assert (
        '  evidence: corpus/a.md:4: "Foreign Minister Sergei Lavrov said on Monday." '
        "(12 documents agree)\n"
    ) in out


def test_summary_counts_each_severity() -> None:
    out = render_text(sample_report()).splitlines()
    assert out[-1] == "2 findings (1 error, 1 warning, 0 infos) in 1 file"


def test_no_findings_summary() -> None:
    assert render_text(empty_report(2)) == "No findings in 2 files.\n"
    assert render_text(empty_report(2), show_summary=False) == ""


def test_no_colour_codes_unless_asked() -> None:
    assert "\x1b[" not in render_text(sample_report())
    coloured = render_text(sample_report(), color=True)
    assert "\x1b[1;31mFC101\x1b[0m" in coloured


def test_multi_line_span_marks_only_its_first_line() -> None:
    text = "Intro line\nThe Russian State\nDuma voted.\n"
    finding = finding_for(text, "State\nDuma", code="FC201", severity=Severity.INFO)
    report = Report((FileReport("a.txt", (finding,), Document("a.txt", text, text, "txt")),))
    out = render_text(report).splitlines()
    assert out[1] == "    The Russian State"
    assert out[2] == "                ^^^^^"


def test_long_line_is_clipped_around_the_span() -> None:
    text = "word " * 60 + "Lavrow " + "word " * 60
    finding = finding_for(text, "Lavrow")
    report = Report((FileReport("a.md", (finding,), Document("a.md", text, text, "md")),))
    source, marker = render_text(report).splitlines()[1:3]
    assert len(source) < 120 and source.strip().startswith("…") and source.endswith("…")
    start = marker.index("^")
    assert source[start : start + marker.count("^")] == "Lavrow"


def test_wide_characters_and_tabs_keep_carets_aligned() -> None:
    text = "\t東京で Lavrow met\n"
    finding = finding_for(text, "Lavrow")
    report = Report((FileReport("a.md", (finding,), Document("a.md", text, text, "md")),))
    marker = render_text(report).splitlines()[2]
    # tab kept, three wide characters = six columns, then the space
    assert marker == "    \t" + " " * 7 + "^^^^^^"


def test_long_evidence_quote_is_cut_around_the_expected_value() -> None:
    quote = "x" * 200 + " Sergei Lavrov " + "y" * 200
    finding = finding_for(
        DRAFT, "Sergei Lavrow", expected="Sergei Lavrov", evidence=(Evidence("c.md", 1, quote, 1),)
    )
    report = Report((FileReport(DRAFT_PATH, (finding,), None),))
    evidence = next(line for line in render_text(report).splitlines() if "evidence:" in line)
    assert "Sergei Lavrov" in evidence and "…" in evidence and len(evidence) < 180
    assert "(1 documents agree)" not in evidence


def test_unreadable_file_shows_only_the_header() -> None:
    finding = finding_for(DRAFT, "Sergei Lavrow")
    report = Report((FileReport(DRAFT_PATH, (finding,), None),))
    out = render_text(report, show_summary=False).splitlines()
    assert out == [out[0], ""]


def test_control_characters_in_the_draft_are_escaped_and_carets_still_aligned() -> None:
    draft = "x\x1b[2J\r::error::forged Sergei Lavrow\u202e met them.\n"
    finding = finding_for(draft, "Sergei Lavrow", message="'Sergei Lavrow\x1b[31m' msg\r")
    document = Document(DRAFT_PATH, draft, prose=draft, kind="md")
    out = render_text(Report(files=(FileReport(DRAFT_PATH, (finding,), document),)))
    assert not any(char in out for char in "\x1b\r\u202e")
    lines = out.splitlines()
    assert lines[0].endswith("'Sergei Lavrow\\x1b[31m' msg\\r")
    source, marker = lines[1], lines[2]
    assert source.strip() == "x\\x1b[2J\\r::error::forged Sergei Lavrow\\u202e met them."
    start = marker.index("^")
    assert source[start : start + marker.count("^")] == "Sergei Lavrow"
