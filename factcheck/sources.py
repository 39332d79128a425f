"""Expanding corpus and draft arguments (files, directories, globs) and reading ``-``.

``expand_paths`` does not treat ``-`` specially (a file may be named so): the
caller turns a ``-`` argument into :func:`read_stdin`.

Expansion never follows a symbolic link to a folder (a link back up the tree
would make the walk endless), and a link to a file is taken only when the file
lies inside the folder or the pattern's fixed part being expanded: a corpus
folder must not pull in ``/etc/passwd``. A file named explicitly is taken as
named. Each real file (device and inode) is listed once.

``skip`` (see :mod:`factcheck.exclusions`) leaves out what a walk or a glob
finds: folders are not entered, files not listed. A file named explicitly is
never skipped here.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from factcheck.documents import (
    AUTO_ENCODING,
    MAX_DOCUMENT_BYTES,
    UTF8_BOM,
    decode_text,
    document_from_text,
    too_large,
)
from factcheck.errors import InputError
from factcheck.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN_PATH = "-"
_GLOB_CHARACTERS = frozenset("*?[")
_RECURSIVE = "**"

# (path, is_folder) -> whether a walk leaves it out.
Skip = Callable[[Path, bool], bool]
# What a listing keeps of a file's stat: device, inode, size, modification time.
_Status = tuple[int, int, int, int]


def _skip_nothing(_path: Path, _is_folder: bool) -> bool:
    return False


class ListedFile(NamedTuple):
    """A file that corpus or draft arguments name, with its size and modification
    time as the listing's own ``stat`` found them (-1 and -1 when it could not)."""

    path: str  # as ``str`` of the file's ``Path`` would write it
    size: int
    mtime_ns: int


def expand_paths(patterns: Sequence[str], base: Path, *, skip: Skip = _skip_nothing) -> list[Path]:
    """The files named by ``patterns``, in order, each once; relative ones under ``base``."""
    return [Path(listed.path) for listed in list_files(patterns, base, skip=skip)]


def list_files(
    patterns: Sequence[str], base: Path, *, skip: Skip = _skip_nothing
) -> list[ListedFile]:
    """:func:`expand_paths` as strings, each with its stamp: one ``stat`` a file.

    An archive folder holds 10^5 files and a check lists them all, so this is on
    strings: a ``Path`` and a second ``stat`` for each cost a second at 100,000.
    """
    expanded: list[tuple[str, _Status | None]] = []
    for pattern in patterns:
        if _GLOB_CHARACTERS.intersection(pattern):
            expanded.extend(
                (str(path), _status(path))
                for path in _expand_glob(pattern, base)
                if not skip(path, False)
            )
            continue
        path = base / pattern
        if path.is_dir():
            expanded.extend(_text_files_under(path, skip))
        elif path.exists():
            # A file named explicitly is wanted whatever its extension.
            expanded.append((str(path), _status(path)))
        else:
            raise InputError(pattern, "no such file or directory")
    return [
        ListedFile(name, -1, -1) if status is None else ListedFile(name, status[2], status[3])
        for name, status in _unique(expanded)
    ]


def read_stdin(stream: TextIO | None = None, *, encoding: str = AUTO_ENCODING) -> Document:
    """All of standard input (or ``stream``) as a plain-text document named ``-``."""
    source = sys.stdin if stream is None else stream
    binary = getattr(source, "buffer", None)
    # One unit more than allowed tells an endless stream (/dev/zero) from a big one.
    if binary is not None:
        # Read bytes so that the encoding is ours, whatever the locale says.
        data = binary.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(STDIN_PATH, too_large(MAX_DOCUMENT_BYTES))
        decoded = decode_text(data, STDIN_PATH, encoding=encoding)
        return document_from_text(STDIN_PATH, decoded.text, kind="txt", encoding=decoded.encoding)
    text = source.read(MAX_DOCUMENT_BYTES + 1)
    if len(text) > MAX_DOCUMENT_BYTES:
        raise InputError(STDIN_PATH, too_large(MAX_DOCUMENT_BYTES))
    return document_from_text(STDIN_PATH, text.removeprefix(UTF8_BOM.decode("utf-8")), kind="txt")


def _expand_glob(pattern: str, base: Path) -> list[Path]:
    absolute = os.path.isabs(pattern)
    drive, rest = os.path.splitdrive(pattern)
    parts = rest.replace(os.sep, "/").split("/")
    if absolute:
        # The anchor ("/" or "C:\\") is where the walk starts, and is written as is.
        anchor = drive + os.sep
        parts = [part for part in parts if part] if parts[0] == "" else parts
        start, written = anchor, anchor
    else:
        start, written = os.fspath(base), ""
    fixed = list(_fixed_prefix(parts))
    # Links found by the wildcards must not lead out of the pattern's fixed part.
    boundary = os.path.realpath(os.path.join(start, *fixed))
    # Matches are sorted as written, so they read as the pattern was.
    matches = sorted(set(_match(start, written, parts)))
    files = [
        base / match
        for match in matches
        if (base / match).is_file() and _inside(base / match, boundary)
    ]
    if not files:
        raise InputError(pattern, "pattern matched no files")
    return files


def _fixed_prefix(parts: Sequence[str]) -> Iterator[str]:
    for part in parts[:-1]:
        if _GLOB_CHARACTERS.intersection(part):
            return
        yield part


