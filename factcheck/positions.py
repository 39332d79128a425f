"""Offsets to line and column numbers: the one place that computes them."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps character offsets in ``text`` to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # str.find, not a loop over every character: a check indexes the lines of
        # every document it reads evidence from.
        self._starts = [0]
        find = text.find
        newline = find("\n")
        while newline != -1:
            self._starts.append(newline + 1)
            newline = find("\n", newline + 1)

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
