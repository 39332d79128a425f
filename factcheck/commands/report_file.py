"""``--output-file``: the report written all at once, never half-written.

The text goes to a temporary file in the same folder, then replaces the
target in one rename, so a reader (or a crash) never sees part of a report.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from factcheck.errors import InputError


def write_report(path: Path, text: str) -> None:
    # Through a link to the file it names: the link itself stays a link.
    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(str(path), f"cannot write the report: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes the file private; a report is as readable as any new file.
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as error:
        # Any failure, Ctrl-C too, leaves no temporary file behind.
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(str(path), f"cannot write the report: {error.strerror}") from None
        raise


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777  # a report written again keeps its mode
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
