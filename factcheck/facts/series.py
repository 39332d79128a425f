"""Which numbered series a count belongs to: its "of ..." phrase as content words."""

from __future__ import annotations

import re

SERIES_OVERLAP = 0.5  # share of series words two phrases need in common


def same_series(series_a: frozenset[str], series_b: frozenset[str]) -> bool:
    """Do two "of ..." phrases name one series ("the China-Russia committee ...")?"""
    if not series_a or not series_b:
        return False
    return len(series_a & series_b) / min(len(series_a), len(series_b)) >= SERIES_OVERLAP


def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if w not in _STOP_WORDS and len(w) > 1)


_STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "in",
        "on",
        "at",
        "to",
        "with",
        "their",
        "its",
        "his",
        "her",
        "our",
        "by",
        "as",
        "from",
    ]
)
