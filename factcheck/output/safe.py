"""Draft and corpus text made safe to print: control characters shown, not obeyed.

A draft is untrusted input. Printed raw, its characters could retitle the
terminal or clear it (ESC and C1 sequences), overwrite a finding line with a
forged one (a carriage return), start a GitHub workflow command at the start
of a log line (``\\r::error``), or reorder what the reader sees (bidirectional
overrides such as U+202E). Each such character is printed as an escape
(``\\x1b``, ``\\r``, ``\\u202e``); a tab is kept, as it only moves forward.
"""

from __future__ import annotations

import re

# C0 but the tab, DEL and C1, the bidirectional marks, embeddings, overrides and
# isolates, and the Unicode line and paragraph separators.
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# What json.dumps leaves raw: it escapes C0 itself, so these are all that is left.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` for one line of output: every control character (newlines too) escaped."""
    return _UNSAFE.sub(_escape, text)


def escape_line(line: str) -> str:
    """A line that may end in ``\\n`` or ``\\r\\n``: the ending kept, the rest escaped."""
    for ending in ("\r\n", "\n"):
        if line.endswith(ending):
            return escape_controls(line.removesuffix(ending)) + ending
    return escape_controls(line)


def json_safe(dumped: str) -> str:
    """JSON text with the characters json.dumps leaves raw written as ``\\uXXXX``.

    Valid JSON with the same data: these characters only occur inside strings.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
