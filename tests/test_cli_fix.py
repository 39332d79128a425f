"""``factcheck check --fix`` and ``--diff``: standard input, formats, failures, escapes."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from factcheck import rewrite
from factcheck.cli import main
from factcheck.engine import Engine
from factcheck.model import FileReport
from tests.conftest import SEEDS

MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"
FIXED = MISSPELT.replace("Yacheslav", "Vyacheslav")
# The ordinal needs an editor (no safe fix): it stays a finding after --fix.
COUNT = (
    "Zhao hosted the 11th meeting of the China-Russia committee for parliamentary cooperation.\n"
)


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a factcheck.toml pointing at a copy of the seeds."""
    shutil.copytree(SEEDS, tmp_path / "archive")
    (tmp_path / "factcheck.toml").write_text('corpus = ["archive"]\ncache-dir = ".cache"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


# --- item 1: standard input -----------------------------------------------------


def test_fix_on_standard_input_prints_the_fixed_draft_and_the_findings_left(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, MISSPELT + COUNT)
    assert main(["check", "--fix", "-"]) == 1  # the count is still wrong
    out, err = capsys.readouterr()
    assert out == FIXED + COUNT
    assert "-:1:15: FC101 fixed: Yacheslav Volodin -> Vyacheslav Volodin" in err
    assert "-:2:17: FC4" in err
    assert "No findings" not in err


def test_fix_on_standard_input_with_nothing_left_exits_0(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, MISSPELT)
    assert main(["check", "--fix", "-"]) == 0
    out, err = capsys.readouterr()
    assert out == FIXED
    assert "FC101 fixed" in err


def test_diff_on_standard_input_prints_the_diff(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, MISSPELT)
    main(["check", "--diff", "-"])
    out = capsys.readouterr().out
    assert "-His guest was Yacheslav Volodin" in out and "+His guest was Vyacheslav Volodin" in out


# --- item 2: what was fixed, in the chosen format -------------------------------


def test_fix_reports_each_applied_fix_and_what_is_left_in_text(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT + COUNT)
    assert main(["check", "--fix", "wrong.md"]) == 1
    out = capsys.readouterr().out
    assert "wrong.md:1:15: FC101 fixed: Yacheslav Volodin -> Vyacheslav Volodin\n" in out
    assert "wrong.md:2:17: FC4" in out
    assert "1 finding fixed; 1 finding (1 error" in out


def test_fix_honours_the_json_format(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT + COUNT)
    assert main(["check", "--fix", "--format", "json", "wrong.md"]) == 1
    data = json.loads(capsys.readouterr().out)
    applied = {f["code"]: f["fix_applied"] for f in data["findings"]}
    assert applied["FC101"] is True
    assert [v for code, v in applied.items() if code.startswith("FC4")] == [False]
    assert data["summary"]["fixed"] == 1
    assert data["not_fixed"] == []
    assert (newsroom / "wrong.md").read_text() == FIXED + COUNT


def test_fix_honours_the_jsonl_format(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "--fix", "--format", "jsonl", "wrong.md"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(f["code"], f["fix_applied"]) for f in lines] == [("FC101", True)]


# --- items 4 and 5: refusals and failures, file by file -------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_read_only_draft_is_reported_and_the_others_still_fixed(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "a.md").write_text(MISSPELT)
    (newsroom / "b.md").write_text(MISSPELT)
    (newsroom / "a.md").chmod(0o444)
    assert main(["check", "--fix", "a.md", "b.md"]) == 1
    out, err = capsys.readouterr()
    assert "a.md: a read-only file; not fixed" in err
    assert (newsroom / "a.md").read_text() == MISSPELT
    assert (newsroom / "b.md").read_text() == FIXED
    assert "b.md:1:15: FC101 fixed" in out
    assert "a.md:1:15: FC101 [error]" in out  # still a finding, with its fix shown
    assert "  fix: Vyacheslav Volodin" in out


def test_a_failed_write_is_reported_and_the_others_still_fixed(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "a.md").write_text(MISSPELT)
    (newsroom / "b.md").write_text(MISSPELT)
    real_replace = rewrite._replace

    def full_disk_for_a(target: Path, *args: object) -> None:
        if target.name == "a.md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(rewrite, "_replace", full_disk_for_a)
    assert main(["check", "--fix", "a.md", "b.md"]) == 2
    out, err = capsys.readouterr()
    assert "a.md: No space left on device; not fixed" in err
    assert (newsroom / "a.md").read_text() == MISSPELT
    assert (newsroom / "b.md").read_text() == FIXED
    assert "b.md:1:15: FC101 fixed" in out


def test_a_draft_saved_during_the_check_is_not_fixed(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = newsroom / "wrong.md"
    draft.write_text(MISSPELT)
    saved = MISSPELT + "A paragraph the editor added.\n"
    check_file = Engine.check_file

    def check_then_save(self: Engine, *args: object, **kwargs: object) -> FileReport:
        report = check_file(self, *args, **kwargs)  # type: ignore[arg-type]
        draft.write_text(saved)
        return report

    monkeypatch.setattr(Engine, "check_file", check_then_save)
    assert main(["check", "--fix", "wrong.md"]) == 1
    assert draft.read_text() == saved
    assert "wrong.md: changed while checking, not fixed" in capsys.readouterr().err


# --- item 6: draft text cannot drive the terminal -------------------------------

# Escapes after the sentence: the name is still found, and its line is shown.
HOSTILE = (
    "His guest was Yacheslav Volodin, chairman of the Russian State Duma. \x1b]0;owned\x07"
    "\x1b[2J\rwrong.md:9:9: FC999 [error] forged\r::error::forged \u202eetats\u009b2J\n"
)
# Escapes inside a name: they reach the message, found and snippet of every format.
HOSTILE_NAME = (
    "His guest was Yacheslav Volodin\x1b[2J\u202e\u009b, chairman of the Russian State Duma.\n"
)
_RAW = ("\x1b", "\x07", "\r", "\u202e", "\u009b")


@pytest.mark.parametrize("arguments", [[], ["--diff"], ["--fix"]])
def test_text_and_diff_output_escape_control_characters(
    newsroom: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    (newsroom / "wrong.md").write_text(HOSTILE, newline="")
    main(["check", *arguments, "wrong.md"])
    out, err = capsys.readouterr()
    assert not [char for char in _RAW if char in out + err]
    assert "Volodin" in out
    if arguments != ["--fix"]:  # the check and the diff show the draft line
        assert "\\x1b]0;owned\\x07\\x1b[2J\\r" in out
    if arguments == ["--diff"]:  # all of it
        assert (
            "\\rwrong.md:9:9: FC999 [error] forged\\r::error::forged \\u202eetats\\x9b2J\n" in out
        )


@pytest.mark.parametrize("arguments", [["--format", "text"], ["--format", "github"]])
def test_findings_whose_found_text_holds_escapes_print_them_escaped(
    newsroom: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    (newsroom / "wrong.md").write_text(HOSTILE_NAME, newline="")
    main(["check", *arguments, "wrong.md"])
    out = capsys.readouterr().out
    assert not [char for char in _RAW if char in out]
    assert "Volodin" in out


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_json_formats_stay_valid_and_escape_control_characters(
    newsroom: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (newsroom / "wrong.md").write_text(HOSTILE_NAME, newline="")
    main(["check", "--format", fmt, "wrong.md"])
    out = capsys.readouterr().out
    assert not [char for char in _RAW if char in out]
    lines = out.splitlines() if fmt == "jsonl" else [out]
    data = [json.loads(line) for line in lines]
    assert "\u202e" in json.dumps(data, ensure_ascii=False)  # the data kept them


def test_a_draft_named_twice_is_fixed_once(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    (newsroom / "link.md").symlink_to("wrong.md")
    assert main(["check", "--fix", "wrong.md", "link.md", "./wrong.md"]) == 0
    out, err = capsys.readouterr()
    assert "changed while checking" not in err
    assert out.count("FC101 fixed") == 1
    assert (newsroom / "wrong.md").read_text() == FIXED
