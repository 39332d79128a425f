"""Sentence alignment: a draft sentence against corpus sentences that say the same.

A draft sentence and a corpus sentence are *parallel* when they share names
and most of their content words. Aligned word by word (difflib), a slot where
the draft has one person or organisation and the corpus another, with the
words around the slot matching on both sides, is an entity swap: "the NPC will
work with the Russian Federation Council" against "... work with the Federal
Assembly of the Russian Federation". This is the one general mechanism for
swapped entities; the checkers only choose which kinds to report.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from factcheck.columns import TokenColumns
from factcheck.facts.number_values import NumberValue, sentence_values
from factcheck.facts.sentences import by_sentence
from factcheck.model import Analysis, Mention, TimeExpression

# Words that carry no content: they may anchor a slot only beside a content word.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "as",
        "from",
        "that",
        "this",
        "these",
        "those",
        "its",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "should",
        "can",
        "could",
        "also",
        "both",
        "their",
        "his",
        "her",
        "our",
        "which",
        "who",
    ]
)
# A letter or digit: exactly the characters ``str.isalnum`` accepts (a word
# character but the underscore), found by one search rather than a loop.
ALNUM = re.compile(r"[^\W_]")
# How much of the draft sentence's content a corpus sentence must share.
MIN_OVERLAP = 0.35
# How far from a slot a matching content word still anchors it.
ANCHOR_WINDOW = 4
# Distinct word items kept (see _word_item): a corpus's running words repeat.
_WORD_ITEMS_KEPT = 1 << 16


@dataclass(frozen=True)
class Item:
    """One word, or one whole name, of a sentence as aligned."""

    key: str  # a lower-cased word, "person:<canonical>" / "org:<key>", or "time"
    mention: Mention | None = None
    # A date or weekday is one item whatever its value, so that a changed date
    # aligns with the corpus's date instead of breaking the alignment.
    time: TimeExpression | None = None
    # A number is one item keyed by its kind ("value:percent"), so that a changed
    # number aligns with the corpus's number; only the value alignment has these.
    value: NumberValue | None = None

    @property
    def kind(self) -> str:
        if self.time is not None:
            return TIME
        if self.value is not None:
            return VALUE
        return self.key.split(":", 1)[0] if self.mention is not None else "word"

    @property
    def is_content(self) -> bool:
        if self.time is not None or self.value is not None:
            return False  # what is compared, not what makes two sentences parallel
        return self.mention is not None or self.key not in FUNCTION_WORDS


@dataclass(frozen=True)
class AlignedSentence:
    source: str  # the document's path
    sentence: int
    items: tuple[Item, ...]
    # The same sentence with each number one item: what value slots are aligned on.
    value_items: tuple[Item, ...] = ()

    # Cached: a corpus sentence is compared with every draft sentence that
    # shares a name with it.
    @cached_property
    def entities(self) -> frozenset[str]:
        return frozenset(i.key for i in self.items if i.mention is not None)

    @cached_property
    def content(self) -> frozenset[str]:
        return frozenset(i.key for i in self.items if i.is_content)

    # The same for the value items: a corpus sentence with numbers is compared
    # with every draft sentence that shares a content word with it.
    @cached_property
    def value_entities(self) -> frozenset[str]:
        return frozenset(i.key for i in self.value_items if i.mention is not None)

    @cached_property
    def value_content(self) -> frozenset[str]:
        return frozenset(i.key for i in self.value_items if i.is_content)


@dataclass(frozen=True)
class Swap:
    """The draft names ``draft`` where a parallel corpus sentence names ``corpus``."""

    draft: Item
    corpus: Item
    corpus_sentence: AlignedSentence


@dataclass(frozen=True)
class TimePair:
    """The draft's date ``draft`` stands where a parallel corpus sentence has ``corpus``."""

    draft: TimeExpression
    corpus: TimeExpression
    corpus_sentence: AlignedSentence


EntityKey = Callable[[Mention], str | None]
TIME = "time"
VALUE = "value"


