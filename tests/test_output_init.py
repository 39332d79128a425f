from __future__ import annotations

import io
import json

import pytest

from factcheck.output import FORMATS, render, use_color
from tests.output_samples import sample_report


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_every_format_renders() -> None:
    report = sample_report()
    outputs = {fmt: render(report, fmt) for fmt in FORMATS}
    assert outputs["text"].startswith("drafts/visit.md:2:18: FC101")
    assert json.loads(outputs["json"])["version"] == 1
    assert len(outputs["jsonl"].splitlines()) == 2
    assert json.loads(outputs["sarif"])["version"] == "2.1.0"
    assert outputs["github"].startswith("::error ")
    assert all(out.endswith("\n") for out in outputs.values())


def test_text_options_are_passed_on() -> None:
    report = sample_report()
    assert "\x1b[" in render(report, "text", color=True)
    assert "2 findings" not in render(report, "text", show_summary=False)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render(sample_report(), "xml")


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # empty means unset, per no-color.org
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": ""}, False),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_use_color(
    monkeypatch: pytest.MonkeyPatch, tty: bool, env: dict[str, str], expected: bool
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    stream = _Tty() if tty else io.StringIO()
    assert use_color(stream) is expected


def test_use_color_on_a_closed_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    stream = io.StringIO()
    stream.close()
    assert use_color(stream) is False
