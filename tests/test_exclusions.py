"""What a walk leaves out: exclude patterns, .gitignore and the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, config_from_mapping
from factcheck.exclusions import DraftExclusions
from factcheck.sources import expand_paths


def _tree(root: Path, *files: str) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n")


def _walk(root: Path, config: Config, *patterns: str, gitignore: bool = True) -> list[str]:
    exclusions = DraftExclusions(lambda _path: config, respect_gitignore=gitignore)
    found = expand_paths(list(patterns) or ["."], root, skip=exclusions.walk_skip)
    return sorted(p.resolve().relative_to(root.resolve()).as_posix() for p in found)


def _glob(root: Path, config: Config, pattern: str) -> list[str]:
    exclusions = DraftExclusions(lambda _path: config)
    found = expand_paths([pattern], root, skip=lambda p, d: exclusions.excluded(p, is_dir=d))
    return sorted(p.resolve().relative_to(root.resolve()).as_posix() for p in found)


def _config(root: Path, **settings: object) -> Config:
    return config_from_mapping(settings, source=root / "factcheck.toml", root=root)


def test_the_default_folders_are_left_out(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md", "node_modules/b.md", "build/c.md", "dist/d.md", "venv/e.md",
          "docs/build/f.md", "builder/g.md")  # fmt: skip
    assert _walk(tmp_path, _config(tmp_path)) == ["a.md", "builder/g.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md", "build/c.md", "old/x.md", "notes/y.txt", "notes/z.md")
    assert _walk(tmp_path, _config(tmp_path, exclude=["old/"])) == [
        "a.md", "build/c.md", "notes/y.txt", "notes/z.md",
    ]  # fmt: skip
    extended = _config(tmp_path, **{"extend-exclude": ["old", "notes/*.txt"]})
    assert _walk(tmp_path, extended) == ["a.md", "notes/z.md"]


def test_patterns_are_relative_to_the_configuration_s_folder(tmp_path: Path) -> None:
    _tree(tmp_path, "project/drafts/a.md", "project/a.md")
    config = _config(tmp_path / "project", exclude=["/a.md"])  # anchored: the top a.md only
    assert _walk(tmp_path, config) == ["project/drafts/a.md"]


def test_globs_are_filtered_too(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md", "node_modules/b.md")
    assert _glob(tmp_path, _config(tmp_path), "**/*.md") == ["a.md"]


def test_gitignore_files_at_every_level_count(tmp_path: Path) -> None:
    _tree(tmp_path, "a.md", "scratch.md", "sub/b.md", "sub/private/c.md", "sub/keep.md")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch.md\n")
    (tmp_path / "sub" / ".gitignore").write_text("private/\n*.md\n!keep.md\n")
    assert _walk(tmp_path, _config(tmp_path)) == ["a.md", "sub/keep.md"]
    assert len(_walk(tmp_path, _config(tmp_path), gitignore=False)) == 5


def test_a_gitignore_above_the_repository_does_not_count(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n")
    _tree(tmp_path, "repo/a.md")
    (tmp_path / "repo" / ".git").mkdir()
    repo = tmp_path / "repo"
    assert _walk(repo, _config(repo)) == ["a.md"]


@pytest.mark.parametrize("corpus", ["archive", "archive/*.txt", "archive/one.txt"])
def test_the_corpus_is_never_walked_as_drafts(tmp_path: Path, corpus: str) -> None:
    _tree(tmp_path, "draft.md", "archive/one.txt")
    assert _walk(tmp_path, _config(tmp_path, corpus=[corpus])) == ["draft.md"]


def test_a_file_named_explicitly_is_not_filtered_by_the_walk(tmp_path: Path) -> None:
    _tree(tmp_path, "build/c.md")
    assert _walk(tmp_path, _config(tmp_path), "build/c.md") == ["build/c.md"]
    exclusions = DraftExclusions(lambda _path: _config(tmp_path))
    assert exclusions.excluded(tmp_path / "build" / "c.md")  # what --force-exclude asks


def test_a_folder_named_explicitly_is_walked_with_the_exclusions_below_it(tmp_path: Path) -> None:
    _tree(tmp_path, "build/a.md", "build/node_modules/b.md", "archive/c.txt", "archive/sub/d.txt")
    config = _config(tmp_path, corpus=["archive"])
    assert _walk(tmp_path, config, "build") == ["build/a.md"]
    assert _walk(tmp_path, config, "archive") == ["archive/c.txt", "archive/sub/d.txt"]
    exclusions = DraftExclusions(lambda _path: config)
    assert exclusions.excluded(tmp_path / "build", is_dir=True)
    assert exclusions.excluded(tmp_path / "archive" / "sub" / "d.txt")
