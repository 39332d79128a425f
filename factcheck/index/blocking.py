"""Blocking keys for fuzzy name look-up: a misspelt name word finds the known words
it may be a spelling of by a few exact look-ups, never by comparing every word.

The rules are the name book's (:mod:`factcheck.facts.names.spelling`): two words one edit or
an adjacent swap apart share a form with one letter left out (symmetric
deletion), and two romanisations of a word share their romanisation key; a
candidate is kept only when :func:`~factcheck.facts.names.spelling.words_close` says so,
and weighted by its rapidfuzz ratio.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from factcheck.facts.names.spelling import deletion_forms, romanisation_key, words_close
from factcheck.nlp.casing import fold_case

# One letter out finds one edit; two would multiply the table by the word length.
_DELETION_DEPTH = 1


def word_blocks(word: str) -> frozenset[str]:
    """The blocks of a name word: its deletion forms and those of its romanisation key."""
    lower = fold_case(word)
    return frozenset(
        deletion_forms(lower, _DELETION_DEPTH)
        | deletion_forms(romanisation_key(lower), _DELETION_DEPTH)
    )


def closeness(written: str, known: str, threshold: float) -> float:
    """How far ``known`` stands in for ``written`` (0 to 1): 0 unless the name
    book would take them for one word spelt two ways (with context, its widest
    reading: retrieval gathers, the checkers decide)."""
    if not words_close(written, known, threshold, context=True):
        return 0.0
    return fuzz.ratio(fold_case(written), fold_case(known)) / 100.0
