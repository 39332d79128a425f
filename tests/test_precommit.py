"""End to end: the hooks in ``.pre-commit-hooks.yaml``, run by the real pre-commit.

A snapshot of this working tree (uncommitted edits included) is committed to
a temporary git repository that serves as the hook repository. A temporary
"newsroom" repository is set up exactly as docs/pre-commit.md says: its
``.pre-commit-config.yaml``, ``factcheck.toml`` and ``.gitignore`` are the
page's own blocks (only the hook repository's address and sha are this
snapshot's), with a copy of ``seeds/`` where its ``factcheck.toml`` puts the
corpus and the drafts where its ``files:`` pattern looks for them.

The configuration names no ``additional_dependencies``: the statistical model
comes from the hooks' manifest, as it does for a newsroom. pre-commit
pip-installs factcheck, spaCy and the model into the hook environment (from
the package index pip is configured with), once per module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

# Left out of the hook repository snapshot: build output and caches, which
# pre-commit's `pip install .` neither needs nor should see.
_SKIPPED_PARTS = {
    ".git",
    ".factcheck_cache",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "__pycache__",
    "build",
    "dist",
}

DOCS = REPO_ROOT / "docs" / "pre-commit.md"

# A sentence copied from seeds/001: nothing in it disagrees with the corpus.
CLEAN_PARAGRAPH = (
    "Zhao, chairman of China's NPC Standing Committee, made the remarks while hosting the"
    " 10th meeting of the China-Russia committee for parliamentary cooperation with"
    " Vyacheslav Volodin, chairman of the Russian State Duma, in Beijing.\n"
)
# Ordinary words one letter from words of corpus names ("West", "Belt"), in a
# heading and at the start of sentences: a safe fix must leave them alone.
CLEAN_DRAFT = (
    "# Test\n\nTest results came in on Monday. Best picks of the week follow.\n\n" + CLEAN_PARAGRAPH
)
MISSPELT_DRAFT = CLEAN_DRAFT.replace("Vyacheslav Volodin", "Yacheslav Volodin")
DRAFT = "drafts/story.md"


def _doc_block(language: str) -> str:
    """The first fenced block of ``language`` in docs/pre-commit.md, dedented."""
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"^([ \t]*)```{language}\n(.*?)^[ \t]*```", text, re.M | re.S)
    assert match, f"{DOCS}: no {language} block"
    indent = match.group(1)
    return "".join(line.removeprefix(indent) for line in match.group(2).splitlines(True))


def _documented_config(repo: Path, rev: str) -> str:
    """The page's .pre-commit-config.yaml, pointed at the snapshot repository."""
    config = _doc_block("yaml")
    config, repos = re.subn(r"(?m)^(\s*- repo:) .*$", rf"\g<1> {repo}", config)
    config, revs = re.subn(r"(?m)^(\s*rev:) .*$", rf"\g<1> {rev}", config)
    assert repos == revs == 1, config
    return config


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    pre_commit_home: Path


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    # A fixed identity and no user or system git configuration (signing,
    # hooks paths, templates): the test must not depend on whoever runs it.
    env.update(
        GIT_AUTHOR_NAME="factcheck test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="factcheck test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        # pre-commit colours only a terminal, but be sure: the output is searched.
        NO_COLOR="1",
        PRE_COMMIT_COLOR="never",
    )
    return env


def _run(
    args: Sequence[str], cwd: Path, env: dict[str, str], *, check: bool = True
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(args)} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


def _pre_commit() -> list[str]:
    # The pre-commit installed next to this Python (the `dev` extra), else the module.
    script = Path(sys.executable).with_name("pre-commit")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pre_commit"]


def _commit_all(repo: Path, env: dict[str, str], message: str) -> str:
    _run(["git", "add", "-A"], repo, env)
    _run(["git", "commit", "-q", "--no-verify", "-m", message], repo, env)
    return _run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()


