"""Swapped names: sentences of two documents that say the same thing but name a
different organisation or person in the same place."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.audit.grouping import UnionFind
from factcheck.audit.sides import Disagreement, by_support, side
from factcheck.facts import CorpusFacts, Fact
from factcheck.facts.alignment import AlignedSentence, aligned_sentences
from factcheck.facts.names.namebook import normalise_name
from factcheck.model import Category


@dataclass(frozen=True)
class _Slot:
    """Where one document names an entity in a sentence that another says alike."""

    source: str
    sentence: int
    key: str  # the alignment's entity key: "org:federal assembly", "person:..."


def swap_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    """Parallel sentences of two documents that name different entities in one place.

    Every corpus document is aligned against the others as a draft would be
    (:mod:`factcheck.facts.alignment`). A side's support then counts every document
    that names its entity together with the slot's companions (the other names
    the parallel sentences share), so that one odd article stands out against
    the several that write the same pairing in other words.
    """
    sentences = {
        path: aligned_sentences(analysis, facts.entity_key)
        for path, analysis in facts.analyses.items()
    }
    slots: list[_Slot] = []
    companions: list[frozenset[str]] = []
    index: dict[_Slot, int] = {}
    joined_pairs: list[tuple[int, int]] = []
    for path, analysis in facts.analyses.items():
        for swap in facts.entity_swaps(analysis):
            assert swap.draft.mention is not None and swap.corpus.mention is not None
            here = _Slot(path, swap.draft.mention.sentence, swap.draft.key)
            there = _Slot(
                swap.corpus_sentence.source, swap.corpus_sentence.sentence, swap.corpus.key
            )
            draft_sentence = sentences[path][here.sentence]
            ends = []
            for slot in (here, there):
                if slot not in index:
                    index[slot] = len(slots)
                    slots.append(slot)
                    companions.append(draft_sentence.entities - {here.key})
                ends.append(index[slot])
            joined_pairs.append((ends[0], ends[1]))
    joined = UnionFind(len(slots))
    for a, b in joined_pairs:
        joined.join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in range(len(slots)):
        groups[joined.root(item)].append(item)
    for members in groups.values():
        shared = frozenset.intersection(*(companions[m] for m in members))
        keys = sorted({slots[m].key for m in members})
        yield _swap_disagreement(facts, sentences, keys, shared, [slots[m] for m in members])


def _swap_disagreement(
    facts: CorpusFacts,
    sentences: dict[str, list[AlignedSentence]],
    keys: Sequence[str],
    shared: frozenset[str],
    slots: Sequence[_Slot],
) -> Disagreement:
    sides = []
    for key in keys:
        written: Counter[str] = Counter()
        fact = Fact()
        for sentence in _naming(sentences, key, shared, slots):
            for item in sentence.items:
                if item.key == key and item.mention is not None:
                    written[normalise_name(item.mention.text)] += 1
                    fact.occurrences.append(
                        facts.texts[sentence.source].occurrence(
                            sentence.sentence, item.mention.span
                        )
                    )
                    break
        sides.append(side(written.most_common(1)[0][0], [fact]))
    kind = keys[0].split(":", 1)[0]
    noun = "organisation" if kind == "org" else "person"
    category = Category.TITLE if kind == "org" else Category.NAME
    company = [_written_name(sentences, key) for key in sorted(shared)]
    subject = f"the {noun} named with {' and '.join(company)}" if company else f"the {noun}"
    return Disagreement(category, subject, by_support(sides))


def _naming(
    sentences: dict[str, list[AlignedSentence]],
    key: str,
    shared: frozenset[str],
    slots: Sequence[_Slot],
) -> Iterable[AlignedSentence]:
    """The slots' sentences naming ``key``, and any other naming it with all of ``shared``."""
    at_slots = {(s.source, s.sentence) for s in slots if s.key == key}
    for path, aligned in sentences.items():
        for sentence in aligned:
            if key not in sentence.entities:
                continue
            if (path, sentence.sentence) in at_slots or (shared and shared <= sentence.entities):
                yield sentence


def _written_name(sentences: dict[str, list[AlignedSentence]], key: str) -> str:
    """The way the corpus most often writes the entity behind an alignment key."""
    written: Counter[str] = Counter(
        normalise_name(item.mention.text)
        for aligned in sentences.values()
        for sentence in aligned
        for item in sentence.items
        if item.key == key and item.mention is not None
    )
    return written.most_common(1)[0][0] if written else key.split(":", 1)[-1]
