from __future__ import annotations

import pytest
from lsprotocol import types

from factcheck.lsp.positions import UTF8, UTF16, UTF32, PositionMap, code_units


@pytest.mark.parametrize(
    ("encoding", "expected"), [(UTF8, 4 + 2 + 1), (UTF16, 2 + 1 + 1), (UTF32, 1 + 1 + 1)]
)
def test_code_units_of_an_emoji_an_accent_and_ascii(encoding: str, expected: int) -> None:
    assert code_units("🎉éa", encoding) == expected


def test_an_astral_character_shifts_the_utf16_column_by_two() -> None:
    text = "one\n🎉 Volodin"
    positions = PositionMap(text)
    offset = text.index("Volodin")
    assert positions.position(offset) == types.Position(line=1, character=3)
    assert positions.offset(types.Position(line=1, character=3)) == offset


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_every_offset_round_trips(encoding: str) -> None:
    text = "a🎉b\r\nçd\re\n\nf€"
    positions = PositionMap(text, encoding)
    for offset, char in enumerate(text):
        if char in "\r\n":
            continue  # inside a line break there is no position of its own
        assert positions.offset(positions.position(offset)) == offset


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lsp_line_breaks_start_lines(newline: str) -> None:
    text = f"first{newline}second"
    assert PositionMap(text).position(text.index("second")) == types.Position(line=1, character=0)


def test_positions_past_a_line_or_the_text_are_clamped() -> None:
    text = "ab\ncd"
    positions = PositionMap(text)
    assert positions.offset(types.Position(line=0, character=99)) == 2
    assert positions.offset(types.Position(line=7, character=0)) == len(text)
    assert positions.position(99) == types.Position(line=1, character=2)


def test_a_position_inside_a_surrogate_pair_is_the_character_start() -> None:
    positions = PositionMap("🎉x")
    assert positions.offset(types.Position(line=0, character=1)) == 0
    assert positions.offset(types.Position(line=0, character=2)) == 1


def test_line_end_is_before_the_line_break() -> None:
    positions = PositionMap("ab\r\ncd")
    assert positions.line_end(0) == 2
    assert positions.line_end(1) == 6
