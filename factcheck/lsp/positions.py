"""Character offsets to LSP positions and back.

factcheck's spans count Python characters (code points); an LSP position
counts code units of the encoding agreed at ``initialize`` (UTF-16 unless the
client offers another), and LSP lines end at "\\n", "\\r\\n" or "\\r". An emoji
before a finding is one character to factcheck and two UTF-16 units to the
editor: getting this wrong shifts every range after it.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BMP_END = 0xFFFF


def code_units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` the characters of ``text`` take."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        # surrogatepass: a lone surrogate (possible in editor text) still counts.
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > _BMP_END)


class PositionMap:
    """Maps offsets in one text to LSP positions in one encoding, and back."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0]
        self._ends: list[int] = []  # where each line's content ends, before its break
        for match in _LINE_BREAK.finditer(text):
            self._ends.append(match.start())
            self._starts.append(match.end())
        self._ends.append(len(text))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return types.Position(
            line=line, character=code_units(self.text[start:offset], self.encoding)
        )

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``, clamped to its line as the LSP asks: a
        character past the end of a line means the end of that line."""
        if position.line >= len(self._starts):
            return len(self.text)
        offset, end = self._starts[position.line], self._ends[position.line]
        units = 0
        while offset < end:
            units += code_units(self.text[offset], self.encoding)
            if units > position.character:
                break
            offset += 1
        return offset

    def line_end(self, line: int) -> int:
        """The offset where 0-based ``line``'s content ends, before its line break."""
        return self._ends[min(line, len(self._ends) - 1)]
