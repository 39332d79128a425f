"""Applying safe fixes to a draft's text, locating what is left, and showing diffs.

Writing the fixed text back is :mod:`factcheck.rewrite`'s concern.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
from collections.abc import Sequence

from factcheck.model import Finding, Span
from factcheck.output.safe import escape_line
from factcheck.positions import LineIndex


def _fix_for(text: str, finding: Finding) -> str | None:
    """The replacement if ``finding`` is a safe fix whose span still holds its text."""
    span = finding.span
    if not finding.safe_fix or finding.fix is None or span.end > len(text):
        return None
    if finding.suppressed:
        # Shown by --no-ignore, but the editor silenced it: the copy stays as written.
        return None
    # A stale finding (the text changed since the check) must not be applied.
    return finding.fix if text[span.start : span.end] == finding.found else None


def _choose(text: str, findings: Sequence[Finding]) -> list[tuple[Finding, str]]:
    """The fixes to apply, by position: where two overlap, the first one wins."""
    candidates = [(f, fix) for f in findings if (fix := _fix_for(text, f)) is not None]
    candidates.sort(key=lambda pair: pair[0].span)  # stable: ties keep report order
    chosen: list[tuple[Finding, str]] = []
    for finding, fix in candidates:
        if chosen:
            previous = chosen[-1][0].span
            # Empty spans (insertions) never overlap by the offsets alone, so two
            # at the same place are caught by the equality test.
            if finding.span.start < previous.end or finding.span == previous:
                continue
        chosen.append((finding, fix))
    return chosen


def apply_fixes(text: str, findings: Sequence[Finding]) -> tuple[str, list[Finding]]:
    """Apply the safe fixes of ``findings`` to ``text``; return it and the fixes applied.

    Spans are character offsets into ``text``.
    """
    chosen = _choose(text, findings)
    return _apply(text, chosen), [finding for finding, _fix in chosen]


def _apply(text: str, chosen: Sequence[tuple[Finding, str]]) -> str:
    # One join, not a copy of the text per fix: linear in the text and the fixes.
    parts, at = [], 0
    for finding, fix in chosen:
        parts += [text[at : finding.span.start], fix]
        at = finding.span.end
    parts.append(text[at:])
    return "".join(parts)


@dataclasses.dataclass(frozen=True)
class FixResult:
    """A draft's text with its safe fixes applied, and its findings located in it.

    An applied finding's span is where its fix now stands; a remaining
    finding's span is moved by the fixes before it, so that every line and
    column refers to the fixed text (the file as it is once written).
    """

    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]


def fix_text(text: str, findings: Sequence[Finding]) -> FixResult:
    """Apply the safe fixes of ``findings`` to ``text`` and relocate every finding."""
    chosen = _choose(text, findings)
    fixed = _apply(text, chosen)
    offsets = _OffsetMap([(f.span.start, f.span.end, len(fix)) for f, fix in chosen])
    lines = LineIndex(fixed)
    moved_applied = []
    for finding, fix in chosen:
        start = offsets.moved(finding.span.start)
        moved_applied.append(_located(finding, Span(start, start + len(fix)), lines))
    applied_ids = {id(finding) for finding, _fix in chosen}
    remaining = [
        _located(f, Span(offsets.moved(f.span.start), offsets.moved(f.span.end)), lines)
        for f in findings
        if id(f) not in applied_ids
    ]
    return FixResult(fixed, tuple(moved_applied), tuple(remaining))


class _OffsetMap:
    """Offsets in a text to offsets in it after non-overlapping edits, sorted by start."""

    def __init__(self, edits: Sequence[tuple[int, int, int]]) -> None:
        self._edits = edits
        self._ends = [end for _start, end, _length in edits]
        self._shifts = [0]
        for start, end, length in edits:
            self._shifts.append(self._shifts[-1] + length - (end - start))

    def moved(self, offset: int) -> int:
        done = bisect.bisect_right(self._ends, offset)  # edits wholly before ``offset``
        shift = self._shifts[done]
        if done < len(self._edits) and self._edits[done][0] < offset:
            # Inside a replaced span: the nearest place in its replacement.
            start, _end, length = self._edits[done]
            return start + shift + min(offset - start, length)
        return offset + shift


def _located(finding: Finding, span: Span, lines: LineIndex) -> Finding:
    line, column = lines.position(span.start)
    end_line, end_column = lines.position(span.end)
    return dataclasses.replace(
        finding, span=span, line=line, column=column, end_line=end_line, end_column=end_column
    )


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at "\n" only (str.splitlines also splits
    at form feeds and Unicode separators, which are ordinary characters here)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def unified_diff(path: str, before: str, after: str) -> str:
    """A ``git diff``-style unified diff of one file ("" when nothing changed)."""
    # "a//tmp/x.md" would make patch -p1 write to an absolute path.
    name = escape_line(path.lstrip("/"))
    diff = difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}")
    # As diff(1) does, mark a last line without a newline, so that patch can apply it.
    # Draft text is escaped: a diff is read in a terminal or a CI log.
    return "".join(
        escape_line(line)
        if line.endswith("\n")
        else escape_line(line) + "\n\\ No newline at end of file\n"
        for line in diff
    )
