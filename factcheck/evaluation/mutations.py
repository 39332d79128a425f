"""Text operations for error injection: misspellings, transliterations, dates, rewording.

Pure functions of their input and a seeded :class:`random.Random`, so that an
injection run is reproducible and each operation can be tested alone.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from factcheck.nlp.timex import month_name, weekday_name

# Letters next to each other on a QWERTY keyboard: the substitutions a typist makes.
_KEYBOARD_NEIGHBOURS = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}  # fmt: skip

# Romanisation variants that newsrooms really mix up (Russian and Chinese names).
_TRANSLITERATIONS: tuple[tuple[str, str], ...] = (
    ("Vya", "Via"), ("ya", "ia"), ("yu", "iu"), ("Zh", "J"), ("zh", "j"), ("X", "Hs"),
    ("kh", "h"), ("ei", "ey"), ("V", "W"), ("j", "dj"),
)  # fmt: skip

MISSPELLINGS = ("dropped", "doubled", "swapped", "substituted")

# Verbs and adjectives whose synonyms reword a sentence without touching a fact.
REWORDINGS = {
    "said": "stated", "emphasized": "stressed", "emphasised": "stressed",
    "underscored": "stressed", "highlighted": "underlined", "noted": "observed",
    "strengthen": "reinforce", "enhance": "boost", "important": "key", "urged": "pressed",
}  # fmt: skip

_DAY_IN_TEXT = re.compile(r"\b(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?\b")


def misspell(word: str, operation: str, rng: random.Random) -> str | None:
    """``word`` with one typing error of the given kind, or None when it does not apply."""
    if len(word) < 3:
        return None
    # Never touch the first letter: readers (and checkers) anchor on it.
    position = rng.randrange(1, len(word) - 1) if len(word) > 2 else 1
    if operation == "dropped":
        return word[:position] + word[position + 1 :]
    if operation == "doubled":
        return word[: position + 1] + word[position] + word[position + 1 :]
    if operation == "swapped":
        a, b = word[position], word[position + 1] if position + 1 < len(word) else ""
        if not b or a == b:
            return None
        return word[:position] + b + a + word[position + 2 :]
    if operation == "substituted":
        letter = word[position].lower()
        choices = _KEYBOARD_NEIGHBOURS.get(letter, "")
        if not choices:
            return None
        new = rng.choice(choices)
        return (
            word[:position]
            + (new.upper() if word[position].isupper() else new)
            + word[position + 1 :]
        )
    raise ValueError(f"unknown misspelling {operation!r}")


def transliterate(name: str) -> str | None:
    """Another romanisation of ``name`` ("Vyacheslav" -> "Viacheslav"), or None."""
    for before, after in _TRANSLITERATIONS:
        if re.search(rf"(?<![A-Za-z]){before}" if before[0].isupper() else before, name):
            pattern = rf"(?<![A-Za-z]){before}" if before[0].isupper() else before
            return re.sub(pattern, after, name, count=1)
    return None


_MODALS = re.compile(r"\b(must|should|will|can|would|could|is|are)\b", re.IGNORECASE)


def negate(text: str) -> str | None:
    """The quotation's first modal or copula negated: "must expand" -> "must not expand"."""
    found = _MODALS.search(text)
    if found is None:
        return None
    return text[: found.end()] + " not" + text[found.end() :]


def shift_day(text: str, day: int, new_day: int) -> str | None:
    """A date as written with its day changed: "21st November 2023" -> "23rd November 2023"."""
    for match in _DAY_IN_TEXT.finditer(text):
        if int(match.group("day")) != day:
            continue
        written = ordinal_digits(new_day) if match.group("suffix") else str(new_day)
        return text[: match.start()] + written + text[match.end() :]
    return None


def replace_weekday(text: str, weekday: int, new_weekday: int) -> str | None:
    old = weekday_name(weekday)
    found = re.search(old, text, flags=re.IGNORECASE)
    if found is None:
        return None
    new = weekday_name(new_weekday)
    written = new.upper() if found.group().isupper() else new
    return text[: found.start()] + written + text[found.end() :]


def rewrite_date(date: dt.date, text: str, *, with_year: bool) -> str:
    """The same date in another common style than ``text``'s."""
    month = month_name(date.month)
    year = f" {date.year}" if with_year else ""
    day_first = bool(re.match(r"\s*\d", text))
    if day_first:
        return f"{month} {date.day}{',' if with_year else ''}{year}"
    return f"{date.day} {month}{year}"


def ordinal_digits(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def same_case(word: str, example: str) -> str:
    """``word`` capitalised as ``example`` is: "speaker" like "Chairman" -> "Speaker"."""
    if example.isupper():
        return word.upper()
    if example[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
