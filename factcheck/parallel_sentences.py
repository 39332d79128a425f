"""Draft sentences against parallel corpus sentences: swapped names, dates, numbers.

The corpus sentences are indexed by the people and bodies they name, and
those with numbers by their content words too (a number's clause may name
nobody); a draft is aligned once, and the checkers of that draft share the
alignment.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.alignment import (
    AlignedSentence,
    EntityKey,
    Swap,
    TimePair,
    aligned_sentences,
    find_swaps,
    paired_times,
)
from factcheck.events import same_occasion
from factcheck.fact_records import Fact, SentenceText
from factcheck.model import Analysis, Evidence, Span
from factcheck.namebook import normalise_name
from factcheck.value_alignment import ValuePair, paired_values

# A word in more corpus sentences than this finds no candidates by itself: it is
# too common to make two sentences parallel, and skipping it keeps look-ups short.
MAX_SENTENCES_PER_WORD = 200


@dataclass(frozen=True)
class SwappedName:
    """A draft name that parallel corpus sentences replace with another."""

    span: Span
    found: str
    expected: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ContradictedValue:
    """A draft number where parallel corpus sentences give another, and none the draft's."""

    span: Span
    expected: str  # the corpus's number as the most documents write it
    support: int  # documents that give it
    split: bool  # the corpus gives more than one other number
    evidence: tuple[Evidence, ...]


@dataclass
class _DraftAlignment:
    """A draft's aligned sentences and, once computed, its entity swaps."""

    analysis: Analysis
    sentences: list[AlignedSentence]
    swaps: list[Swap] | None = None


