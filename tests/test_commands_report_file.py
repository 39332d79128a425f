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
