"""Rewriting a draft: the old text survives every failure, and the policy holds."""

from __future__ import annotations

import errno
import functools
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import rewrite
from factcheck.rewrite import NotRewritten, clean_stale_temporaries, write_atomically
from tests.conftest import REPO

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files")
OLD = "Yacheslav Volodin spoke.\n"
NEW = "Vyacheslav Volodin spoke.\n"


def _draft(folder: Path, text: str = OLD, name: str = "draft.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- the policy ---------------------------------------------------------------


@POSIX
def test_a_read_only_file_is_not_rewritten(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    path.chmod(0o444)
    with pytest.raises(NotRewritten, match="read-only") as refusal:
        write_atomically(path, NEW, expected=OLD)
    assert refusal.value.refused
    assert path.read_text(encoding="utf-8") == OLD
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert _names(tmp_path) == ["draft.md"]


@POSIX
def test_a_file_with_two_hard_links_is_not_rewritten(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    other = tmp_path / "other.md"
    os.link(path, other)
    with pytest.raises(NotRewritten, match="2 hard links"):
        write_atomically(path, NEW, expected=OLD)
    assert os.path.samefile(path, other)
    assert other.read_text(encoding="utf-8") == OLD


@POSIX
def test_a_link_to_a_file_inside_its_folder_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    target = _draft(tmp_path / "2024")
    link = tmp_path / "current.md"
    link.symlink_to(Path("2024") / "draft.md")
    write_atomically(link, NEW, expected=OLD)
    assert link.is_symlink() and os.readlink(link) == os.path.join("2024", "draft.md")
    assert target.read_text(encoding="utf-8") == NEW


@POSIX
def test_a_link_to_a_file_outside_its_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "elsewhere").mkdir()
    target = _draft(tmp_path / "elsewhere")
    link = tmp_path / "drafts" / "draft.md"
    link.symlink_to(target)
    with pytest.raises(NotRewritten, match="outside its folder"):
        write_atomically(link, NEW, expected=OLD)
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") == OLD


@POSIX
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_file_of_another_owner_keeps_its_owner(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    os.chown(path, 65534, 65534)
    write_atomically(path, NEW, expected=OLD)
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)
    assert path.read_text(encoding="utf-8") == NEW


def test_a_file_changed_since_it_was_checked_is_not_rewritten(tmp_path: Path) -> None:
    editor = "Yacheslav Volodin spoke, the editor added.\n"
    path = _draft(tmp_path, editor)
    with pytest.raises(NotRewritten, match="changed while checking") as refusal:
        write_atomically(path, NEW, expected=OLD)
    assert refusal.value.refused
    assert path.read_text(encoding="utf-8") == editor


@POSIX
@pytest.mark.parametrize("how", ["in place", "by rename"])
def test_a_save_during_the_write_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = _draft(tmp_path)
    saved = "The editor's save.\n"
    real_write = os.write

    def save_then_write(descriptor: int, data: bytes | memoryview) -> int:
        if path.read_text(encoding="utf-8") != saved:
            if how == "in place":
                path.write_text(saved, encoding="utf-8")
            else:
                (tmp_path / "editor.swp").write_text(saved, encoding="utf-8")
                os.replace(tmp_path / "editor.swp", path)
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", save_then_write)
    with pytest.raises(NotRewritten, match="changed while checking"):
        write_atomically(path, NEW, expected=OLD)
    assert path.read_text(encoding="utf-8") == saved
    assert _names(tmp_path) == ["draft.md"]


def test_a_fifo_or_folder_is_not_a_draft_to_rewrite(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(NotRewritten, match="not a regular file"):
        write_atomically(tmp_path / "folder.md", NEW)


# --- failures leave the old text ----------------------------------------------


@pytest.mark.parametrize("call", ["write", "fsync"])
@pytest.mark.parametrize("anonymous", [True, False])
def test_a_full_disk_leaves_the_draft_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, anonymous: bool
) -> None:
    path = _draft(tmp_path)
    if not anonymous:
        monkeypatch.setattr(rewrite, "O_TMPFILE", None)

    def full(*args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, full)
    with pytest.raises(NotRewritten, match="No space left on device") as failure:
        write_atomically(path, NEW, expected=OLD)
    assert not failure.value.refused
    assert path.read_text(encoding="utf-8") == OLD
    assert _names(tmp_path) == ["draft.md"]


_NOBODY = 65534
_AS_NOBODY = ["setpriv", f"--reuid={_NOBODY}", f"--regid={_NOBODY}", "--clear-groups"]
_REWRITE_AND_SAY_WHY_NOT = (
    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
    "from factcheck.rewrite import NotRewritten, write_atomically\n"
    "try:\n"
    "    write_atomically(Path(sys.argv[2]), 'new\\n', expected=sys.argv[3])\n"
    "except NotRewritten as error:\n"
    "    print(error.problem)\n"
)


def _rewrite_in_a_child(path: Path, command: list[str]) -> str:
    """Run write_atomically in a child (``command`` in front: as another user)."""
    child = subprocess.run(
        [*command, sys.executable, "-c", _REWRITE_AND_SAY_WHY_NOT, str(REPO), str(path), OLD],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 0, child.stderr
    return child.stdout


@pytest.fixture()
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private one, so that another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-rewrite-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


@functools.cache
def _root_with_setpriv() -> bool:
    """Root, setpriv, and a checkout and interpreter that nobody can reach (a
    clone inside a private folder, such as mktemp -d's, is out of its reach)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = "import sys; sys.path.insert(0, sys.argv[1]); import factcheck.rewrite"
    child = subprocess.run(
        [*_AS_NOBODY, sys.executable, "-c", probe, str(REPO)], capture_output=True, timeout=60
    )
    return child.returncode == 0


@POSIX
def test_a_read_only_folder_leaves_the_draft(shared_folder: Path) -> None:
    """A real read-only folder; as root (which ignores the bits) in a child run as nobody."""
    path = _draft(shared_folder)
    command: list[str] = []
    if os.geteuid() == 0:
        if not _root_with_setpriv():
            pytest.skip("needs root, setpriv and a checkout nobody can read")
        os.chown(path, _NOBODY, _NOBODY)  # the file is nobody's; the folder is not
        command = _AS_NOBODY
    shared_folder.chmod(0o555)
    assert "Permission denied" in _rewrite_in_a_child(path, command)
    assert path.read_text(encoding="utf-8") == OLD
    assert _names(shared_folder) == ["draft.md"]


@pytest.mark.skipif(
    not _root_with_setpriv(), reason="needs root, setpriv and a checkout nobody can read"
)
def test_a_draft_of_another_owner_is_not_given_to_the_runner(shared_folder: Path) -> None:
    path = _draft(shared_folder)
    path.chmod(0o666)  # root's, and writable by anyone: only the owner would be lost
    shared_folder.chmod(0o777)
    assert "owned by user 0" in _rewrite_in_a_child(path, _AS_NOBODY)
    assert path.read_text(encoding="utf-8") == OLD
    assert path.stat().st_uid == 0
    assert _names(shared_folder) == ["draft.md"]


@pytest.fixture()
def tiny_tmpfs() -> Iterator[Path]:
    """A 64 KiB tmpfs, only where mounting needs no more than we already have."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount")
    mount_point = Path(tempfile.mkdtemp(prefix="factcheck-tmpfs-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        mount_point.rmdir()
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
        mount_point.rmdir()


def test_a_really_full_disk_leaves_the_draft(tiny_tmpfs: Path) -> None:
    path = _draft(tiny_tmpfs)
    with pytest.raises(NotRewritten, match="No space left on device"):
        write_atomically(path, NEW * 10_000, expected=OLD)
    assert path.read_text(encoding="utf-8") == OLD
    assert _names(tiny_tmpfs) == ["draft.md"]


# --- kills ------------------------------------------------------------------

_WRITER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from factcheck import rewrite
if sys.argv[4] == "named":
    rewrite.O_TMPFILE = None
if sys.argv[5] == "pause":
    real_write, calls = os.write, []
    def paused_write(descriptor, data):
        calls.append(1)
        if len(calls) == 3:  # mid-way through: say so, and wait to be killed
            print("writing", flush=True)
            time.sleep(60)
        return real_write(descriptor, data)
    os.write = paused_write
path = Path(sys.argv[2])
old = path.read_text(encoding="utf-8")
print("ready", flush=True)
rewrite.write_atomically(path, sys.argv[3] * (len(old) // len(sys.argv[3])), expected=old)
"""

BIG_OLD = "Yacheslav Volodin spoke at length.\n" * 300_000  # about 10 MB
BIG_NEW_LINE = "Vyacheslav Volodin spoke at length.\n"


def _writer(path: Path, temporary: str, pause: bool) -> subprocess.Popen[str]:
    mode = "pause" if pause else "run"
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(REPO), str(path), BIG_NEW_LINE, temporary, mode],
        stdout=subprocess.PIPE,
        text=True,
    )


def _old_or_new(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text == BIG_OLD:
        return "old"
    assert text == BIG_NEW_LINE * (len(BIG_OLD) // len(BIG_NEW_LINE)), "a torn draft"
    return "new"


@POSIX
@pytest.mark.parametrize("temporary", ["anonymous", "named"])
def test_a_kill_mid_write_leaves_the_draft(tmp_path: Path, temporary: str) -> None:
    path = _draft(tmp_path, BIG_OLD)
    writer = _writer(path, temporary, pause=True)
    assert writer.stdout is not None
    assert writer.stdout.readline() == "ready\n"
    assert writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert _old_or_new(path) == "old"
    if temporary == "anonymous":
        assert _names(tmp_path) == ["draft.md"]  # nothing to clean: the file had no name
    clean_stale_temporaries(path)  # what the next run does first
    assert _names(tmp_path) == ["draft.md"]


@POSIX
def test_kills_at_random_moments_leave_the_old_or_the_new_draft(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = _draft(tmp_path, BIG_OLD)
    outcomes = []
    for _ in range(12):
        path.write_text(BIG_OLD, encoding="utf-8")
        writer = _writer(path, "anonymous", pause=False)
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.08))  # anywhere in the write, or after it
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        outcomes.append(_old_or_new(path))
        clean_stale_temporaries(path)
        assert _names(tmp_path) == ["draft.md"]
    assert "old" in outcomes


def test_stale_temporaries_of_dead_runs_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    dead = tmp_path / ".draft.md.factcheck-2147483646-0123abcd.tmp"
    live = tmp_path / f".draft.md.factcheck-{os.getppid()}-0123abcd.tmp"
    unrelated = tmp_path / ".draft.md.swp"
    for stray in (dead, live, unrelated):
        stray.write_text("x", encoding="utf-8")
    write_atomically(path, NEW, expected=OLD)
    assert _names(tmp_path) == sorted([path.name, live.name, unrelated.name])


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes")
def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    try:
        os.setxattr(path, "user.factcheck-test", b"kept")
    except OSError:
        pytest.skip("no user attributes on this file system")
    write_atomically(path, NEW, expected=OLD)
    assert os.getxattr(path, "user.factcheck-test") == b"kept"
    assert path.read_text(encoding="utf-8") == NEW


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes")
def test_an_attribute_that_cannot_be_copied_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _draft(tmp_path)
    try:
        os.setxattr(path, "user.factcheck-test", b"kept")
    except OSError:
        pytest.skip("no user attributes on this file system")

    def refuse(*args: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "setxattr", refuse)
    with pytest.raises(NotRewritten, match=r"user\.factcheck-test"):
        write_atomically(path, NEW, expected=OLD)
    assert path.read_text(encoding="utf-8") == OLD
    assert _names(tmp_path) == ["draft.md"]