def aligned_sentences(
    analysis: Analysis,
    entity_key: EntityKey,
    numbers: Sequence[Sequence[NumberValue]] | None = None,
) -> list[AlignedSentence]:
    """Every sentence of an analysis as a sequence of items; ``numbers`` are the
    sentences' number groups (:func:`sentence_values`), when the caller has them."""
    if numbers is None:
        numbers = sentence_values(analysis)
    mentions_in = by_sentence(analysis.mentions)
    times_in = by_sentence(analysis.times)
    # The words' starts, ends and lower case, not the token objects: a corpus
    # document read from the cache keeps these columns and need not make a token.
    columns = TokenColumns.of(analysis.tokens)
    starts, ends, lowers = columns.starts, columns.ends, columns.lowers
    sentences = []
    for index, sentence in enumerate(analysis.sentences):
        mentions = {m.span.start: m for m in mentions_in.get(index, ())}
        times = sorted(times_in.get(index, ()), key=lambda t: t.span.start)
        first = sentence.first_token
        last = min(sentence.end_token, len(lowers))
        value_at = {
            position: value
            for value in numbers[index]
            for position in range(value.first_token, value.end_token)
        }
        items: list[Item] = []
        # The same sentence with each number one item: only when it has one.
        value_items: list[Item] = []
        skip_until = -1
        at = first
        # Most words are only words: between the tokens where a date, a name or a
        # number may stand, the words are taken as a run, not token by token.
        for special in (*_special_positions(columns, first, last, mentions, times, value_at), last):
            while at < special and starts[at] < skip_until:
                at += 1
            if at < special:
                run = list(filter(None, map(_word_item, lowers[at:special])))
                items.extend(run)
                value_items.extend(run)
            if special == last:
                break
            at = special + 1
            start = starts[special]
            if start < skip_until:
                continue
            # A date may start inside a token ("NewsNovember 23"): it begins at the
            # first token it overlaps.
            while times and times[0].span.end <= start:
                times.pop(0)
            if times and times[0].span.start < ends[special]:
                items.append(Item(TIME, time=times[0]))
                value_items.append(items[-1])
                skip_until = times.pop(0).span.end
                continue
            found = mentions.get(start)
            key = entity_key(found) if found is not None else None
            if found is not None and key is not None:
                items.append(Item(key, found))
                value_items.append(items[-1])
                skip_until = found.span.end
                continue
            position = special - first  # what the sentence's number groups count in
            value = value_at.get(position)
            if value is not None and value.first_token == position:
                value_items.append(Item(f"{VALUE}:{value.kind}", value=value))
            word = _word_item(lowers[special])
            if word is not None:
                items.append(word)
                if value is None:
                    value_items.append(word)
        sentences.append(
            AlignedSentence(
                analysis.path, index, tuple(items), tuple(value_items) if value_at else ()
            )
        )
    return sentences


def _special_positions(
    columns: TokenColumns,
    first: int,
    last: int,
    mentions: Mapping[int, Mention],
    times: Sequence[TimeExpression],
    value_at: Mapping[int, NumberValue],
) -> list[int]:
    """The tokens of ``first:last`` that may be more than a word: those a date
    overlaps, those a name starts at, those in a number, in order. (Tokens do not
    overlap, so their starts and ends both rise.)"""
    starts, ends = columns.starts, columns.ends
    special = {first + position for position in value_at if first + position < last}
    for time in times:
        # From the first token ending after the date starts to the last starting before it ends.
        at = bisect.bisect_right(ends, time.span.start, first, last)
        while at < last and starts[at] < time.span.end:
            special.add(at)
            at += 1
    for start in mentions:
        at = bisect.bisect_left(starts, start, first, last)
        if at < last and starts[at] == start:
            special.add(at)
    return sorted(special)


@lru_cache(maxsize=_WORD_ITEMS_KEPT)
def _word_item(lower: str) -> Item | None:
    """The item of a word written ``lower`` in lower case, None for punctuation.

    One object per word, shared by every sentence that writes it: an item is a
    value, compared by its fields, and a selection's sentences hold tens of
    thousands of words, each a new object for the allocator and the cyclic
    collector to walk. (Lower case has a letter or digit exactly where the
    word as written has one.)"""
    return Item(lower) if ALNUM.search(lower) else None


def parallel(draft: AlignedSentence, corpus: AlignedSentence) -> bool:
    shared = draft.content & corpus.content
    return bool(draft.content) and len(shared) / len(draft.content) >= MIN_OVERLAP


def find_swaps(draft: AlignedSentence, candidates: Sequence[AlignedSentence]) -> list[Swap]:
    """Entity swaps between ``draft`` and the parallel sentences among ``candidates``.

    A swap is dropped when as many corpus documents have a parallel sentence
    naming exactly the draft's names: then the corpus does not side with
    either version, and the majority rule gives no answer.
    """
    swaps: list[Swap] = []
    agreeing: set[str] = set()
    for corpus in candidates:
        if corpus.source == draft.source or not parallel(draft, corpus):
            continue
        if draft.entities <= corpus.entities:
            agreeing.add(corpus.source)
        swaps.extend(_swaps_in(draft, corpus))
    by_slot: dict[int, list[Swap]] = {}
    for swap in swaps:
        by_slot.setdefault(id(swap.draft), []).append(swap)
    kept: list[Swap] = []
    for group in by_slot.values():
        if len({s.corpus_sentence.source for s in group}) > len(agreeing):
            kept.extend(group)
    return kept


