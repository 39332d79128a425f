"""Case folding that keeps a text's length, as ``re.IGNORECASE`` compares letters.

``str.lower`` makes "İ" two characters, and a case-insensitive pattern
matches "Tueſday" (long s) and "Kelvin sign" K, which ``lower`` leaves alone:
looking a matched word up in a table of lower-case words then fails, and
offsets found in a lowered text drift from the original's. :func:`fold_case`
maps the four letters that ``re.IGNORECASE`` equates with ASCII ones to those
ASCII letters, then lowers; one character stays one character.
"""

from __future__ import annotations

__all__ = ["fold_case"]

# Every non-ASCII character that re.IGNORECASE matches to an ASCII letter
# (found by trying them all), and the letter.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """``text`` lower-cased, the same length, with the letters above made ASCII."""
    return text.translate(_TO_ASCII).lower()