def _snapshot_files() -> list[str]:
    # Tracked and untracked-but-not-ignored files: what a commit of the working
    # tree would hold, so that uncommitted edits are tested too.
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    files = []
    for name in filter(None, listed.split("\0")):
        parts = Path(name).parts
        if any(p in _SKIPPED_PARTS or p.endswith(".egg-info") for p in parts):
            continue
        files.append(name)
    return files


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit needs it")
    home = tmp_path_factory.mktemp("precommit-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    env = _git_env(home)
    clone = tmp_path_factory.mktemp("hook-repo")
    for name in _snapshot_files():
        source = REPO_ROOT / name
        if not source.is_file():  # deleted in the working tree but still tracked
            continue
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    assert (clone / ".pre-commit-hooks.yaml").is_file()
    _run(["git", "init", "-q", "-b", "main", str(clone)], clone, env)
    rev = _commit_all(clone, env, "snapshot of the working tree")
    yield HookRepo(clone, rev, home / "pre-commit")


@pytest.fixture
def newsroom(tmp_path: Path, hook_repo: HookRepo) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = _git_env(hook_repo.pre_commit_home.parent)
    _run(["git", "init", "-q", "-b", "main", str(repo)], repo, env)
    toml = _doc_block("toml")
    (corpus,) = re.findall(r'corpus = \["([^"]+)"\]', toml)
    shutil.copytree(REPO_ROOT / "seeds", repo / corpus)
    (repo / "factcheck.toml").write_text(toml, encoding="utf-8")
    (repo / ".gitignore").write_text(_doc_block("gitignore"), encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        _documented_config(hook_repo.path, hook_repo.rev), encoding="utf-8"
    )
    (repo / "drafts").mkdir()
    _commit_all(repo, env, "newsroom set-up")
    return repo


def _hook(
    repo: Path, hook_repo: HookRepo, hook_id: str, *, manual: bool = False
) -> subprocess.CompletedProcess[str]:
    """Stage the draft and run one hook on the staged files, as `git commit` would
    (``manual``: as the page's CI command runs the check-only hook)."""
    env = _git_env(hook_repo.pre_commit_home.parent)
    _run(["git", "add", DRAFT], repo, env)
    stage = ["--hook-stage", "manual"] if manual else []
    return _run(
        [*_pre_commit(), "run", hook_id, *stage, "--color", "never"], repo, env, check=False
    )


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_the_documented_config_needs_no_additional_dependencies() -> None:
    assert "additional_dependencies" not in _doc_block("yaml")


def test_clean_draft_passes(newsroom: Path, hook_repo: HookRepo) -> None:
    (newsroom / DRAFT).write_text(CLEAN_DRAFT, encoding="utf-8")
    result = _hook(newsroom, hook_repo, "factcheck-fix")
    assert result.returncode == 0, _output(result)
    assert "Passed" in result.stdout, _output(result)
    assert (newsroom / DRAFT).read_text(encoding="utf-8") == CLEAN_DRAFT


def test_misspelt_name_fails_with_fc101(newsroom: Path, hook_repo: HookRepo) -> None:
    (newsroom / DRAFT).write_text(MISSPELT_DRAFT, encoding="utf-8")
    result = _hook(newsroom, hook_repo, "factcheck", manual=True)
    assert result.returncode == 1, _output(result)
    assert "FC101" in result.stdout, _output(result)
    # The model comes with the hooks: no configuration names it.
    assert "using statistical model" in result.stdout, _output(result)
    # The check-only hook never touches the draft.
    assert (newsroom / DRAFT).read_text(encoding="utf-8") == MISSPELT_DRAFT


def test_fix_hook_rewrites_the_name_and_nothing_else(newsroom: Path, hook_repo: HookRepo) -> None:
    draft = newsroom / DRAFT
    draft.write_text(MISSPELT_DRAFT, encoding="utf-8")
    first = _hook(newsroom, hook_repo, "factcheck-fix")
    # pre-commit fails a hook that modified files, so the editor re-stages them.
    assert first.returncode == 1, _output(first)
    assert "using statistical model" in first.stdout, _output(first)
    # The name is fixed; "Test" and "Best" are still themselves.
    assert draft.read_text(encoding="utf-8") == CLEAN_DRAFT, _output(first)
    second = _hook(newsroom, hook_repo, "factcheck-fix")
    assert second.returncode == 0, _output(second)
    check = _hook(newsroom, hook_repo, "factcheck", manual=True)
    assert check.returncode == 0, _output(check)


def test_both_hooks_apply_the_exclusions_to_the_files_pre_commit_names() -> None:
    # pre-commit names every staged file: without --force-exclude a committed
    # archive (the corpus itself) would be checked as drafts.
    import yaml

    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"factcheck", "factcheck-fix"}
    for hook in hooks:
        assert hook["entry"].split()[:3] == ["factcheck", "check", "--force-exclude"], hook
