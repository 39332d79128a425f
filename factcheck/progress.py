"""A progress line on standard error for long runs: done/total, rate, time left.

The rate is items a second, or words a second when the caller counts the
words of the text it has dealt with (the corpus index build does).

Shown only on a terminal: when standard error is not a TTY (a CI log, a pipe,
a file) or ``CI`` is set, nothing at all is written, so logs stay clean. It
appears after ``delay`` seconds, so that short runs never flash a bar, is
redrawn at most ``interval`` times a second, and is erased when the work ends,
so the findings that follow start on a clean line.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

Item = TypeVar("Item")
Clock = Callable[[], float]

DELAY = 1.0  # seconds before the line first appears
INTERVAL = 0.1  # seconds between redraws
_WIDTH = 20  # characters of the bar itself


def progress_wanted(stream: TextIO) -> bool:
    """A terminal, and not a CI job (some CI runners give jobs a pseudo-terminal)."""
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # a closed stream
        return False


class Progress:
    """Counts work done and draws ``label [####----] 12/40 3.1/s 9s left`` in place."""

    def __init__(
        self,
        label: str,
        total: int,
        stream: TextIO,
        *,
        enabled: bool | None = None,
        delay: float = DELAY,
        clock: Clock = time.monotonic,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.words = 0
        self._stream = stream
        self._enabled = progress_wanted(stream) if enabled is None else enabled
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._drawn_at: float | None = None

    def advance(self, count: int = 1, *, words: int = 0) -> None:
        """``count`` more items done; ``words`` of text in them, when the work is text."""
        self.done += count
        self.words += words
        if not self._enabled:
            return
        now = self._clock()
        if now - self._started < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < INTERVAL and not self.finished:
            return
        self._drawn_at = now
        self._stream.write("\r" + self.line(now) + "\x1b[K")
        self._stream.flush()

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def line(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        filled = _WIDTH * self.done // self.total if self.total else _WIDTH
        bar = "#" * filled + "-" * (_WIDTH - filled)
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f"{_duration(left)} left" if left is not None else "? left"
        # Text work is timed in words: documents vary too much in length.
        speed = f"{self.words / elapsed:,.0f} words/s" if self.words else f"{rate:.1f}/s"
        return f"{self.label} [{bar}] {self.done}/{self.total} {speed} {eta}"

    def close(self) -> None:
        if self._drawn_at is not None:
            self._stream.write("\r\x1b[K")  # erase the line: what follows starts clean
            self._stream.flush()
            self._drawn_at = None

    def track(self, items: Iterable[Item]) -> Iterator[Item]:
        """Each item of ``items``, counting one done after it has been dealt with."""
        try:
            for item in items:
                yield item
                self.advance()
        finally:
            self.close()


def _duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


ProgressFactory = Callable[[str, int], Progress]


def terminal_progress(stream: TextIO) -> ProgressFactory:
    """Progress lines on ``stream``, shown only if it is a terminal."""

    def start(label: str, total: int) -> Progress:
        return Progress(label, total, stream)

    return start
