"""Draft sentences against parallel corpus sentences: swapped names, dates, numbers.

The corpus sentences are indexed by the people and bodies they name, and
those with numbers by their content words too (a number's clause may name
nobody); a draft is aligned once, and the checkers of that draft share the
alignment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from factcheck.facts.alignment import (
    AlignedSentence,
    EntityKey,
    Swap,
    TimePair,
    aligned_sentences,
    find_swaps,
    paired_times,
)
from factcheck.facts.anchor_alignment import (
    AnchoredSentence,
    AnchorIndex,
    SlotContradiction,
    anchored_sentences,
)
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.events import planned, same_occasion
from factcheck.facts.names.namebook import normalise_name
from factcheck.facts.number_values import NumberValue
from factcheck.facts.records import Fact, SentenceText
from factcheck.facts.value_alignment import ValuePair, paired_values
from factcheck.model import Analysis, Evidence, Span, TimeExpression

# Which slot-value families each name kind reports; numbers and dates are FC403's.
NAME_FAMILIES = {"person": {"person"}, "org": {"org"}, "place": {"place", "thing"}}
VALUE_FAMILIES = frozenset(["number", "time"])

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
    slots: list[SlotContradiction] | None = None


class ParallelSentences:
    """The corpus sentences by the entities they name, and the last draft's alignment."""

    def __init__(
        self,
        documents: Iterable[DocumentFacts],
        entity_key: EntityKey,
        texts: dict[str, SentenceText],
        same_body: Callable[[str, str], bool] = lambda found, expected: False,
    ) -> None:
        self.entity_key = entity_key
        self.texts = texts
        # Whether two written organisations are one body ("Labour", "the Labor
        # Party"): a slot holding the same body written otherwise is no swap.
        self._same_body = same_body
        self._last_draft: _DraftAlignment | None = None
        self._sentences_by_entity: dict[str, list[AlignedSentence]] = defaultdict(list)
        self._value_sentences_by_word: dict[str, list[AlignedSentence]] = defaultdict(list)
        anchored: list[AnchoredSentence] = []
        numbers: list[NumberValue] = []
        self._aligned: dict[tuple[str, int], AlignedSentence] = {}
        self._times: dict[tuple[str, int], list[TimeExpression]] = defaultdict(list)
        for document in documents:
            # Read once per document, and kept with it: the slot values, the stated
            # numbers and the value items share its number groups.
            anchored.extend(document.anchored)
            numbers.extend(document.stated_numbers)
            for sentence, times in document.times_by_sentence.items():
                self._times[(document.path, sentence)].extend(times)
            keys = [entity_key(mention) for mention in document.analysis.mentions]
            for aligned in document.aligned(keys):
                self._aligned[(aligned.source, aligned.sentence)] = aligned
                for key in aligned.entities:
                    self._sentences_by_entity[key].append(aligned)
                if aligned.value_items:
                    for key in aligned.value_content:
                        self._value_sentences_by_word[key].append(aligned)
        self._anchors = AnchorIndex(anchored)
        self._anchors.add_numbers(numbers)

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
        taken = [pair.draft.span for pair in pairs]
        for slot in self.slot_contradictions(analysis):
            pair = self._slot_times(analysis, slot)
            if pair is not None and not any(pair.draft.span.overlaps(s) for s in taken):
                pairs.append(pair)
        return pairs

    def _slot_times(self, analysis: Analysis, slot: SlotContradiction) -> TimePair | None:
        """A date slot as the dates checker compares dates: both sides' time expressions."""
        if slot.draft.family != "time":
            return None
        draft = _time_at(analysis.times, slot.draft.span)
        source, index = slot.corpus_sentence.source, slot.corpus_sentence.sentence
        corpus = _time_at(self._times.get((source, index), []), slot.corpus.span)
        aligned = self._aligned.get((source, index))
        if draft is None or corpus is None or aligned is None:
            return None
        # A year alone is no occasion ("also won in 1995" beside "won in 1993"): years
        # are compared only as events' times, where "since" makes them one claim.
        if draft.month is None and draft.day is None and draft.weekday is None:
            return None
        # Someone else's occasion: the draft's people must all be in the corpus sentence.
        own = self._draft(analysis).sentences[slot.draft.sentence]
        if not {k for k in own.entities if k.startswith("person:")} <= aligned.entities:
            return None
        # A plan and a past event are two occasions, whatever their days.
        if planned(analysis, slot.draft.sentence) != planned(self.texts[source].analysis, index):
            return None
        return TimePair(draft, corpus, aligned)

    def is_date(self, analysis: Analysis, slot: SlotContradiction) -> bool:
        """A slot whose value is a date on either side: the dates checker's, not FC403's."""
        source, index = slot.corpus_sentence.source, slot.corpus_sentence.sentence
        return (
            _time_at(analysis.times, slot.draft.span) is not None
            or _time_at(self._times.get((source, index), []), slot.corpus.span) is not None
        )

    def swapped_names(self, analysis: Analysis, kind: str) -> list[SwappedName]:
        """Entity swaps of one kind ("person" or "org"), one per draft name, with the
        corpus name most parallel sentences use in its place."""
        by_span: dict[Span, list[Swap]] = defaultdict(list)
        for swap in self.entity_swaps(analysis):
            if swap.draft.kind == kind and swap.draft.mention is not None:
                by_span[swap.draft.mention.span].append(swap)
        found = self._slot_names(analysis, kind, list(by_span))
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

    def slot_contradictions(self, analysis: Analysis) -> list[SlotContradiction]:
        """Draft values the corpus never states where a corpus sentence sharing the
        value's anchors has another value in its role (:mod:`factcheck.facts.anchor_alignment`)."""
        draft = self._draft(analysis)
        if draft.slots is None:
            draft.slots = [
                found
                for sentence in anchored_sentences(analysis)
                for found in self._anchors.contradictions(sentence)
            ]
        return draft.slots

    def _slot_names(self, analysis: Analysis, kind: str, taken: list[Span]) -> list[SwappedName]:
        """Slot contradictions of names of ``kind``, where no entity swap covers them."""
        found = []
        for slot in self.slot_contradictions(analysis):
            if slot.draft.family not in NAME_FAMILIES.get(kind, set()):
                continue
            if any(slot.draft.span.overlaps(span) for span in taken):
                continue
            written, expected = _written(analysis, slot.draft.span), self._corpus_written(slot)
            if kind == "org" and self._same_body(written, expected):
                continue
            found.append(
                SwappedName(
                    span=slot.draft.span,
                    found=written,
                    expected=expected,
                    evidence=self._slot_evidence(slot),
                )
            )
        return found

    def _slot_evidence(self, slot: SlotContradiction) -> tuple[Evidence, ...]:
        fact = Fact()
        sentence = slot.corpus_sentence
        fact.occurrences.append(
            self.texts[sentence.source].occurrence(sentence.sentence, slot.corpus.span)
        )
        return fact.evidence()

    def _corpus_written(self, slot: SlotContradiction) -> str:
        prose = self.texts[slot.corpus_sentence.source].document.prose
        return " ".join(prose[slot.corpus.span.start : slot.corpus.span.end].split())

    def _value_candidates(self, draft: AlignedSentence) -> list[AlignedSentence]:
        """Corpus sentences with numbers that share content words with the draft sentence."""
        candidates: dict[tuple[str, int], AlignedSentence] = {}
        for key in sorted(draft.value_content):
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
        found = [
            found for pairs in by_slot.values() if (found := self._contradiction(pairs)) is not None
        ]
        # A slot the word-by-word alignment reported is not reported twice; one where
        # it agreed on a part ("one" of "one-month" against "one-year") still is.
        taken = [value.span for value in found]
        for slot in self.slot_contradictions(analysis):
            if slot.draft.family not in VALUE_FAMILIES or not _countable(analysis, slot, self):
                continue
            if any(slot.draft.span.overlaps(span) for span in taken):
                continue  # the word-by-word alignment has this slot already
            written = dates.get(slot.corpus_sentence.source)
            if date is not None and written is not None and not same_occasion(date, written):
                continue  # ages and tallies move on
            evidence = self._slot_evidence(slot)
            found.append(
                ContradictedValue(
                    span=slot.draft.span,
                    expected=self._corpus_written(slot),
                    support=evidence[0].support if evidence else 1,
                    split=False,
                    evidence=evidence,
                )
            )
        return found

    def _contradiction(self, pairs: list[ValuePair]) -> ContradictedValue | None:
        groups: dict[tuple[str, tuple[float, ...]], list[ValuePair]] = defaultdict(list)
        for pair in pairs:
            assert pair.draft.value is not None and pair.corpus.value is not None
            if pair.draft.value.same(pair.corpus.value):
                return None  # a parallel sentence gives the draft's number
            value = pair.corpus.value
            groups[value.key].append(pair)
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


def _written(analysis: Analysis, span: Span) -> str:
    """The draft's words at ``span``, from its tokens."""
    return " ".join(t.text for t in analysis.tokens if span.start <= t.span.start < span.end)


def _time_at(times: Iterable[TimeExpression], span: Span) -> TimeExpression | None:
    return next((time for time in times if time.span.overlaps(span)), None)


# A span of time counted ("a one-year anniversary", "35 years ago") is a number
# to compare; any other time value is a date, and dates are the dates checker's.
_DURATION = re.compile(r"\b(?:year|month|week|day|hour|minute)s?\b")


def _countable(analysis: Analysis, slot: SlotContradiction, corpus: ParallelSentences) -> bool:
    if slot.draft.family != "time":
        return True
    both = (slot.draft.key, slot.corpus.key)
    return all(_DURATION.search(key) for key in both) and not corpus.is_date(analysis, slot)