def _swaps_in(draft: AlignedSentence, corpus: AlignedSentence) -> list[Swap]:
    # What _is_swap asks of any slot, asked once before the word-by-word alignment:
    # exactly one draft name the corpus sentence lacks, and a name of its own in
    # its place. Most parallel sentences name the same people and are done here.
    if len(draft.entities - corpus.entities) != 1 or corpus.entities <= draft.entities:
        return []
    a = [i.key for i in draft.items]
    b = [i.key for i in corpus.items]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        if sum(1 for item in draft.items[i1:i2] if item.mention is not None) != 1:
            continue
        # The slot is the first item of both replaced stretches (anchored by the
        # words before it) or the last of both (anchored by the words after it).
        for i, j, step in ((i1, j1, -1), (i2 - 1, j2 - 1, 1)):
            d_item, c_item = draft.items[i], corpus.items[j]
            if d_item.mention is None or c_item.mention is None or d_item.kind != c_item.kind:
                continue
            if not _anchored(a, b, i, j, step=step):
                continue
            if _is_swap(draft, corpus, i, j):
                found.append(Swap(d_item, c_item, corpus))
                break
    return found


def _is_swap(draft: AlignedSentence, corpus: AlignedSentence, i: int, j: int) -> bool:
    d_item, c_item = draft.items[i], corpus.items[j]
    others = draft.entities - {d_item.key}
    return (
        others <= corpus.entities
        and d_item.key not in corpus.entities
        # The corpus's name elsewhere in the draft: the names are reordered, not swapped.
        and c_item.key not in draft.entities
        and not _related(d_item.key, c_item.key)
        and _neighbours_agree(draft, corpus, i, j)
    )


def _neighbours_agree(draft: AlignedSentence, corpus: AlignedSentence, i: int, j: int) -> bool:
    """The names nearest the slot on each side must be the same in both sentences
    (where both have one): "Volodin, chairman of X" is not "Zhao, chairman of Y"."""
    for step in (-1, 1):
        left = _nearest_name(draft.items, i, step)
        right = _nearest_name(corpus.items, j, step)
        if left is not None and right is not None and left != right:
            return False
    return True


def _nearest_name(items: Sequence[Item], index: int, step: int) -> str | None:
    position = index + step
    while 0 <= position < len(items):
        if items[position].mention is not None:
            return items[position].key
        position += step
    return None


def _related(a: str, b: str) -> bool:
    """Names that share a word are one body more or less precisely named
    ("NPC" and "NPC Standing Committee"), not a swap."""
    words_a = set(a.split(":", 1)[-1].split())
    words_b = set(b.split(":", 1)[-1].split())
    return bool(words_a & words_b)


def _anchored(a: list[str], b: list[str], i: int, j: int, *, step: int) -> bool:
    """Do the words next to the slot (before it for step -1, after for +1) match,
    with a content word among the matching ones?"""
    content = False
    for distance in range(1, ANCHOR_WINDOW + 1):
        di, dj = i + step * distance, j + step * distance
        if not (0 <= di < len(a) and 0 <= dj < len(b)) or a[di] != b[dj]:
            # Allow one inserted word ("work closely with" / "work with").
            return content or _content_near(a, b, di, dj, step)
        content = content or a[di] not in FUNCTION_WORDS
    return content


def _content_near(a: list[str], b: list[str], di: int, dj: int, step: int) -> bool:
    for skip_a, skip_b in ((1, 0), (0, 1)):
        x, y = di + step * skip_a, dj + step * skip_b
        if 0 <= x < len(a) and 0 <= y < len(b) and a[x] == b[y] and a[x] not in FUNCTION_WORDS:
            return True
    return False


def paired_times(draft: AlignedSentence, candidates: Sequence[AlignedSentence]) -> list[TimePair]:
    """The draft's dates and the dates parallel corpus sentences have in their place.

    The sentences must be parallel, name the draft's people too, and the date
    must be anchored: a content word next to it matches on both sides ("capital
    of China, Nov 22, 2023"; "scheduled for September 3").
    """
    pairs: list[TimePair] = []
    people = {key for key in draft.entities if key.startswith("person:")}
    if not any(item.time is not None for item in draft.items):
        return pairs
    # The draft's own document counts too: a sentence it states verbatim agrees,
    # and one it states with another date is contradicted by its own source.
    for corpus in candidates:
        if not parallel(draft, corpus):
            continue
        if not people <= corpus.entities:
            continue  # someone else's occasion
        pairs.extend(_times_in(draft, corpus))
    return pairs


def _times_in(draft: AlignedSentence, corpus: AlignedSentence) -> list[TimePair]:
    a = [i.key for i in draft.items]
    b = [i.key for i in corpus.items]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pairs = []
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            d_item = draft.items[block.a + offset]
            c_item = corpus.items[block.b + offset]
            if d_item.time is None or c_item.time is None:
                continue
            near = draft.items[
                max(block.a, block.a + offset - ANCHOR_WINDOW) : block.a
                + min(block.size, offset + ANCHOR_WINDOW + 1)
            ]
            if any(item.is_content for item in near):
                pairs.append(TimePair(d_item.time, c_item.time, corpus))
    return pairs
