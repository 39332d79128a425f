"""``factcheck index``: resumable after a kill, parallel, its options and summary."""

from __future__ import annotations

import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from factcheck.cache import DATABASE_NAME
from factcheck.cli import main
from tests.conftest import SEED_FILES

BATCH = 2


def make_archive(root: Path, copies: int) -> Path:
    """A folder of ``copies`` variants of each seed (distinct texts, so distinct entries)."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for seed in SEED_FILES:
        text = seed.read_text(encoding="utf-8")
        for copy in range(copies):
            (corpus / f"{seed.stem}-{copy:03d}.txt").write_text(
                f"{text}\nCorrection number {copy} was appended.\n", encoding="utf-8"
            )
    (root / "factcheck.toml").write_text('corpus = ["corpus"]\ncache-dir = ".cache"\n')
    return corpus


def facts_rows(root: Path) -> list[tuple[str, str, bytes]]:
    """The documents' own facts the build stored beside their analyses."""
    connection = sqlite3.connect(root / ".cache" / DATABASE_NAME, timeout=30)
    try:
        return sorted(connection.execute("SELECT sha256, key, data FROM document_facts"))
    finally:
        connection.close()


def cache_rows(root: Path) -> list[tuple[str, str, str, bytes]]:
    """The cache's contents, without the time each row was stored."""
    database = root / ".cache" / DATABASE_NAME
    if not database.exists():
        return []
    connection = sqlite3.connect(database, timeout=30)
    try:
        return sorted(connection.execute("SELECT sha256, key, path, data FROM analyses"))
    except sqlite3.OperationalError:  # the table is being created
        return []
    finally:
        connection.close()


def index_command(*options: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "index", "--batch-size", str(BATCH), *options]


def child_env() -> dict[str, str]:
    return {**os.environ, "CI": "1"}


def run_index(root: Path, *options: str) -> str:
    done = subprocess.run(
        index_command(*options),
        cwd=root,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_killed_index_resumes_and_ends_as_a_clean_build(tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    total = len(list(make_archive(killed, 8).glob("*.txt")))
    make_archive(clean, 8)
    child = subprocess.Popen(
        index_command(), cwd=killed, env=child_env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        # Killed once two batches are committed, with most of the archive left.
        while len(cache_rows(killed)) < 2 * BATCH and time.monotonic() < deadline:
            assert child.poll() is None, "the build ended before it could be killed"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    kept = len(cache_rows(killed))
    assert 2 * BATCH <= kept < total
    # Whole batches only: a kill loses the batch in flight, never half of one.
    assert kept % BATCH == 0

    out = run_index(killed)
    assert f"{total} documents ({total - kept} analysed, {kept} from the cache)" in out
    run_index(clean)
    assert cache_rows(killed) == cache_rows(clean)
    assert len(cache_rows(clean)) == total
    assert facts_rows(killed) == facts_rows(clean)
    assert len(facts_rows(clean)) == total


def test_workers_build_the_same_cache_as_one_process(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    make_archive(one, 2)
    make_archive(two, 2)
    out = run_index(one)
    assert "10 documents (10 analysed, 0 from the cache)" in out
    # Indexed by the build as they were analysed, and counted so.
    assert "fact index: 10 documents (10 added, 0 changed, 0 removed)" in out
    out = run_index(two, "--workers", "2")
    assert "10 documents (10 analysed, 0 from the cache)" in out
    assert "fact index: 10 documents (10 added, 0 changed, 0 removed)" in out
    assert re.search(r"largest worker process [\d,]+ MiB", out)
    assert cache_rows(one) == cache_rows(two)
    assert facts_rows(one) == facts_rows(two) and len(facts_rows(one)) == 10


@pytest.mark.parametrize(
    "options",
    [["--workers", "0"], ["--batch-size", "x"], ["--workers", "2", "--cluster", "local:2"]],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
) -> None:
    make_archive(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    assert main(["index", *options]) == 2


def _stderr_on_a_terminal(root: Path, env: dict[str, str]) -> bytes:
    """What ``factcheck index`` writes to standard error when that is a terminal."""
    leader, follower = pty.openpty()
    written: list[bytes] = []

    def read() -> None:  # while it runs: a full terminal buffer would block the child
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the other end is closed: all is read
                return
            if not chunk:
                return
            written.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        done = subprocess.run(
            index_command(), cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=follower,
            timeout=600, check=False,
        )  # fmt: skip
    finally:
        os.close(follower)
        reader.join(timeout=60)
        os.close(leader)
    assert done.returncode == 0
    return b"".join(written)


@pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")
def test_the_progress_line_is_drawn_on_a_terminal_only(tmp_path: Path) -> None:
    no_ci = {k: v for k, v in os.environ.items() if k != "CI"}
    terminal, ci, piped = tmp_path / "terminal", tmp_path / "ci", tmp_path / "piped"
    # Enough work to outlast the line's delay of a second, even on the rule-based pipeline.
    make_archive(terminal, 8)
    for root in (ci, piped):
        make_archive(root, 1)
    drawn = _stderr_on_a_terminal(terminal, no_ci)
    assert re.search(rb"indexing \[[#-]+\] \d+/40 [\d,]+ words/s \S+ left", drawn), drawn
    assert b"indexing [" not in _stderr_on_a_terminal(ci, {**no_ci, "CI": "true"})
    done = subprocess.run(
        index_command(), cwd=piped, env=no_ci, capture_output=True, timeout=600, check=True
    )
    assert b"indexing [" not in done.stderr
