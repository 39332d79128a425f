"""``--output-file``: written all at once, readable, errors named."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck.commands.report_file import write_report
from factcheck.errors import InputError


def test_the_report_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_report(target, "new report\n")
    assert target.read_text() == "new report\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_a_new_report_is_not_private(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    write_report(target, "x\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_folder_that_does_not_exist_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write the report"):
        write_report(tmp_path / "missing" / "report.txt", "x\n")


def test_a_report_through_a_link_writes_the_file_it_names(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "latest.txt"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    write_report(link, "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_an_interrupted_write_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_report(tmp_path / "report.txt", "text\n")
    assert os.listdir(tmp_path) == []
