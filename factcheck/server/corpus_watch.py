"""Whether the corpus changed on disk: file names, sizes and modification times.

A fingerprint is one ``stat`` per corpus file plus the folder walk and glob
expansion the engine itself does, so it is cheap next to a check; it is still
taken at most once per ``interval`` seconds, however many requests arrive, and
never sooner than :data:`LOOK_SPACING` times as long as the last one took: at
100,000 files a look takes about 0.7 s, and a look every 2 s would hold the
server's lock most of the time (the request that takes it waits for it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.sources import list_files

Fingerprint = tuple[tuple[str, int, int], ...] | str

# The watch waits at least this many times as long as its last look took, so
# that it takes at most about a twentieth of the server's time.
LOOK_SPACING = 20


def fingerprint(patterns: Sequence[str], base: Path) -> Fingerprint:
    """(path, size, mtime) of every corpus file, or the error that expanding them met."""
    try:
        # Each a (path, size, mtime) tuple, -1 and -1 for a file it could not stat.
        return tuple(list_files(list(patterns), base))
    except InputError as error:
        # A missing folder is a state of the corpus too: its disappearance and
        # its return are both changes.
        return str(error)


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
        self._wait = interval
        self._checked_at = clock()
        self.current: Fingerprint = self._look()

    def changed(self) -> bool:
        """True once per change; False when asked again within ``interval`` seconds
        (or ``LOOK_SPACING`` times the last look's length, if that is longer)."""
        now = self._clock()
        if now - self._checked_at < self._wait:
            return False
        self._checked_at = now
        latest = self._look()
        if latest == self.current:
            return False
        self.current = latest
        return True

    def _look(self) -> Fingerprint:
        started = self._clock()
        found = fingerprint(self._patterns, self._base)
        took = self._clock() - started
        # An interval of 0 asks for a look at every request (the tests do).
        self._wait = max(self._interval, LOOK_SPACING * took) if self._interval > 0 else 0.0
        return found
