"""Expanding corpus and draft arguments (files, directories, globs) and reading ``-``.

``expand_paths`` does not treat ``-`` specially (a file may be named so): the
caller turns a ``-`` argument into :func:`read_stdin`.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from factcheck.documents import UTF8_BOM, decode_text, document_from_text
from factcheck.errors import InputError
from factcheck.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN_PATH = "-"
_GLOB_CHARACTERS = frozenset("*?[")


def expand_paths(patterns: Sequence[str], base: Path) -> list[Path]:
    """The files named by ``patterns``, in order, each once; relative ones under ``base``."""
    expanded: list[Path] = []
    for pattern in patterns:
        if _GLOB_CHARACTERS.intersection(pattern):
            expanded.extend(_expand_glob(pattern, base))
            continue
        path = base / pattern
        if path.is_dir():
            expanded.extend(_text_files_under(path))
        elif path.exists():
            # A file named explicitly is wanted whatever its extension.
            expanded.append(path)
        else:
            raise InputError(pattern, "no such file or directory")
    return _unique(expanded)


def read_stdin(stream: TextIO | None = None) -> Document:
    """All of standard input (or ``stream``) as a plain-text document named ``-``."""
    source = sys.stdin if stream is None else stream
    binary = getattr(source, "buffer", None)
    if binary is not None:
        # Read bytes so that the encoding is UTF-8 whatever the locale says.
        text = decode_text(binary.read(), STDIN_PATH)
    else:
        text = source.read().removeprefix(UTF8_BOM.decode("utf-8"))
    return document_from_text(STDIN_PATH, text, kind="txt")


def _expand_glob(pattern: str, base: Path) -> list[Path]:
    # root_dir keeps matches relative, so they read as the pattern was written.
    root = None if os.path.isabs(pattern) else base
    matches = sorted(glob.glob(pattern, root_dir=root, recursive=True))
    files = [base / match for match in matches if (base / match).is_file()]
    if not files:
        raise InputError(pattern, "pattern matched no files")
    return files


def _text_files_under(directory: Path) -> list[Path]:
    found: list[Path] = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES)
        )
    return sorted(found, key=lambda path: path.relative_to(directory).parts)


def _unique(paths: Iterable[Path]) -> list[Path]:
    seen: set[str] = set()
    unique: list[Path] = []
    for path in paths:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
