from __future__ import annotations

from factcheck.output.excerpt import caret_marker, clip, text_width


def test_short_line_is_kept_whole() -> None:
    excerpt = clip("short line", 6, 10, 40)
    assert (excerpt.text, excerpt.start, excerpt.end) == ("short line", 6, 10)


def test_clip_keeps_the_part_in_view_with_ellipses() -> None:
    line = "a" * 100 + "TARGET" + "b" * 100
    excerpt = clip(line, 100, 106, 30)
    assert excerpt.text[excerpt.start : excerpt.end] == "TARGET"
    assert excerpt.text.startswith("…") and excerpt.text.endswith("…")
    assert len(excerpt.text) == 32


def test_clip_at_the_end_has_no_trailing_ellipsis() -> None:
    line = "a" * 100 + "END"
    excerpt = clip(line, 100, 103, 20)
    assert excerpt.text.endswith("END") and excerpt.text.startswith("…")
    assert excerpt.text[excerpt.start : excerpt.end] == "END"


def test_span_longer_than_the_window_marks_only_what_is_shown() -> None:
    excerpt = clip("x" * 10 + "y" * 100, 10, 110, 20)
    assert excerpt.end <= len(excerpt.text) - 1  # never under the ellipsis


def test_widths() -> None:
    assert text_width("東京") == 4
    assert text_width("e\u0301") == 1  # e + combining acute accent
    assert caret_marker("ab東x", 3, 4) == "    ^"
    assert caret_marker("abc", 3, 3) == "   ^"  # an empty span still gets one caret
