"""Whether the corpus changed on disk: file names, sizes and modification times.

A fingerprint is one ``stat`` per corpus file plus the folder walk and glob
expansion the engine itself does, so it is cheap next to a check; it is still
taken at most once per ``interval`` seconds, however many requests arrive.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.sources import expand_paths

Fingerprint = tuple[tuple[str, int, int], ...] | str


def fingerprint(patterns: Sequence[str], base: Path) -> Fingerprint:
    """(path, size, mtime) of every corpus file, or the error that expanding them met."""
    try:
        paths = expand_paths(list(patterns), base)
    except InputError as error:
        # A missing folder is a state of the corpus too: its disappearance and
        # its return are both changes.
        return str(error)
    entries = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            entries.append((str(path), -1, -1))
            continue
        entries.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(entries)


class CorpusWatch:
    """Tells when the corpus files differ from the last time it was asked."""

    def __init__(
        self,
        patterns: Sequence[str],
        *,
        base: Path,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._patterns = tuple(patterns)
        self._base = base
        self._interval = interval
        self._clock = clock
        self._checked_at = clock()
        self.current: Fingerprint = fingerprint(self._patterns, base)

    def changed(self) -> bool:
        """True once per change; False when asked again within ``interval`` seconds."""
        now = self._clock()
        if now - self._checked_at < self._interval:
            return False
        self._checked_at = now
        latest = fingerprint(self._patterns, self._base)
        if latest == self.current:
            return False
        self.current = latest
        return True
