"""Applying safe fixes to a draft, writing it back atomically, and showing diffs."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from factcheck.model import Finding


def _fix_for(text: str, finding: Finding) -> str | None:
    """The replacement if ``finding`` is a safe fix whose span still holds its text."""
    span = finding.span
    if not finding.safe_fix or finding.fix is None or span.end > len(text):
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

    Spans are character offsets into ``text``. Fixes are applied from the end
    backwards so that earlier offsets stay valid.
    """
    chosen = _choose(text, findings)
    for finding, fix in reversed(chosen):
        text = text[: finding.span.start] + fix + text[finding.span.end :]
    return text, [finding for finding, _fix in chosen]


_UTF8_BOM = b"\xef\xbb\xbf"


def write_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace the existing file ``path`` with ``text`` in ``encoding``, all at once.

    Readers see the old file or the new one, never a mix. Line endings are
    written as they are in ``text`` (no translation), the original's permission
    bits are kept, and a symbolic link is followed so the link itself survives.
    ``encoding`` is the one the file was read in (``Document.encoding``): a fix
    does not change it. Text it cannot hold raises :class:`UnicodeEncodeError`
    before anything is written.
    """
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(os.stat(target).st_mode)
    # Reading dropped a UTF-8 byte order mark; a fix must not drop it from the file.
    with open(target, "rb") as original:
        if original.read(len(_UTF8_BOM)) == _UTF8_BOM and not text.startswith("\ufeff"):
            text = "\ufeff" + text
    data = text.encode(encoding)
    # Same folder as the target, so os.replace is a rename on one file system.
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        # Any failure, even Ctrl-C, leaves the original untouched and no stray file.
        Path(temporary).unlink(missing_ok=True)
        raise


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at "\n" only (str.splitlines also splits
    at form feeds and Unicode separators, which are ordinary characters here)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def unified_diff(path: str, before: str, after: str) -> str:
    """A ``git diff``-style unified diff of one file ("" when nothing changed)."""
    # "a//tmp/x.md" would make patch -p1 write to an absolute path.
    name = path.lstrip("/")
    diff = difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}")
    # As diff(1) does, mark a last line without a newline, so that patch can apply it.
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    )
