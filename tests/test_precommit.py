"""End to end: the hooks in ``.pre-commit-hooks.yaml``, run by the real pre-commit.

A snapshot of this working tree (uncommitted edits included) is committed to
a temporary git repository that serves as the hook repository; a temporary
"newsroom" repository uses it by path and sha, with a copy of ``seeds/`` as
its corpus. The hook environment is installed once per module (pre-commit
pip-installs factcheck and spaCy into it) and shared by the three cases.

No ``additional_dependencies`` are given, so the hook runs factcheck's
rule-based pipeline: that is also what a newsroom gets by default, and it
keeps the install small.
"""

from __future__ import annotations

import os
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

# A sentence copied from seeds/001: nothing in it disagrees with the corpus.
# (A paraphrase such as "Vyacheslav Volodin, chairman of the Russian State
# Duma, met Zhao Leji in Beijing." draws FC203 or FC104 warnings today.)
CLEAN_DRAFT = (
    "# Parliamentary talks\n"
    "\n"
    "Zhao, chairman of China's NPC Standing Committee, made the remarks while hosting the"
    " 10th meeting of the China-Russia committee for parliamentary cooperation with"
    " Vyacheslav Volodin, chairman of the Russian State Duma, in Beijing.\n"
)
MISSPELT_DRAFT = CLEAN_DRAFT.replace("Vyacheslav Volodin", "Yacheslav Volodin")

PRE_COMMIT_CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: factcheck
        exclude: ^corpus/
      - id: factcheck-fix
        exclude: ^corpus/
"""


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
    shutil.copytree(REPO_ROOT / "seeds", repo / "corpus")
    (repo / "factcheck.toml").write_text('corpus = ["corpus"]\n', encoding="utf-8")
    (repo / ".gitignore").write_text(".factcheck_cache/\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        PRE_COMMIT_CONFIG.format(repo=hook_repo.path, rev=hook_repo.rev), encoding="utf-8"
    )
    _commit_all(repo, env, "newsroom set-up")
    return repo


def _hook(
    repo: Path, hook_repo: HookRepo, hook_id: str, draft: str
) -> subprocess.CompletedProcess[str]:
    """Stage ``draft`` and run one hook on the staged files, as `git commit` would."""
    env = _git_env(hook_repo.pre_commit_home.parent)
    _run(["git", "add", draft], repo, env)
    return _run([*_pre_commit(), "run", hook_id, "--color", "never"], repo, env, check=False)


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_clean_draft_passes(newsroom: Path, hook_repo: HookRepo) -> None:
    (newsroom / "draft.md").write_text(CLEAN_DRAFT, encoding="utf-8")
    result = _hook(newsroom, hook_repo, "factcheck", "draft.md")
    assert result.returncode == 0, _output(result)
    assert "Passed" in result.stdout, _output(result)


def test_misspelt_name_fails_with_fc101(newsroom: Path, hook_repo: HookRepo) -> None:
    (newsroom / "draft.md").write_text(MISSPELT_DRAFT, encoding="utf-8")
    result = _hook(newsroom, hook_repo, "factcheck", "draft.md")
    assert result.returncode == 1, _output(result)
    assert "FC101" in result.stdout, _output(result)
    # No model in the hook environment: factcheck says which pipeline it used.
    assert "rule-based pipeline" in result.stdout, _output(result)
    # The check-only hook never touches the draft.
    assert (newsroom / "draft.md").read_text(encoding="utf-8") == MISSPELT_DRAFT


def test_fix_hook_rewrites_the_name(newsroom: Path, hook_repo: HookRepo) -> None:
    draft = newsroom / "draft.md"
    draft.write_text(MISSPELT_DRAFT, encoding="utf-8")
    first = _hook(newsroom, hook_repo, "factcheck-fix", "draft.md")
    # pre-commit fails a hook that modified files, so the editor re-stages them.
    assert first.returncode == 1, _output(first)
    assert draft.read_text(encoding="utf-8") == CLEAN_DRAFT, _output(first)
    second = _hook(newsroom, hook_repo, "factcheck-fix", "draft.md")
    assert second.returncode == 0, _output(second)
    check = _hook(newsroom, hook_repo, "factcheck", "draft.md")
    assert check.returncode == 0, _output(check)
