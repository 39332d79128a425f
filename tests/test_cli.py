"""The command line: exit codes, formats, configuration errors, fixes."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import engine as engine_module
from factcheck.cli import main
from tests.conftest import REPO, SEEDS

CLEAN = "Vyacheslav Volodin, chairman of the Russian State Duma, arrived in Beijing.\n"
MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a factcheck.toml pointing at a copy of the seeds."""
    shutil.copytree(SEEDS, tmp_path / "archive")
    (tmp_path / "factcheck.toml").write_text('corpus = ["archive"]\ncache-dir = ".cache"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_clean_draft_exits_0_and_findings_exit_1(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "clean.md").write_text(CLEAN)
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "clean.md"]) == 0
    assert main(["check", "wrong.md"]) == 1
    out = capsys.readouterr().out
    assert "wrong.md:1:15: FC101" in out
    assert "Vyacheslav Volodin" in out


def test_json_output_has_the_documented_shape(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "wrong.md", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    finding = data["findings"][0]
    assert set(finding) >= {
        "path", "line", "column", "end_line", "end_column", "code", "category", "severity",
        "message", "found", "expected", "fix", "evidence",
    }  # fmt: skip
    assert (finding["code"], finding["category"], finding["severity"]) == ("FC101", "name", "error")
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 15, 32)
    assert finding["found"] == "Yacheslav Volodin"
    assert set(finding["evidence"][0]) == {"source", "line", "quote", "support"}
    assert data["summary"] == {"files": 1, "findings": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_standard_input_is_a_draft(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MISSPELT.encode())))
    assert main(["check", "-"]) == 1
    assert "-:1:15: FC101" in capsys.readouterr().out


def test_bad_configuration_exits_2_naming_the_file_and_key(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "factcheck.toml").write_text('corpus = ["archive"]\nname-treshold = 90\n')
    (newsroom / "d.md").write_text(CLEAN)
    assert main(["check", "d.md"]) == 2
    err = capsys.readouterr().err
    assert "factcheck.toml" in err and "name-treshold" in err


def test_missing_draft_exits_2(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nowhere.md"]) == 2
    assert "nowhere.md" in capsys.readouterr().err


def test_binary_draft_is_an_fc901_error(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (newsroom / "photo.md").write_bytes(b"\x00\x01\x02binary")
    assert main(["check", "photo.md"]) == 1
    assert "photo.md:1:1: FC901" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert main(["check", "x.md", "--date", "yesterday"]) == 2


def test_fix_rewrites_only_the_name_and_keeps_permissions(newsroom: Path) -> None:
    draft = newsroom / "wrong.md"
    draft.write_bytes(
        b"# Title\r\n\r\n"
        + MISSPELT.encode()
        + b"Zhao hosted the 11th meeting of the China-Russia committee for parliamentary cooperation.\r\n"
    )
    draft.chmod(0o640)
    before = draft.read_bytes()
    assert main(["check", "--fix", "wrong.md"]) == 1  # the count needs an editor: it stays
    after = draft.read_bytes()
    assert after == before.replace(b"Yacheslav", b"Vyacheslav")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640


def test_diff_prints_the_fix_and_leaves_the_file(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = newsroom / "wrong.md"
    draft.write_text(MISSPELT)
    main(["check", "--diff", "wrong.md"])
    out = capsys.readouterr().out
    assert "-His guest was Yacheslav Volodin" in out and "+His guest was Vyacheslav Volodin" in out
    assert draft.read_text() == MISSPELT


def test_plugins_lists_the_builtin_checkers(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    for name, code in (
        ("names", "FC101"),
        ("titles", "FC201"),
        ("dates", "FC301"),
        ("counts", "FC401"),
        ("quotes", "FC501"),
    ):
        assert name in out and code in out


def test_index_reports_the_cache(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index"]) == 0
    assert "5 documents (5 analysed, 0 from the cache)" in capsys.readouterr().out
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert "5 documents (0 analysed, 5 from the cache)" in out
    assert re.search(r"peak memory [\d,]+ MiB", out)


def test_index_brings_the_fact_index_in_line(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index"]) == 0
    assert "fact index: 5 documents (5 added, 0 changed, 0 removed)" in capsys.readouterr().out
    (newsroom / "archive" / "extra.md").write_text("Zhao Leji met Vyacheslav Volodin.\n")
    assert main(["index"]) == 0
    assert "fact index: 6 documents (1 added, 0 changed, 0 removed)" in capsys.readouterr().out


def test_index_does_not_build_the_fact_base(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_fact_base(*args: object, **kwargs: object) -> None:
        raise AssertionError("index built the fact base")

    monkeypatch.setattr(engine_module, "CorpusFacts", no_fact_base)
    assert main(["index"]) == 0
    assert "5 documents (5 analysed, 0 from the cache)" in capsys.readouterr().out


def test_a_corpus_problem_is_said_by_index_and_fails_no_clean_draft(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "archive" / "scan.md").write_bytes(b"\x00\x01\x02binary")
    (newsroom / "clean.md").write_text(CLEAN)
    assert main(["check", "clean.md"]) == 0
    captured = capsys.readouterr()
    assert "FC901" not in captured.out and "scan.md" not in captured.out
    assert "factcheck: corpus file skipped: archive/scan.md: " in captured.err
    assert main(["index"]) == 0
    captured = capsys.readouterr()
    assert "1 corpus file skipped" in captured.out
    assert "  skipped archive/scan.md: " in captured.out
    assert captured.err.count("corpus file skipped: archive/scan.md") == 1


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("text", "FC101 [error] (suppressed) "),
        ("json", '"suppressed": true'),
        ("jsonl", '"suppressed": true'),
        ("sarif", '"kind": "inSource"'),
        ("github", "(suppressed) "),
    ],
)
def test_no_ignore_marks_suppressed_findings_in_every_format(
    newsroom: Path, capsys: pytest.CaptureFixture[str], fmt: str, marker: str
) -> None:
    (newsroom / "d.md").write_text(MISSPELT.rstrip() + " <!-- factcheck: ignore FC101 -->\n")
    assert main(["check", "d.md", "--format", fmt]) == 0
    assert marker not in capsys.readouterr().out
    assert main(["check", "d.md", "--format", fmt, "--no-ignore"]) == 1
    assert capsys.readouterr().out.count(marker) == 1


def test_the_installed_command_runs_the_main_job_from_the_repository() -> None:
    """What README.md tells a new user to run, as a subprocess."""
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "docs/examples/draft.md", "--no-cache"],
        cwd=REPO, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "factcheck: using" in result.stderr
    codes = [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("docs/examples/draft.md:")
    ]
    assert sorted(codes) == ["FC101", "FC201", "FC301", "FC302", "FC401", "FC401", "FC501"]


# --- selection on the command line, bad models and configuration files ------------


def test_select_takes_comma_lists_as_the_configuration_does(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "wrong.md", "--select", "FC1,FC4"]) == 1
    assert "wrong.md:1:15: FC101" in capsys.readouterr().out
    assert main(["check", "wrong.md", "--select", "FC2,FC4"]) == 0


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "fc1", "factcheck: error: --select: 'fc1' is not a code"),
        ("--select", "XYZ", "factcheck: error: --select: 'XYZ' is not a code"),
        ("--select", "XY", "factcheck: error: --select: no registered code starts with 'XY'"),
        ("--ignore", "FC7", "factcheck: error: --ignore: no registered code starts with 'FC7'"),
    ],
)
def test_a_prefix_that_selects_nothing_exits_2_naming_it(
    newsroom: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "wrong.md", option, value]) == 2
    assert message in capsys.readouterr().err


