"""``factcheck check``'s manners: quiet, statistics, output file, exit-zero, colour,
concise lines, standard input under a name, the configuration nearest to each draft,
and what a walk leaves out."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

import factcheck.engine
from factcheck.cli import main
from tests.conftest import REPO, SEEDS

CLEAN = "Vyacheslav Volodin, chairman of the Russian State Duma, arrived in Beijing.\n"
MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"


def _newsroom(folder: Path, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, folder / "archive")
    (folder / "factcheck.toml").write_text(
        f'corpus = ["archive"]\ncache-dir = ".cache"\n{extra}', encoding="utf-8"
    )
    return folder


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    room = _newsroom(tmp_path / "room")
    (room / "wrong.md").write_text(MISSPELT)
    (room / "clean.md").write_text(CLEAN)
    monkeypatch.chdir(room)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return room


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


# --- output ----------------------------------------------------------------------------


def test_quiet_prints_the_findings_only(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "wrong.md"]) == 1
    loud = capsys.readouterr()
    assert "1 finding (1 error" in loud.out and loud.err.strip()  # the model line
    assert main(["check", "-q", "wrong.md"]) == 1
    quiet = capsys.readouterr()
    assert "wrong.md:1:15: FC101" in quiet.out
    assert "finding (" not in quiet.out and quiet.err == ""


def test_statistics_count_per_code(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (newsroom / "wrong2.md").write_text(MISSPELT)
    assert main(["check", "--statistics", "wrong.md", "wrong2.md", "clean.md"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "2 FC101 misspelt-person-name",
        "2 findings (2 errors, 0 warnings, 0 infos) in 3 files",
    ]


def test_output_file_holds_the_report_and_stdout_stays_empty(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "wrong.md", "--format", "concise", "--output-file", "out.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip()  # notices stay on stderr
    assert (newsroom / "out.txt").read_text().startswith("wrong.md:1:15: FC101 ")


def test_exit_zero_with_findings_but_not_on_usage_errors(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--exit-zero", "wrong.md"]) == 0
    assert "FC101" in capsys.readouterr().out
    assert main(["check", "--exit-zero", "missing.md"]) == 2


@pytest.mark.parametrize(
    ("choice", "colored"), [("always", True), ("never", False), ("auto", False)]
)
def test_color_choice(
    newsroom: Path, capsys: pytest.CaptureFixture[str], choice: str, colored: bool
) -> None:
    # NO_COLOR is set and capsys is no terminal: auto is plain; always overrides both.
    assert main(["check", f"--color={choice}", "wrong.md"]) == 1
    assert ("\x1b[" in capsys.readouterr().out) is colored


def test_color_always_reaches_the_fix_report(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The example draft keeps findings no safe fix removes: they are coloured.
    shutil.copy(REPO / "docs" / "examples" / "draft.md", newsroom / "example.md")
    assert main(["check", "--fix", "--color=never", "example.md"]) == 1
    assert "\x1b[" not in capsys.readouterr().out
    shutil.copy(REPO / "docs" / "examples" / "draft.md", newsroom / "example.md")
    assert main(["check", "--fix", "--color=always", "example.md"]) == 1
    assert "\x1b[" in capsys.readouterr().out


def test_concise_is_one_line_a_finding(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "concise", "wrong.md", "clean.md"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("wrong.md:1:15: FC101 ")


# --- standard input under a name --------------------------------------------------------


def test_stdin_filename_names_the_draft_and_its_per_file_ignores_apply(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = newsroom / "factcheck.toml"
    config.write_text(config.read_text() + '[per-file-ignores]\n"captions/*" = ["FC101"]\n')
    _stdin(monkeypatch, MISSPELT)
    assert main(["check", "-", "--stdin-filename", "notes/a.md", "--format", "concise"]) == 1
    assert capsys.readouterr().out.startswith("notes/a.md:1:15: FC101 ")
    _stdin(monkeypatch, MISSPELT)
    assert main(["check", "-", "--stdin-filename", "captions/a.md"]) == 0


def test_stdin_filename_alone_means_standard_input_and_no_path_at_all_is_a_usage_error(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, MISSPELT)
    assert main(["check", "--stdin-filename", "a.md", "--format", "concise"]) == 1
    assert capsys.readouterr().out.startswith("a.md:1:15: FC101 ")
    assert main(["check"]) == 2
    assert "give at least one PATH" in capsys.readouterr().err


def test_stdin_filename_finds_the_configuration_nearest_to_the_name(
    newsroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _newsroom(tmp_path / "other", 'ignore = ["FC101"]\n')
    _stdin(monkeypatch, MISSPELT)
    assert main(["check", "-", "--stdin-filename", str(other / "x.md")]) == 0


def test_fix_with_stdin_filename_prints_the_draft_and_writes_no_file(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "named.md").write_text("left alone\n")
    _stdin(monkeypatch, MISSPELT)
    main(["check", "-", "--stdin-filename", "named.md", "--fix"])
    assert capsys.readouterr().out == MISSPELT.replace("Yacheslav", "Vyacheslav")
    assert (newsroom / "named.md").read_text() == "left alone\n"


# --- the configuration nearest to each draft ------------------------------------------------


def test_a_draft_in_another_folder_gets_its_newsroom_s_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    room = _newsroom(tmp_path / "newsroom")
    (room / "drafts").mkdir()
    (room / "drafts" / "x.md").write_text(MISSPELT)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["check", str(room / "drafts" / "x.md")]) == 1
    assert "FC101" in capsys.readouterr().out


def test_drafts_under_two_configurations_get_one_engine_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    strict = _newsroom(tmp_path / "strict")
    lenient = _newsroom(tmp_path / "lenient", 'ignore = ["FC101"]\n')
    for room in (strict, lenient):
        for name in ("a.md", "b.md"):
            (room / name).write_text(MISSPELT)
    built: list[object] = []
    original = factcheck.engine.Engine.__init__

    def counting(self: factcheck.engine.Engine, *args: object, **kwargs: object) -> None:
        built.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(factcheck.engine.Engine, "__init__", counting)
    monkeypatch.chdir(tmp_path)
    args = [
        "check",
        "--format",
        "concise",
        "strict/a.md",
        "lenient/a.md",
        "strict/b.md",
        "lenient/b.md",
    ]
    assert main(args) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["strict/a.md", "strict/b.md"]
    assert len(built) == 2


def test_config_option_still_overrides_for_every_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lenient = _newsroom(tmp_path / "lenient", 'ignore = ["FC101"]\n')
    strict = _newsroom(tmp_path / "strict")
    (lenient / "a.md").write_text(MISSPELT)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "lenient/a.md"]) == 0
    assert main(["check", "--config", str(strict / "factcheck.toml"), "lenient/a.md"]) == 1


# --- what a walk leaves out --------------------------------------------------------------


def test_checking_a_folder_skips_the_corpus_gitignore_and_excluded_folders(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / ".git").mkdir()
    (newsroom / ".gitignore").write_text("scratch/\n")
    for folder in ("scratch", "node_modules", "old"):
        (newsroom / folder).mkdir()
        (newsroom / folder / "x.md").write_text(MISSPELT)
    config = newsroom / "factcheck.toml"
    config.write_text(config.read_text() + 'extend-exclude = ["old"]\n')
    assert main(["check", "--format", "concise", "."]) == 1
    paths = {line.split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert paths == {"wrong.md"}
    assert main(["check", "--format", "concise", "**/*.md"]) == 1
    paths = {line.split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert paths == {"wrong.md"}


def test_a_file_named_explicitly_is_checked_unless_force_exclude(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_file = "archive/" + sorted(p.name for p in (newsroom / "archive").iterdir())[0]
    assert main(["check", "--format", "json", corpus_file]) in (0, 1)
    assert '"files": 1' in capsys.readouterr().out
    (newsroom / "build").mkdir()
    (newsroom / "build" / "x.md").write_text(MISSPELT)
    assert main(["check", "build/x.md"]) == 1
    capsys.readouterr()
    assert main(["check", "--force-exclude", "build/x.md", corpus_file]) == 0
    captured = capsys.readouterr()
    assert "No findings in 0 files." in captured.out
    assert "no drafts to check" in captured.err


def test_force_exclude_skips_a_folder_named_explicitly(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "build").mkdir()
    (newsroom / "build" / "x.md").write_text(MISSPELT)
    assert main(["check", "build"]) == 1
    assert main(["check", "--force-exclude", "build"]) == 0


def test_unreadable_drafts_alone_do_not_need_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.md").write_bytes(b"\x00\x01binary")
    assert main(["check", "--format", "concise", "scan.md"]) == 1
    assert capsys.readouterr().out.startswith("scan.md:1:1: FC901 ")