class ParallelSentences:
    """The corpus sentences by the entities they name, and the last draft's alignment."""

    def __init__(
        self,
        analyses: Iterable[Analysis],
        entity_key: EntityKey,
        texts: dict[str, SentenceText],
    ) -> None:
        self.entity_key = entity_key
        self.texts = texts
        self._last_draft: _DraftAlignment | None = None
        self._sentences_by_entity: dict[str, list[AlignedSentence]] = defaultdict(list)
        self._value_sentences_by_word: dict[str, list[AlignedSentence]] = defaultdict(list)
        for analysis in analyses:
            for aligned in aligned_sentences(analysis, entity_key):
                for key in aligned.entities:
                    self._sentences_by_entity[key].append(aligned)
                if aligned.value_items:
                    for key in {i.key for i in aligned.value_items if i.is_content}:
                        self._value_sentences_by_word[key].append(aligned)

    def _candidates(self, draft: AlignedSentence) -> list[AlignedSentence]:
        """Corpus sentences that name one of the draft sentence's people or bodies."""
        candidates: dict[tuple[str, int], AlignedSentence] = {}
        for key in sorted(draft.entities):
            for corpus in self._sentences_by_entity.get(key, ()):
                candidates[(corpus.source, corpus.sentence)] = corpus
        return list(candidates.values())

    def _draft(self, analysis: Analysis) -> _DraftAlignment:
        """The last draft's alignment: the checkers of one draft share it."""
        if self._last_draft is None or self._last_draft.analysis is not analysis:
            self._last_draft = _DraftAlignment(
                analysis, aligned_sentences(analysis, self.entity_key)
            )
        return self._last_draft

    def entity_swaps(self, analysis: Analysis) -> list[Swap]:
        """Names in ``analysis`` that parallel corpus sentences put another name in place of."""
        draft = self._draft(analysis)
        if draft.swaps is None:
            draft.swaps = [
                swap
                for sentence in draft.sentences
                for swap in find_swaps(sentence, self._candidates(sentence))
            ]
        return draft.swaps

    def parallel_times(self, analysis: Analysis) -> list[TimePair]:
        """The dates in ``analysis`` with the dates parallel corpus sentences give instead."""
        pairs: list[TimePair] = []
        for sentence in self._draft(analysis).sentences:
            pairs.extend(paired_times(sentence, self._candidates(sentence)))
        return pairs

    def swapped_names(self, analysis: Analysis, kind: str) -> list[SwappedName]:
        """Entity swaps of one kind ("person" or "org"), one per draft name, with the
        corpus name most parallel sentences use in its place."""
        by_span: dict[Span, list[Swap]] = defaultdict(list)
        for swap in self.entity_swaps(analysis):
            if swap.draft.kind == kind and swap.draft.mention is not None:
                by_span[swap.draft.mention.span].append(swap)
        found = []
        for span, swaps in by_span.items():
            votes: dict[str, list[Swap]] = defaultdict(list)
            for swap in swaps:
                votes[swap.corpus.key].append(swap)
            chosen = max(
                votes.values(), key=lambda group: len({s.corpus_sentence.source for s in group})
            )
            fact = Fact()
            for swap in chosen:
                assert swap.corpus.mention is not None
                sentence = swap.corpus_sentence
                fact.occurrences.append(
                    self.texts[sentence.source].occurrence(
                        sentence.sentence, swap.corpus.mention.span
                    )
                )
            assert chosen[0].corpus.mention is not None and chosen[0].draft.mention is not None
            found.append(
                SwappedName(
                    span=span,
                    found=normalise_name(chosen[0].draft.mention.text),
                    expected=normalise_name(chosen[0].corpus.mention.text),
                    evidence=fact.evidence(),
                )
            )
        return found

    def _value_candidates(self, draft: AlignedSentence) -> list[AlignedSentence]:
        """Corpus sentences with numbers that share content words with the draft sentence."""
        candidates: dict[tuple[str, int], AlignedSentence] = {}
        for key in sorted({i.key for i in draft.value_items if i.is_content}):
            found = self._value_sentences_by_word.get(key, [])
            if len(found) <= MAX_SENTENCES_PER_WORD:
                for corpus in found:
                    candidates[(corpus.source, corpus.sentence)] = corpus
        return list(candidates.values())

    def contradicted_values(
        self,
        analysis: Analysis,
        date: dt.date | None,
        dates: Mapping[str, dt.date | None],
    ) -> list[ContradictedValue]:
        """Numbers in ``analysis`` that parallel corpus sentences give otherwise, and
        never as the draft does. The draft's own document counts too: a sentence
        it states verbatim agrees.

        Ages and running tallies move on, so a corpus document dated outside one
        occasion of the draft's ``date`` may agree but never contradicts."""
        by_slot: dict[Span, list[ValuePair]] = defaultdict(list)
        for sentence in self._draft(analysis).sentences:
            if not sentence.value_items:
                continue
            for pair in paired_values(sentence, self._value_candidates(sentence)):
                assert pair.draft.value is not None and pair.corpus.value is not None
                written = dates.get(pair.corpus_sentence.source)
                stale = (
                    date is not None and written is not None and not same_occasion(date, written)
                )
                if stale and not pair.draft.value.same(pair.corpus.value):
                    continue
                by_slot[pair.draft.value.span].append(pair)
        return [
            found for pairs in by_slot.values() if (found := self._contradiction(pairs)) is not None
        ]

    def _contradiction(self, pairs: list[ValuePair]) -> ContradictedValue | None:
        groups: dict[tuple[str, tuple[float, ...]], list[ValuePair]] = defaultdict(list)
        for pair in pairs:
            assert pair.draft.value is not None and pair.corpus.value is not None
            if pair.draft.value.same(pair.corpus.value):
                return None  # a parallel sentence gives the draft's number
            value = pair.corpus.value
            groups[(value.kind, tuple(round(a, 6) for a in value.amount))].append(pair)
        if not groups:
            return None
        chosen = max(
            groups.values(), key=lambda group: len({p.corpus_sentence.source for p in group})
        )
        fact = Fact()
        for pair in chosen:
            assert pair.corpus.value is not None
            sentence = pair.corpus_sentence
            fact.occurrences.append(
                self.texts[sentence.source].occurrence(sentence.sentence, pair.corpus.value.span)
            )
        first = chosen[0]
        assert first.draft.value is not None and first.corpus.value is not None
        corpus_span = first.corpus.value.span
        prose = self.texts[first.corpus_sentence.source].document.prose
        return ContradictedValue(
            span=first.draft.value.span,
            expected=" ".join(prose[corpus_span.start : corpus_span.end].split()),
            support=fact.support,
            split=len(groups) > 1,
            evidence=fact.evidence(),
        )
