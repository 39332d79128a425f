"""Offsets to line and column numbers: the one place that computes them."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps character offsets in ``text`` to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._starts = [0]
        self._starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """The offsets where 1-based ``line`` starts and ends (without the newline)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return start, end

    @property
    def line_count(self) -> int:
        return len(self._starts)
