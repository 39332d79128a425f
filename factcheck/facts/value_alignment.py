"""Value slots: a number in a draft sentence against the numbers parallel corpus
sentences have in its place.

Aligned word by word (difflib) with each number one item of its kind, a value
slot is a draft number whose neighbours match a corpus sentence's on both
sides: the noun it counts or measures after it, and the words and names of
the clause before it ("originally VALUE registered bidders", "Mr Boateng,
VALUE, is to become"). The match must be close, because numbers differ for
good reasons between sentences that only look alike:

- the sentences share at least :data:`MIN_OVERLAP` of the draft's content
  words, and at least half of its names;
- the slot has at least :data:`MIN_ANCHORS` matching content words next to it
  (more in a longer sentence), and the word after it matches where the draft
  has one;
- a corpus sentence whose other numbers differ from the draft's too tells of
  another occasion ("won 24-18 in the second round") and is not used.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.facts.alignment import MIN_OVERLAP, AlignedSentence, Item

# Matching content words next to a slot, at the least; a long sentence needs more.
MIN_ANCHORS = 3
# How many content words of the draft sentence one more anchor is asked for.
WORDS_PER_ANCHOR = 8
# How far along the matched words an anchor is looked for.
ANCHOR_REACH = 6


@dataclass(frozen=True)
class ValuePair:
    """The draft's number ``draft`` stands where a parallel corpus sentence has ``corpus``."""

    draft: Item
    corpus: Item
    corpus_sentence: AlignedSentence


def close_enough(draft: AlignedSentence, corpus: AlignedSentence) -> bool:
    """Do the two sentences share enough words and names to compare their numbers?"""
    words = draft.value_content
    if not words:
        return False
    if len(words & corpus.value_content) / len(words) < MIN_OVERLAP:
        return False
    names = draft.value_entities
    return not names or 2 * len(names & corpus.value_entities) >= len(names)


def paired_values(draft: AlignedSentence, candidates: Sequence[AlignedSentence]) -> list[ValuePair]:
    """The draft's numbers and what the parallel corpus sentences have in their slots."""
    if not any(i.value is not None for i in draft.value_items):
        return []
    needed = MIN_ANCHORS + len(draft.value_content) // WORDS_PER_ANCHOR
    pairs: list[ValuePair] = []
    for corpus in candidates:
        if not corpus.value_items or not close_enough(draft, corpus):
            continue
        found = _values_in(draft, corpus, needed)
        differing = [p for p in found if not _same(p)]
        if len(differing) <= 1:
            pairs.extend(found)
        pairs.extend(_stated_anywhere(draft, corpus))
    return pairs


def _stated_anywhere(draft: AlignedSentence, corpus: AlignedSentence) -> list[ValuePair]:
    """A parallel sentence with the draft's number anywhere in it agrees with the
    draft, even where the alignment put another number in the slot."""
    found = []
    numbers = [i for i in corpus.value_items if i.value is not None]
    for d_item in draft.value_items:
        value = d_item.value
        if value is None:
            continue
        for c_item in numbers:
            if c_item.value is not None and value.same(c_item.value):
                found.append(ValuePair(d_item, c_item, corpus))
                break
    return found


def _same(pair: ValuePair) -> bool:
    assert pair.draft.value is not None and pair.corpus.value is not None
    return pair.draft.value.same(pair.corpus.value)


def _values_in(draft: AlignedSentence, corpus: AlignedSentence, needed: int) -> list[ValuePair]:
    a = [i.key for i in draft.value_items]
    b = [i.key for i in corpus.value_items]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    matched: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            matched[block.a + offset] = block.b + offset
    shared_names = draft.value_entities & corpus.value_entities
    pairs = []
    for i, j in matched.items():
        d_item, c_item = draft.value_items[i], corpus.value_items[j]
        if d_item.value is None or c_item.value is None:
            continue
        # The word after the number (what it counts) must be the same, where there is one.
        if i + 1 < len(a) and matched.get(i + 1) != j + 1:
            continue
        if len(_anchors(draft, matched, i, j) | shared_names) >= needed:
            pairs.append(ValuePair(d_item, c_item, corpus))
    return pairs


def _anchors(draft: AlignedSentence, matched: dict[int, int], i: int, j: int) -> set[str]:
    """The draft's content words near the slot that the alignment matches to corpus
    words on the same side of the corpus's number and as near it (a word put
    differently between them is allowed: "kicked five" / "added four")."""
    found = set()
    for p in range(max(0, i - ANCHOR_REACH), min(len(draft.value_items), i + ANCHOR_REACH + 1)):
        q = matched.get(p)
        if p == i or q is None or not draft.value_items[p].is_content:
            continue
        same_side = (p - i) * (q - j) > 0
        if same_side and abs(q - j) <= ANCHOR_REACH + 1:
            found.add(draft.value_items[p].key)
    return found
