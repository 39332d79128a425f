from __future__ import annotations

import pytest

from factcheck.model import Category, Document, Finding, Severity, Span
from factcheck.suppress import Suppressions, parse_suppressions, split_suppressed


def _md(text: str, kind: str = "md") -> Suppressions:
    return parse_suppressions(Document("a." + kind, text, prose=text, kind=kind))


def _finding(code: str, line: int) -> Finding:
    return Finding(
        code=code,
        category=Category.NAME,
        severity=Severity.ERROR,
        message="m",
        span=Span(0, 1),
        found="x",
        path="a.md",
        line=line,
        column=1,
        end_line=line + 1,
        end_column=2,
    )


def test_ignore_at_the_end_of_a_line_silences_that_line_only() -> None:
    s = _md("one\nLavrow said. <!-- factcheck: ignore FC101 -->\nthree\n")
    assert s.is_suppressed("FC101", 2)
    assert not s.is_suppressed("FC101", 3)
    assert not s.is_suppressed("FC102", 2)


def test_prefixes_and_several_codes() -> None:
    s = _md("text <!-- factcheck: ignore FC1, FC30 fc401 -->\n")
    assert s.is_suppressed("FC199", 1)
    assert s.is_suppressed("FC301", 1)
    assert s.is_suppressed("FC401", 1)
    assert not s.is_suppressed("FC201", 1)


def test_no_code_means_every_code_and_a_reason_may_follow() -> None:
    s = _md("a <!-- factcheck: ignore -->\nb <!-- factcheck: ignore FC1 as quoted -->\n")
    assert s.is_suppressed("FC501", 1)
    assert s.is_suppressed("FC101", 2)
    assert not s.is_suppressed("FC501", 2)  # "as quoted" is a reason, not codes


def test_ignore_next_line() -> None:
    s = _md("<!-- factcheck: ignore-next-line FC1 -->\nLavrow\nLavrow\n")
    assert s.is_suppressed("FC101", 2)
    assert not s.is_suppressed("FC101", 1)
    assert not s.is_suppressed("FC101", 3)


def test_ignore_next_line_after_a_multi_line_comment() -> None:
    s = _md("<!--\n  factcheck: ignore-next-line\n-->\nLavrow\n")
    assert s.is_suppressed("FC101", 4)
    assert not s.is_suppressed("FC101", 2)


def test_off_on_block() -> None:
    text = "1\n<!-- factcheck: off FC3 -->\n3\n4\n<!-- factcheck: on FC3 -->\n6\n"
    s = _md(text)
    assert [line for line in range(1, 7) if s.is_suppressed("FC301", line)] == [2, 3, 4]
    assert not s.is_suppressed("FC101", 3)


def test_off_without_on_runs_to_the_end() -> None:
    s = _md("1\n<!-- factcheck: off -->\n3\n")
    assert s.is_suppressed("FC999", 3) and s.is_suppressed("FC101", 1000)
    assert not s.is_suppressed("FC101", 1)


def test_on_ends_only_as_broad_or_narrower_blocks() -> None:
    text = "<!-- factcheck: off -->\n<!-- factcheck: off FC301 -->\n<!-- factcheck: on FC3 -->\n4\n"
    s = _md(text)
    # the FC301 block ended; the every-code block goes on
    assert s.is_suppressed("FC301", 4) and s.is_suppressed("FC101", 4)
    everything = _md("<!-- factcheck: off FC1 FC2 -->\n<!-- factcheck: on -->\n3\n")
    assert not everything.is_suppressed("FC101", 3) and not everything.is_suppressed("FC201", 3)


def test_unknown_directives_and_other_comments_are_ignored() -> None:
    s = _md("<!-- factcheck: shush FC1 -->\n<!-- a note -->\n<!-- factcheck:ignore -->x\n")
    assert not s.is_suppressed("FC101", 1)
    assert not s.is_suppressed("FC101", 2)
    assert s.is_suppressed("FC101", 3)


def test_html_uses_comments_too() -> None:
    s = _md("<p>Lavrow</p> <!-- factcheck: ignore FC101 -->\n", kind="html")
    assert s.is_suppressed("FC101", 1)


def test_markdown_ignores_the_plain_text_form() -> None:
    assert not _md("Lavrow factcheck: ignore FC101\n").is_suppressed("FC101", 1)


@pytest.mark.parametrize(
    ("text", "line", "suppressed"),
    [
        ("factcheck: ignore-next-line FC101\nLavrow\n", 2, True),
        ("Lavrow met them. factcheck: ignore FC101\n", 1, True),
        ("Lavrow met them.  factcheck: ignore\r\n", 1, True),
        ("  factcheck: off FC1\nLavrow\nfactcheck: on\nLavrow\n", 2, True),
        ("  factcheck: off FC1\nLavrow\nfactcheck: on\nLavrow\n", 4, False),
        # prose that merely contains the words is not a directive
        ("Our factcheck: ignore the rumours, he said.\n", 1, False),
        ("We said factcheck: off FC1\nLavrow\n", 2, False),
        # the plain form inside a comment-less draft, lines split at "\n" only
        ("a\x0cb\nfactcheck: ignore-next-line\nLavrow\n", 3, True),
    ],
)
def test_plain_text(text: str, line: int, suppressed: bool) -> None:
    assert _md(text, kind="txt").is_suppressed("FC101", line) is suppressed


def test_split_suppressed_counts_a_finding_by_its_first_line() -> None:
    s = _md("a <!-- factcheck: ignore FC1 -->\nb\n")
    first_line = _finding("FC101", 1)  # spans lines 1-2
    second_line = _finding("FC101", 2)
    other_code = _finding("FC201", 1)
    unlocated = _finding("FC101", 0)
    kept, suppressed = split_suppressed([first_line, second_line, other_code, unlocated], s)
    assert suppressed == [first_line]
    assert kept == [second_line, other_code, unlocated]
