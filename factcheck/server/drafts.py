"""Opening a draft by path, only from inside the served folder.

The path is resolved with every symbolic link followed before it is compared
with the folder, so neither ``..`` nor a link that points outside gets out.
Only the kinds of file factcheck reads are opened, and no larger than the
request body cap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import decode_text, read_regular_file
from factcheck.errors import InputError
from factcheck.server.errors import ApiError
from factcheck.sources import TEXT_SUFFIXES


@dataclass(frozen=True)
class Draft:
    path: str  # relative to the served folder, with forward slashes
    text: str


def resolve_under_root(root: Path, requested: str) -> tuple[Path, str]:
    """The real file for ``requested`` and its name relative to ``root``; 403 outside it."""
    if not requested or "\x00" in requested:
        raise ApiError(400, "give the draft's path relative to the served folder")
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(real_root / requested))
    if not real.is_relative_to(real_root):
        raise ApiError(403, f"{requested}: outside the served folder")
    return real, real.relative_to(real_root).as_posix()


def open_draft(root: Path, requested: str, *, limit: int) -> Draft:
    real, name = resolve_under_root(root, requested)
    if not real.name.lower().endswith(TEXT_SUFFIXES):
        raise ApiError(400, f"{requested}: not a draft (use {', '.join(TEXT_SUFFIXES)})")
    try:
        size = real.stat().st_size
        if real.is_dir():
            raise ApiError(400, f"{requested}: is a directory")
        if size > limit:
            raise ApiError(413, f"{requested}: {size} bytes; the limit is {limit}")
        # Regular files only, and never more than the limit: a FIFO or a device
        # under the root must not hang or flood the server.
        data = read_regular_file(str(real), name, limit=limit)
    except InputError as error:
        raise ApiError(400, str(error)) from None
    except FileNotFoundError:
        raise ApiError(404, f"{requested}: no such file") from None
    except OSError as error:
        raise ApiError(400, f"{requested}: {error.strerror or error}") from None
    try:
        return Draft(path=name, text=decode_text(data, name).text)
    except InputError as error:
        raise ApiError(400, str(error)) from None
