"""Words a name run picked up in front of a name: "Coach Andy Robinson".

A tagger glues a capitalised word to the name after it when the word opens a
sentence or a headline ("Coach Andy Robinson said", "Sprinters Kostas
Kenteris and ..."). Taken as a name of its own, such a spelling is a person
apart from "Andy Robinson", and it claims his words too, so that "Robinson"
alone becomes ambiguous and is left a person of its own. No list of titles
says which words these are (coaches, strikers, judges, sprinters: every beat
has its own): the corpus does. A word it writes in lower case elsewhere is a
common word ("coach", "making"), not a given name, and it stands in front of
a name when what follows it is a name of two words or more that the corpus
writes by itself.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from factcheck.facts.names.spelling import WORD
from factcheck.model import Analysis

# What follows the leading words must be a name of this many words or more: a
# given name that is also a common word ("Will", "Mark") stays with its
# surname, since the surname alone is not looked up.
_SHORTEST_REST = 2

__all__ = ["behind_leading_words", "lower_case_words", "title_led"]


def lower_case_words(analyses: Iterable[Analysis]) -> frozenset[str]:
    """Words written in lower case somewhere: ordinary words, whatever a capital
    at the start of a sentence makes them look like."""
    return frozenset(
        token.lower
        for analysis in analyses
        for token in analysis.tokens
        if token.text.isalpha() and token.text.islower()
    )


def behind_leading_words(name: str, common_words: Collection[str]) -> list[str]:
    """The shorter names ``name`` may be behind leading common words, longest first:
    for "Chief Coach Andy Robinson", "Coach Andy Robinson" and "Andy Robinson" when
    "chief" and "coach" are common words; none when its first word is not one."""
    spans = [match.span() for match in WORD.finditer(name)]
    found: list[str] = []
    for index in range(len(spans) - _SHORTEST_REST):
        start, end = spans[index]
        word = name[start:end]
        if not _title_cased(word) or word.lower() not in common_words:
            break
        found.append(name[spans[index + 1][0] :])
    return found


def title_led(spellings: Iterable[str], common_words: Collection[str]) -> dict[str, str]:
    """Each spelling that is another of ``spellings`` behind leading common words,
    with that other spelling: the shortest there is, so that "Chief Coach Andy
    Robinson" and "Coach Andy Robinson" both go to "Andy Robinson"."""
    known = {spelling.lower(): spelling for spelling in spellings}
    found: dict[str, str] = {}
    for spelling in known.values():
        rests = [r for r in behind_leading_words(spelling, common_words) if r.lower() in known]
        if rests:
            found[spelling] = known[rests[-1].lower()]
    return found


def _title_cased(word: str) -> bool:
    # "Coach", not "US" (an acronym whose lower case is another word) nor "McLaren".
    return word.isalpha() and word[0].isupper() and word[1:].islower()