def _match(folder: str, written: str, parts: Sequence[str]) -> Iterator[str]:
    """Paths (as written, joined to ``written``) matching ``parts`` under ``folder``.

    Like glob's recursive mode, but ``**`` does not descend into linked folders
    (so that a link loop cannot make it endless), and each folder is listed
    once per ``**``.
    """
    if not parts:
        yield written
        return
    head, rest = parts[0], parts[1:]
    if head == _RECURSIVE:
        yield from _match(folder, written, rest)
        for name, is_folder in _entries(folder, hidden=False):
            if is_folder and not os.path.islink(os.path.join(folder, name)):
                yield from _match(os.path.join(folder, name), os.path.join(written, name), parts)
            elif not rest:
                yield os.path.join(written, name)
    elif _GLOB_CHARACTERS.intersection(head):
        for name, _is_folder in _entries(folder, hidden=head.startswith(".")):
            if fnmatch.fnmatch(name, head):
                yield from _match(os.path.join(folder, name), os.path.join(written, name), rest)
    elif head == "" and not rest:
        yield written  # a trailing slash
    elif os.path.lexists(os.path.join(folder, head)):
        yield from _match(os.path.join(folder, head), os.path.join(written, head), rest)


def _entries(folder: str, *, hidden: bool) -> list[tuple[str, bool]]:
    try:
        with os.scandir(folder) as entries:
            return [
                (entry.name, entry.is_dir())
                for entry in entries
                if hidden or not entry.name.startswith(".")
            ]
    except OSError:  # not a folder, or unreadable: no matches, as glob does
        return []


def _inside(path: Path, boundary: str) -> bool:
    """A file reached through a link counts only when it lies within ``boundary``."""
    real = os.path.realpath(path)
    return os.path.commonpath([real, boundary]) == boundary


def _text_files_under(directory: Path, skip: Skip) -> list[tuple[str, _Status | None]]:
    """The text files under ``directory``, sorted by their parts below it, each
    with its ``stat`` (None if it failed).

    One ``scandir`` a folder, on strings: an archive folder holds 10^5 files,
    and a ``Path`` and a ``realpath`` for each cost seconds. Links to folders
    are not entered (a link loop cannot trap the walk), so a file that is not a
    link lies inside the folder by construction; only a link to a file has its
    target resolved and checked.
    """
    boundary = os.path.realpath(directory)
    # Sorted by the parts below ``directory`` joined with NUL, which sorts below
    # every character a name can hold: the order of the parts compared one by one
    # ("a/x.txt" before "a.txt"), and a file of the top folder is its own key.
    found: list[tuple[str, str, _Status | None]] = []
    skips = skip is not _skip_nothing
    pending: list[tuple[str, str]] = [(os.fspath(directory), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            scanned = os.scandir(folder)
        except OSError:
            continue  # unreadable: left out, as os.walk leaves it
        with scanned:
            # Entries one at a time, not listed first: a folder of 10^5 files
            # held 10^5 entries at once.
            while (entry := _next_entry(scanned)) is not None:
                listed = _listed_entry(entry, prefix, boundary, skip if skips else None)
                if isinstance(listed, str):
                    pending.append((entry.path, listed))
                elif listed is not None:
                    found.append(listed)
    found.sort(key=lambda item: item[0])
    return [(path, status) for _, path, status in found]


def _next_entry(scanned: Iterator[os.DirEntry[str]]) -> os.DirEntry[str] | None:
    """The folder's next entry; None at its end, or where it stops being readable
    (what was read of it stays listed)."""
    try:
        return next(scanned)
    except (StopIteration, OSError):
        return None


def _listed_entry(
    entry: os.DirEntry[str], prefix: str, boundary: str, skip: Skip | None
) -> tuple[str, str, _Status | None] | str | None:
    """A text file's (sort key, path, stat); a folder to walk's key prefix; or None."""
    name = entry.name
    if name.startswith("."):
        return None
    if entry.is_dir(follow_symlinks=False):
        if skip is not None and skip(Path(entry.path), True):
            return None
        return f"{prefix}{name}\0"
    if not name.lower().endswith(TEXT_SUFFIXES):
        return None
    if entry.is_symlink() and (
        os.path.isdir(entry.path) or not _inside(Path(entry.path), boundary)
    ):
        return None  # a link to a folder is not walked; one to a file must stay inside
    if skip is not None and skip(Path(entry.path), False):
        return None
    try:
        status: _Status | None = _kept(entry.stat())  # the link's target, as os.stat
    except OSError:
        status = None
    return (prefix + name, entry.path, status)


def _unique(
    files: Iterable[tuple[str, _Status | None]],
) -> list[tuple[str, _Status | None]]:
    """Each real file once, where it first appears; named as the file itself
    rather than as a link to it when both were found."""
    position: dict[object, int] = {}
    unique: list[tuple[str, _Status | None]] = []
    for file in files:
        identity = _identity(*file)
        if identity not in position:
            position[identity] = len(unique)
            unique.append(file)
        elif os.path.islink(unique[position[identity]][0]) and not os.path.islink(file[0]):
            unique[position[identity]] = file
    return unique


def _status(path: Path) -> _Status | None:
    try:
        return _kept(os.stat(path))
    except OSError:
        return None


def _kept(status: os.stat_result) -> _Status:
    # Four numbers, not the whole result: a listing holds one a file until it ends.
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _identity(path: str, status: _Status | None) -> object:
    """The real file behind ``path``: a link or a second spelling is the same file."""
    if status is None:
        return os.path.normcase(os.path.abspath(path))
    return status[:2]
