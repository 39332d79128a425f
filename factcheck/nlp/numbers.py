"""Number words for counts: "10th", "tenth", "twenty-first", "1,000", "twenty-five".

Reading takes one token as a tokenizer gives it (hyphenated compounds are one
token); spaces between words are accepted too, so that whatever
:func:`ordinal_words` writes reads back. Values run from 0 to
:data:`MAX_VALUE` (just under a thousand trillion) in words and in digits; a
longer number is not read at all (Python refuses to convert more than 4,300
digits, and no count is that large).
"""

from __future__ import annotations

import re

__all__ = [
    "MAX_VALUE",
    "cardinal_value",
    "cardinal_words",
    "format_ordinal_like",
    "ordinal_suffix",
    "ordinal_value",
    "ordinal_words",
]

_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
# 20, 30, ... 90
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# The scale words, largest first, and what each multiplies by.
_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 10**3))
_SCALE_VALUES = dict(_SCALES)
MAX_VALUE = 10**15 - 1
_MAX_DIGITS = len(str(MAX_VALUE))

_UNIT_VALUES = {word: value for value, word in enumerate(_UNITS)}
_TEN_VALUES = {word: 20 + 10 * i for i, word in enumerate(_TENS)}

# The ordinal of each word that can end a number, by that word's cardinal form.
_ORDINAL_OF_WORD = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _to_ordinal_word(cardinal: str) -> str:
    if cardinal in _ORDINAL_OF_WORD:
        return _ORDINAL_OF_WORD[cardinal]
    if cardinal.endswith("y"):  # twenty -> twentieth
        return cardinal[:-1] + "ieth"
    return cardinal + "th"  # four -> fourth, hundred -> hundredth


