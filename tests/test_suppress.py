from __future__ import annotations

import gc
import time
from collections.abc import Sequence

import pytest

from factcheck.model import Category, Document, Finding, Severity, Span
from factcheck.suppress import (
    Suppressions,
    apply_suppressions,
    parse_suppressions,
    split_suppressed,
)


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


# --- invalid and unused suppressions ------------------------------------------------

KNOWN = ("FC101", "FC102", "FC201", "FC301", "FC401")


def _parse(text: str, kind: str = "md", known: Sequence[str] | None = KNOWN) -> Suppressions:
    return parse_suppressions(Document("a." + kind, text, prose=text, kind=kind), known)


def test_a_misspelt_code_silences_nothing_and_is_a_problem() -> None:
    s = _parse("Zhao Leiji spoke. <!-- factcheck: ignore FC10l -->\n")
    assert not s.is_suppressed("FC101", 1) and not s.is_suppressed("FC301", 1)
    (problem,) = s.problems
    assert "FC10l" in problem.message
    assert problem.text == "<!-- factcheck: ignore FC10l -->"


@pytest.mark.parametrize(
    "directive",
    ["ignore ZZ101", "ignore FC199", "ignore FC1011", "ignore FCl01", "ignore ZZ", "off FC10l"],
)
def test_codes_no_plugin_declares_are_problems(directive: str) -> None:
    s = _parse(f"x <!-- factcheck: {directive} -->\ny\n")
    assert len(s.problems) == 1
    assert not any(s.is_suppressed(code, line) for code in KNOWN for line in (1, 2))


def test_the_valid_codes_of_a_directive_still_work_beside_an_invalid_one() -> None:
    s = _parse("x <!-- factcheck: ignore FC101, FC3O1 -->\n")
    assert s.is_suppressed("FC101", 1)
    assert not s.is_suppressed("FC301", 1)
    assert [p.message.count("FC3O1") for p in s.problems] == [1]


def test_a_reason_after_the_codes_is_no_problem() -> None:
    s = _parse("x <!-- factcheck: ignore FC101 AP style, as in 1999 -->\n")
    assert s.is_suppressed("FC101", 1) and s.problems == ()


def test_an_unknown_directive_word_in_a_comment_is_a_problem() -> None:
    s = _parse("x <!-- factcheck: ignroe FC101 -->\n")
    assert not s.is_suppressed("FC101", 1)
    (problem,) = s.problems
    assert "ignroe" in problem.message


def test_plain_text_problems_and_prose_that_is_no_directive() -> None:
    s = _parse("Lavrow met them. factcheck: ignore FC10l\n", kind="txt")
    assert not s.is_suppressed("FC101", 1) and len(s.problems) == 1
    assert s.problems[0].span.start == len("Lavrow met them. ")
    prose = _parse("Our factcheck: ignore the rumours, he said.\n", kind="txt")
    assert prose.problems == ()


def test_without_a_registry_any_well_formed_code_is_accepted() -> None:
    s = _parse("x <!-- factcheck: ignore ZZ101 -->\n", known=None)
    assert s.is_suppressed("ZZ101", 1) and s.problems == ()


def _unused(text: str, findings: Sequence[Finding], checkable: str = "") -> list[str]:
    s = _parse(text)
    applied = apply_suppressions(findings, s)
    return [
        f"{u.directive.line}:{','.join(sorted(u.prefixes))}"
        for u in applied.unused(
            lambda prefix: prefix.startswith(checkable) or checkable.startswith(prefix)
        )
    ]


def test_a_suppression_that_silences_nothing_is_unused() -> None:
    text = (
        "a <!-- factcheck: ignore FC101 FC301 -->\n"
        "<!-- factcheck: ignore-next-line -->\n"
        "c\n"
        "<!-- factcheck: off FC2 -->\n"
        "e\n"
        "<!-- factcheck: on FC2 -->\n"
        "<!-- factcheck: off FC4 -->\n"
        "h\n"
    )
    findings = [_finding("FC101", 1), _finding("FC401", 8)]
    assert _unused(text, findings) == ["1:FC301", "2:", "4:FC2"]


def test_only_codes_that_could_have_been_reported_count_as_unused() -> None:
    text = "a <!-- factcheck: ignore FC101 FC301 -->\n<!-- factcheck: ignore -->\n"
    # A run with only FC3 selected: FC101 was never looked for.
    assert _unused(text, [], checkable="FC3") == ["1:FC301", "2:"]


def test_apply_suppressions_splits_and_credits_each_directive() -> None:
    s = _parse("a <!-- factcheck: ignore FC1 -->\nb\n")
    applied = apply_suppressions([_finding("FC101", 1), _finding("FC101", 2)], s)
    assert [f.line for f in applied.kept] == [2]
    assert [f.line for f in applied.suppressed] == [1]
    assert applied.unused(lambda prefix: True) == []


# --- linear time ------------------------------------------------------------------


def _seconds(text: str, kind: str) -> float:
    document = Document("a." + kind, text, prose=text, kind=kind)
    best = float("inf")
    # The collector's passes over many small objects come in lumps that are
    # not the parser's doing; without it, the growth measured is the parser's.
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            start = time.process_time()
            parse_suppressions(document, KNOWN)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("<!--", "md"),  # comments that never close
        ("<!-- factcheck: ignore FC101 --> x\n", "md"),
        ("x <!-- factcheck: off FC1 --><!-- factcheck: on FC1 -->", "html"),
        ("factcheck: ignore FC101 ", "txt"),
        ("a factcheck: ignore FC101\n", "txt"),
    ],
)
def test_parsing_is_linear_in_the_draft(unit: str, kind: str) -> None:
    # Eight times the text must take about eight times as long, not sixty-four:
    # the margin is wide because the machine is shared.
    n = 2000
    small, large = _seconds(unit * n, kind), _seconds(unit * 8 * n, kind)
    assert large < 24 * max(small, 5e-3), (small, large)
