from __future__ import annotations

from lsprotocol import types

from factcheck.lsp.hover import code_span, escape, finding_markdown, hover
from factcheck.lsp.positions import PositionMap
from factcheck.model import Category, Evidence, Finding, Severity, Span

TEXT = "His guest was Yacheslav Volodin."
FINDING = Finding(
    code="FC101",
    category=Category.NAME,
    severity=Severity.ERROR,
    message="'Yacheslav Volodin' is spelt 'Vyacheslav Volodin' in the corpus",
    span=Span(14, 31),
    found="Yacheslav Volodin",
    expected="Vyacheslav Volodin",
    fix="Vyacheslav Volodin",
    safe_fix=True,
    evidence=(Evidence("seeds/a.txt", 3, "He met Vyacheslav Volodin.", 2),),
    line=1,
)


def test_code_span_fences_backticks_and_flattens_lines() -> None:
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x`") == "`` `x` ``"
    assert code_span("two\nlines") == "`two lines`"


def test_escape_keeps_markdown_from_reading_markup() -> None:
    assert escape("*not* [a](link)") == r"\*not\* \[a\]\(link\)"


def test_the_markdown_names_found_expected_fix_and_evidence() -> None:
    markdown = finding_markdown(FINDING)
    assert "**FC101** (error)" in markdown
    assert "- found: `Yacheslav Volodin`" in markdown
    assert "- expected: `Vyacheslav Volodin`" in markdown
    assert "- safe fix: `Vyacheslav Volodin`" in markdown
    assert "seeds/a\\.txt, line 3" in markdown
    assert "He met Vyacheslav Volodin\\." in markdown
    assert "2 corpus documents" in markdown


def test_hover_inside_a_finding_covers_its_range() -> None:
    positions = PositionMap(TEXT)
    result = hover([FINDING], positions, types.Position(line=0, character=20))
    assert result is not None
    assert result.range == positions.range(14, 31)


def test_no_hover_away_from_findings() -> None:
    assert hover([FINDING], PositionMap(TEXT), types.Position(line=0, character=2)) is None
