"""Cutting long lines down around the interesting part, and marking it with carets.

Drafts often keep a whole paragraph on one line, so a finding's line is clipped
to a window around its span; widths count East Asian wide characters as two
columns and combining marks as none, so that carets land under the span.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class Excerpt:
    """A window of a line; ``start``/``end`` locate the interesting part inside ``text``."""

    text: str
    start: int
    end: int


def clip(line: str, start: int, end: int, width: int) -> Excerpt:
    """Cut ``line`` to about ``width`` characters, keeping ``[start, end)`` in view.

    Offsets are 0-based indexes into ``line``. Cut sides get an ellipsis.
    """
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    if len(line) <= width:
        return Excerpt(line, start, end)
    # Show the part with a little context before it; if the part itself is too
    # long, show its beginning, which is where the reader's eye goes.
    context = max(0, (width - (end - start)) // 3)
    left = max(0, start - context)
    right = min(len(line), left + width)
    left = max(0, min(left, right - width))
    text = line[left:right]
    shift = left
    if left > 0:
        text = ELLIPSIS + text
        shift -= 1
    visible_end = len(text)
    if right < len(line):
        text += ELLIPSIS
    return Excerpt(text, start - shift, min(end - shift, visible_end))


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def caret_marker(line: str, start: int, end: int) -> str:
    """Spaces up to ``start`` (tabs kept, so they expand alike), then carets to ``end``."""
    pad = "".join("\t" if char == "\t" else " " * char_width(char) for char in line[:start])
    return pad + "^" * max(1, text_width(line[start:end]))