_CARDINAL_OF_ORDINAL = {
    _to_ordinal_word(word): word for word in (*_UNITS[1:], *_TENS, "hundred", *_SCALE_VALUES)
}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_ORDINAL = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)", re.IGNORECASE)
_WORD_SEPARATOR = re.compile(r"[-\s]+")


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal ("22nd", "tenth", "Seventy-Fifth"), or None.

    The suffix of a digit ordinal is not checked against the number ("22th"
    reads as 22): whether it is the right one is for a checker to say.
    """
    text = word.strip().lower()
    digits = _DIGIT_ORDINAL.fullmatch(text)
    if digits:
        return _digits_value(digits.group(1))
    parts = _split_words(text)
    if not parts or parts[-1] not in _CARDINAL_OF_ORDINAL:
        return None
    value = _words_value([*parts[:-1], _CARDINAL_OF_ORDINAL[parts[-1]]])
    return value if value else None  # there is no "zeroth" count


def cardinal_value(word: str) -> int | None:
    """The value of a cardinal ("10", "1,000", "ten", "twenty-five"), or None."""
    text = word.strip().lower()
    if _DIGITS.fullmatch(text):
        return _digits_value(text)
    return _words_value(_split_words(text))


def _digits_value(digits: str) -> int | None:
    """The value of "1,000" or "1000", or None past :data:`MAX_VALUE`."""
    plain = digits.replace(",", "")
    # Length first: int() of a 4,301-digit string raises, whatever it holds.
    return int(plain) if len(plain) <= _MAX_DIGITS else None


def ordinal_suffix(n: int) -> str:
    """``n`` in digits with its English suffix: 1st, 2nd, 3rd, 11th, 21st, 111th."""
    if n < 0:
        raise ValueError(f"no ordinal for {n}")
    # 11th, 12th, 13th (and 111th...) break the rule of the last digit.
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cardinal_words(n: int) -> str:
    """``n`` in words: "twenty-five", "one hundred one", "two million ten"."""
    if not 0 <= n <= MAX_VALUE:
        raise ValueError(f"{n} is outside 0..{MAX_VALUE:,}")
    words: list[str] = []
    for scale, size in _SCALES:
        group, n = divmod(n, size)
        if group:
            words.append(f"{_below_thousand_words(group)} {scale}")
    if n or not words:
        words.append(_below_thousand_words(n))
    return " ".join(words)


def ordinal_words(n: int) -> str:
    """``n`` as an ordinal in words: "tenth", "twenty-first", "one hundredth"."""
    if n < 1:
        raise ValueError(f"no ordinal word for {n}")
    cardinal = cardinal_words(n)
    # Only the last word changes: "twenty-one" -> "twenty-first".
    cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
    return cardinal[:cut] + _to_ordinal_word(cardinal[cut:])


def format_ordinal_like(n: int, example: str) -> str:
    """``n`` written as ``example`` is: "10th" -> "11th", "Tenth" -> "Eleventh".

    An example starting with a digit gives digits and a suffix (with thousands
    separators if the example has them, upper-case if its suffix is); any other
    example gives words in the example's capitalisation.
    """
    example = example.strip()
    if example[:1].isdigit() or not 1 <= n <= MAX_VALUE:  # no words for it: digits
        digits = ordinal_suffix(n)
        if "," in example:
            digits = f"{n:,}" + digits[len(str(n)) :]
        return digits.upper() if example.isupper() else digits
    return _match_case(ordinal_words(n), example)


def _split_words(text: str) -> list[str]:
    return [part for part in _WORD_SEPARATOR.split(text) if part]


def _below_hundred_words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    word = _TENS[tens - 2]
    return f"{word}-{_UNITS[unit]}" if unit else word


def _below_thousand_words(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_hundred_words(rest)
    head = f"{_UNITS[hundreds]} hundred"
    return f"{head} {_below_hundred_words(rest)}" if rest else head


def _words_value(parts: list[str]) -> int | None:
    """The value of cardinal words, or None unless they form exactly one number.

    Groups below a thousand, each but the last followed by a scale word, the
    scales falling: "two million forty thousand and six".
    """
    total, end = 0, 0
    smallest_scale = MAX_VALUE + 1  # the next scale must be below this
    while end < len(parts):
        start = end
        group, end = _parse_below_thousand(parts, end)
        if group is None:
            if start > 0 or parts[start] not in _SCALE_VALUES:
                return None
            group, end = 1, start  # a scale alone, as in "thousandth"
        scale = _SCALE_VALUES.get(parts[end]) if end < len(parts) else None
        if scale is None:
            return total + group if end == len(parts) else None
        if scale >= smallest_scale:
            return None  # "one thousand two thousand"
        smallest_scale = scale
        total += group * scale
        end = _skip_and(parts, end + 1)
        if end == len(parts) and parts[-1] == "and":
            return None  # a dangling "and" belongs to nothing
    return total if parts else None


def _parse_below_thousand(parts: list[str], start: int) -> tuple[int | None, int]:
    """The value of the words from ``start`` below 1000, and where they end."""
    i = start
    value = 0
    if i + 1 < len(parts) and parts[i] in _UNIT_VALUES and parts[i + 1] == "hundred":
        if not 1 <= _UNIT_VALUES[parts[i]] <= 9:
            return None, start
        value = _UNIT_VALUES[parts[i]] * 100
        i += 2
    elif i < len(parts) and parts[i] == "hundred":  # "hundredth": one hundred
        value = 100
        i += 1
    if value:
        after_and = _skip_and(parts, i)
        rest, end = _parse_below_hundred(parts, after_and)
        if rest is None:
            # A dangling "and" belongs to nothing: "one hundred and" is not a number.
            return (value, i) if after_and == i else (None, start)
        return value + rest, end
    return _parse_below_hundred(parts, i)


def _parse_below_hundred(parts: list[str], i: int) -> tuple[int | None, int]:
    if i >= len(parts):
        return None, i
    word = parts[i]
    if word in _TEN_VALUES:
        value = _TEN_VALUES[word]
        if i + 1 < len(parts) and 1 <= _UNIT_VALUES.get(parts[i + 1], 0) <= 9:
            return value + _UNIT_VALUES[parts[i + 1]], i + 2
        return value, i + 1
    if word in _UNIT_VALUES:
        return _UNIT_VALUES[word], i + 1
    return None, i


def _skip_and(parts: list[str], i: int) -> int:
    return i + 1 if i < len(parts) and parts[i] == "and" else i


def _match_case(words: str, example: str) -> str:
    letters = [c for c in example if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return words.upper()
    pieces = _split_words(example)
    if len(pieces) > 1 and all(piece[:1].isupper() for piece in pieces):
        # "Twenty-First" style: every word capitalised, separators kept.
        return re.sub(r"[a-z]+", lambda m: m.group(0).capitalize(), words)
    if example[:1].isupper():
        return words[:1].upper() + words[1:]
    return words
