from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.positions import LineIndex


def test_first_character_is_line_one_column_one() -> None:
    assert LineIndex("abc\ndef").position(0) == (1, 1)


def test_character_after_newline_starts_the_next_line() -> None:
    index = LineIndex("abc\ndef")
    assert index.position(3) == (1, 4)  # the newline itself belongs to line 1
    assert index.position(4) == (2, 1)
    assert index.position(6) == (2, 3)


def test_last_line_and_offset_at_end_of_text() -> None:
    index = LineIndex("a\nb\nlast")
    assert index.position(7) == (3, 4)
    assert index.position(8) == (3, 5)


def test_line_count_counts_a_trailing_empty_line() -> None:
    assert LineIndex("").line_count == 1
    assert LineIndex("a\nb").line_count == 2
    assert LineIndex("a\nb\n").line_count == 3


def test_line_span_excludes_the_newline() -> None:
    text = "first\nsecond\nthird"
    index = LineIndex(text)
    start, end = index.line_span(2)
    assert (start, end) == (6, 12)
    assert text[start:end] == "second"


def test_line_span_of_the_last_line_ends_at_the_end_of_the_text() -> None:
    text = "first\nthird"
    start, end = LineIndex(text).line_span(2)
    assert (start, end) == (6, len(text))
    assert text[start:end] == "third"


def test_line_span_of_an_empty_last_line() -> None:
    text = "only\n"
    assert LineIndex(text).line_span(2) == (5, 5)
    assert LineIndex("").line_span(1) == (0, 0)


@given(st.text(alphabet="ab\n\r", max_size=60), st.data())
def test_every_offset_is_counted_as_the_newlines_before_it(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    index = LineIndex(text)
    assert index.position(offset) == (line, column)
    assert index.line_count == text.count("\n") + 1
