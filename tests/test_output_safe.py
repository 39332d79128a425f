from __future__ import annotations

import json

import pytest

from factcheck.output.safe import escape_controls, escape_line, json_safe


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("title\x1b]0;owned\x07", "title\\x1b]0;owned\\x07"),
        ("a\rforged:1:1: FC101", "a\\rforged:1:1: FC101"),
        ("two\nlines", "two\\nlines"),
        ("\x9b2J C1 CSI", "\\x9b2J C1 CSI"),
        ("\x7f", "\\x7f"),
        ("abc\u202edcba\u2066x\u2069", "abc\\u202edcba\\u2066x\\u2069"),
        ("line\u2028separator", "line\\u2028separator"),
    ],
)
def test_control_characters_are_shown_not_obeyed(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


def test_ordinary_text_tabs_and_non_ascii_are_kept() -> None:
    text = "Vyacheslav Volodin\tВолодин 习近平 café – “quoted”"
    assert escape_controls(text) == text


def test_a_line_keeps_its_ending_only() -> None:
    assert escape_line("a\rb\r\n") == "a\\rb\r\n"
    assert escape_line("a\x1b\n") == "a\\x1b\n"
    assert escape_line("no ending\r") == "no ending\\r"


def test_json_safe_keeps_the_data_and_escapes_what_json_dumps_leaves() -> None:
    data = {"found": "x\x1b\x7f\x9b\u202e\u2028y"}
    dumped = json_safe(json.dumps(data, ensure_ascii=False))
    assert not any(char in dumped for char in "\x1b\x7f\x9b\u202e\u2028")
    assert json.loads(dumped) == data