def test_a_module_that_is_not_a_model_falls_back_with_one_line(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "wrong.md").write_text(MISSPELT)
    assert main(["check", "wrong.md", "--model", "numpy", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "(skipped numpy: installed, but not a spaCy model)" in err
    assert "Traceback" not in err


def test_a_pyproject_whose_tool_is_not_a_table_exits_2(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "other").mkdir()
    (newsroom / "other" / "pyproject.toml").write_text("tool = 1\n")
    assert main(["plugins", "--config", "other/pyproject.toml"]) == 2
    assert "pyproject.toml: 'tool' must be a table" in capsys.readouterr().err


def test_fix_keeps_a_cp1252_draft_in_cp1252(newsroom: Path) -> None:
    draft = newsroom / "wrong.md"
    before = ("\u201cWe agree,\u201d said the caf\u00e9 owner.\n" + MISSPELT).encode("cp1252")
    draft.write_bytes(before)
    main(["check", "--fix", "wrong.md"])
    assert draft.read_bytes() == before.replace(b"Yacheslav", b"Vyacheslav")


def test_a_fix_the_drafts_encoding_cannot_hold_is_refused_and_left_to_see(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    from factcheck import fix_run
    from factcheck.fixes import FixResult, fix_text

    def with_a_character_cp1252_lacks(text: str, findings: object) -> FixResult:
        result = fix_text(text, findings)  # type: ignore[arg-type]
        return dataclasses.replace(result, text=result.text.replace("Volodin", "Volodin \u4e60"))

    monkeypatch.setattr(fix_run, "fix_text", with_a_character_cp1252_lacks)
    draft = newsroom / "wrong.md"
    before = ("caf\u00e9\n" + MISSPELT).encode("cp1252")
    draft.write_bytes(before)
    assert main(["check", "--fix", "wrong.md"]) == 1
    assert draft.read_bytes() == before
    captured = capsys.readouterr()
    assert "wrong.md: the fixes need characters that cp1252 cannot hold; not fixed" in captured.err
    # The finding stays in the report, with the fix an editor can make by hand.
    assert "fix: Vyacheslav Volodin" in captured.out


def test_index_and_errors_print_corpus_and_path_text_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        "Vyacheslav\x1b]0;owned\x07 Volodin met Zhao Leji in Beijing.\n"
    )
    assert main(["index", "--no-cache", "--corpus", "corpus"]) == 0
    assert main(["check", "--config", "no\x1b[2Jsuch.toml", "x.md"]) == 2
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out and "\x07" not in captured.out
    assert "\x1b" not in captured.err
