"""Undoing FRANK's (CNN/DailyMail's) tokenisation, so the text reads as a newsroom writes.

The summaries are lower-cased and tokenised (``the study 's findings , he said
.``); the checkers read capitals and punctuation, so both are restored: the
spacing rules below, then each word's capitalisation as the article writes it.
"""

from __future__ import annotations

import re
from collections import Counter

_BRACKETS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"}
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"`\s*"), "'"),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+\)"), ")"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m|')(?=\s|$|[.,;:!?])", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+([.,;:!?%])"), r"\1"),
    (re.compile(r"([$#£€])\s+(?=\d)"), r"\1"),
    (re.compile(r"\s+-\s+(?=\w)"), " - "),
    (re.compile(r"[ \t]{2,}"), " "),
)
_SENTENCE_START = re.compile(r"(^|[.!?]\"?\s+)([a-z])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def detokenise(text: str) -> str:
    """FRANK's token spacing undone: ``study 's`` -> ``study's``, ``-lrb-`` -> ``(``."""
    for token, bracket in _BRACKETS.items():
        text = re.sub(re.escape(token), bracket, text, flags=re.IGNORECASE)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text.strip()


def truecase(text: str, reference: str) -> str:
    """Words capitalised as ``reference`` mostly writes them, sentences started with capitals.

    FRANK's summaries are lower-cased; the article they summarise is not.
    """
    forms: dict[str, Counter[str]] = {}
    for word in _WORD.findall(reference):
        forms.setdefault(word.lower(), Counter())[word] += 1

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        counts = forms.get(word.lower())
        if not counts:
            return word
        # The article's sentence starts capitalise common words; prefer a lower-case form
        # when it is used at all, unless the capitalised one is much more frequent.
        lower = counts.get(word.lower(), 0)
        best, best_count = counts.most_common(1)[0]
        return word.lower() if lower and lower * 3 >= best_count else best

    cased = _WORD.sub(recase, text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), cased)
