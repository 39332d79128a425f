"""A swapped participant: a draft sentence that names the people a corpus
sentence names together, about the same occasion, but one of them another.

"A, B and C scored" where the corpus says "tries from A, B and D": a name
written in a list with the draft's other people, two or more
of the draft's people are named together in corpus sentences that share words
with the draft's (the same occasion told again), none of which names C, and
all of which name the same one other person, D. A corpus sentence that names C
with the others agrees; so does one dated more than
:data:`~factcheck.facts.events.OCCASION_WINDOW` from the draft (another match,
another meeting).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.facts.events import same_occasion
from factcheck.facts.names.namebook import name_tokens, normalise_name
from factcheck.facts.parallel_sentences import SwappedName
from factcheck.facts.per_fact_base import built_once_per_fact_base
from factcheck.facts.records import Fact, Occurrence
from factcheck.facts.series import content_words
from factcheck.model import Analysis, Mention

if TYPE_CHECKING:
    from factcheck.facts.corpus import CorpusFacts

# The least number of other participants the draft and the corpus sentence share.
MIN_SHARED_PEOPLE = 2
# The least number of content words (other than names) they share.
MIN_SHARED_WORDS = 2
_NOT_PEOPLE = frozenset(["ORG", "GPE", "NORP", "FAC"])
_LIST_GAP = re.compile(r"\s*(?:,|;|&|,?\s*\band\b|,?\s*\bor\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Sentence:
    people: frozenset[str]
    words: frozenset[str]
    date: dt.date | None
    occurrence: Occurrence


class _Index:
    """The corpus's sentences that name two people or more, by person."""

    def __init__(self, corpus: CorpusFacts) -> None:
        self.sentences: list[_Sentence] = []
        self.by_person: dict[str, list[int]] = defaultdict(list)
        # Who each written name is, asked once per build: a selection writes the
        # same names in document after document.
        known: dict[tuple[str, str], str | None] = {}
        for path, analysis in corpus.analyses.items():
            text = corpus.texts[path]
            for sentence, people in _people_by_sentence(corpus, analysis, known).items():
                if len(people) < MIN_SHARED_PEOPLE:
                    continue
                span = analysis.sentences[sentence].span
                index = len(self.sentences)
                self.sentences.append(
                    _Sentence(
                        frozenset(people),
                        _words(text.document.prose[span.start : span.end], people),
                        corpus.dates.get(path),
                        text.occurrence(sentence, span),
                    )
                )
                for person in people:
                    self.by_person[person].append(index)


@built_once_per_fact_base
def _index(corpus: CorpusFacts) -> _Index:
    return _Index(corpus)


def _person(corpus: CorpusFacts, mention: Mention) -> str | None:
    if mention.label in _NOT_PEOPLE:
        return None
    entity = corpus.person(mention.text)
    if entity is None or entity.kind in _NOT_PEOPLE or len(name_tokens(entity.canonical)) < 2:
        return None
    return entity.canonical


def _people_by_sentence(
    corpus: CorpusFacts,
    analysis: Analysis,
    known: dict[tuple[str, str], str | None] | None = None,
) -> dict[int, dict[str, Mention]]:
    """The people of each sentence; ``known``: who each (label, text) is, as far as
    asked already (:func:`_person` reads only those two)."""
    found: dict[int, dict[str, Mention]] = defaultdict(dict)
    if known is None:
        known = {}
    for mention in analysis.mentions:
        written = (mention.label, mention.text)
        if written in known:
            person = known[written]
        else:
            person = known[written] = _person(corpus, mention)
        if person is not None:
            found[mention.sentence].setdefault(person, mention)
    return found


def _words(text: str, people: Iterable[str]) -> frozenset[str]:
    """The sentence's content words, without the words of its people's names."""
    names = {w.lower() for person in people for w in name_tokens(person)}
    return frozenset(content_words(text) - names)


def swapped_participants(
    corpus: CorpusFacts, analysis: Analysis, prose: str, date: dt.date | None
) -> list[SwappedName]:
    """Draft people a corpus sentence of the same occasion names another in place of."""
    index = _index(corpus)
    found: list[SwappedName] = []
    for sentence, people in _people_by_sentence(corpus, analysis).items():
        if len(people) <= MIN_SHARED_PEOPLE:
            continue
        span = analysis.sentences[sentence].span
        words = _words(prose[span.start : span.end], people)
        for person, mention in people.items():
            if not _listed(prose, mention, people.values()):
                continue  # a swap stands in a list: "A, B and C"
            others = set(people) - {person}
            told = [
                index.sentences[i]
                for i in _naming_all(index, others)
                if _same_occasion(index.sentences[i], words, date)
            ]
            if not told or any(person in s.people for s in told):
                continue
            instead = {p for s in told for p in s.people - set(people)}
            if len(instead) != 1 or _written_within(person, next(iter(instead))):
                continue
            fact = Fact(occurrences=[s.occurrence for s in told])
            found.append(
                SwappedName(
                    span=mention.span,
                    found=normalise_name(mention.text),
                    expected=instead.pop(),
                    evidence=fact.evidence(),
                )
            )
    return found


def _written_within(a: str, b: str) -> bool:
    """One name is the other's words, or some of them ("Sebastian Vettel" and a
    caption run into it, "Sebastian Vettel Vettel"): one person, written otherwise.
    A shared surname alone is not: "Jon Hauge" and "Nils Hauge" are two people."""
    words_a = {w.lower() for w in name_tokens(a)}
    words_b = {w.lower() for w in name_tokens(b)}
    return words_a <= words_b or words_b <= words_a


def _listed(prose: str, mention: Mention, mentions: Iterable[Mention]) -> bool:
    """Is the name written in a list with another of the sentence's names, with
    only commas and "and" between them?"""
    for other in mentions:
        if other is mention:
            continue
        first, second = sorted((mention.span, other.span))
        if _LIST_GAP.fullmatch(prose[first.end : second.start]):
            return True
    return False


def _same_occasion(sentence: _Sentence, words: frozenset[str], date: dt.date | None) -> bool:
    if len(sentence.words & words) < MIN_SHARED_WORDS:
        return False
    return date is None or sentence.date is None or same_occasion(date, sentence.date)


def _naming_all(index: _Index, people: set[str]) -> list[int]:
    """The corpus sentences that name every one of ``people``, from the shortest list."""
    lists = sorted((index.by_person.get(p, []) for p in people), key=len)
    if not lists or not lists[0]:
        return []
    rest = [set(found) for found in lists[1:]]
    return [i for i in lists[0] if all(i in r for r in rest)]
