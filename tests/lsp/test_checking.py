from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.lsp.checking import Checks, draft_kind


@pytest.mark.parametrize(
    ("name", "language", "kind"),
    [
        ("a.md", "plaintext", "md"),
        ("a.HTML", None, "html"),
        ("a.txt", "markdown", "txt"),
        ("Untitled-1", "markdown", "md"),
        ("notes", "plaintext", "txt"),
        ("script.py", "python", None),
    ],
)
def test_the_file_name_then_the_language_decides_the_kind(
    name: str, language: str | None, kind: str | None
) -> None:
    assert draft_kind(name, language) == kind


def test_the_draft_is_named_from_the_config_folder_so_per_file_ignores_apply(
    tmp_path: Path,
) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'corpus = ["corpus"]\n[per-file-ignores]\n"notes/*.md" = ["FC1"]\n', encoding="utf-8"
    )
    workspace = tmp_path / "notes"
    workspace.mkdir()
    checks = Checks(workspace)  # the editor opened a subfolder of the project
    draft = workspace / "draft.md"

    name = checks.draft_path(draft)

    assert name == "notes/draft.md"
    assert checks.engine.config.ignored_for_path("FC101", name)
    assert not checks.engine.config.ignored_for_path("FC301", name)


def test_a_draft_outside_the_project_keeps_its_absolute_path(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "factcheck.toml").write_text('corpus = ["c"]\n', encoding="utf-8")
    checks = Checks(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere" / "draft.md"
    assert checks.draft_path(elsewhere) == elsewhere.as_posix()


def test_a_plugin_that_cannot_be_loaded_is_a_problem_to_say(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'corpus = ["c"]\nplugins = ["no_such_plugin_module"]\n', encoding="utf-8"
    )
    (problem,) = Checks(tmp_path).plugin_problems()
    assert "no_such_plugin_module" in problem and "not loaded" in problem


def test_no_plugin_problem_when_all_load(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('corpus = ["c"]\n', encoding="utf-8")
    assert Checks(tmp_path).plugin_problems() == []
