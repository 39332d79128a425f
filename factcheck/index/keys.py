"""The retrieval keys of one analysis: what a document is found by.

A pure function of the :class:`~factcheck.model.Analysis`, so that a document
and a draft are keyed by the same rules. Each key carries its kind as a
prefix, so that a name word and the same word as a lemma stay apart:

- ``n:`` a name as the name book compares it (:func:`normalise_name`), case-folded;
- ``w:`` each word of a name of three letters or more (a surname alone finds
  the documents that give the whole name);
- ``l:`` the content lemmas of the sentences (not stop words, letters only);
- ``c:`` the heads of counted things ("meeting", "anniversary").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from factcheck.facts.names.namebook import name_tokens, normalise_name
from factcheck.model import Analysis
from factcheck.nlp.casing import fold_case

NAME = "n:"
NAME_WORD = "w:"
LEMMA = "l:"
COUNT_HEAD = "c:"

# Shorter name words ("Xi", "Li") are too many people's; the whole name still keys.
MIN_NAME_WORD = 3
# Shorter lemmas are mostly symbols and abbreviations that key nothing.
MIN_LEMMA = 3


@dataclass(frozen=True)
class DocumentKeys:
    """A document's keys, and the spellings of its names (for fuzzy look-up)."""

    keys: frozenset[str]
    spellings: frozenset[str]


def analysis_keys(analysis: Analysis) -> DocumentKeys:
    keys: set[str] = set()
    spellings: set[str] = set()
    for mention in analysis.mentions:
        spelling = normalise_name(mention.text)
        if not spelling:
            continue
        spellings.add(spelling)
        keys.add(NAME + name_key(spelling))
        keys.update(NAME_WORD + word for word in name_words(spelling))
    for claim in analysis.roles:
        spelling = normalise_name(claim.holder)
        if spelling:
            keys.add(NAME + name_key(spelling))
    # Each distinct written lemma folded once: a document repeats most of its words.
    for written in {token.lemma or token.text for token in analysis.tokens}:
        if len(written) < MIN_LEMMA or not written.isalpha():
            continue
        lemma = fold_case(written)
        if lemma not in STOP_WORDS:
            keys.add(LEMMA + lemma)
    keys.update(COUNT_HEAD + fold_case(count.head) for count in analysis.counts if count.head)
    return DocumentKeys(keys=frozenset(keys), spellings=frozenset(spellings))


def name_key(spelling: str) -> str:
    """The key of a written name: case does not tell two names apart."""
    return fold_case(spelling)


def name_words(spelling: str) -> list[str]:
    """The words of a name that key it alone, case-folded."""
    return [fold_case(w) for w in name_tokens(spelling) if len(w) >= MIN_NAME_WORD]
