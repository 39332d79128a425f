"""When two written words are one word spelt two ways.

Used for the words of names: a typing error ("Volodim"), a romanisation
variant ("Jao" for "Zhao", "Hsi" for "Xi"), or a near miss a ratio catches
("Vyachselav"). Short words are where different people's names differ by a
letter ("Xi", "Xu"), so they count as the same word only when the caller has
*context*: the other words of the name are right and stand next to the
candidate in a known name.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

# Romanisation pairs that newsrooms mix (pinyin / Wade-Giles, Russian
# transliteration schemes): each pair is written to one form before comparing.
# Ordered so that longer sequences are rewritten before their parts.
_ROMANISATIONS: tuple[tuple[str, str], ...] = (
    ("hs", "x"),  # Hsi / Xi
    ("zh", "j"),  # Zhao / Jao (Wade-Giles ch / pinyin zh are also read as j)
    ("dj", "j"),  # Djokovic / Jokovic
    ("kh", "h"),  # Khodorkovsky / Hodorkovsky
    ("ya", "ia"),  # Vyacheslav / Viacheslav
    ("yu", "iu"),  # Yuri / Iuri
    ("ey", "ei"),  # Sergey / Sergei
    ("w", "v"),  # Wladimir / Vladimir
)

# Without context a word needs this many letters before one edit counts.
_MIN_LETTERS_ALONE = 4
# With context (the rest of the name right) a 3-letter word may be one edit off.
_MIN_LETTERS_IN_CONTEXT = 3
# The ratio alone counts only for words this long.
_MIN_LETTERS_FOR_RATIO = 5


_HARD_C = re.compile(r"c(?![eiyh])")


# Distinct words whose romanisation keys and deletion forms are kept: a corpus's
# names repeat across documents and builds, and each is read the same way.
_WORDS_KEPT = 1 << 13


@lru_cache(maxsize=_WORDS_KEPT)
def romanisation_key(word: str) -> str:
    """The word with romanisation variants written one way: "Hsi" and "Xi" give "xi"."""
    key = word.lower()
    for variant, standard in _ROMANISATIONS:
        key = key.replace(variant, standard)
    # A hard "c" is a "k" in another scheme (Costas / Kostas, Nicolai / Nikolai);
    # before e, i or y it is another sound.
    return _HARD_C.sub("k", key)


def romanised_alike(a: str, b: str) -> bool:
    """Two names that differ only by romanisation, word for word ("Viacheslav Volodin"
    and "Vyacheslav Volodin"): a house-style choice, not a typing error."""
    words_a, words_b = WORD.findall(a), WORD.findall(b)
    if len(words_a) != len(words_b) or a.lower() == b.lower():
        return False
    return all(
        romanisation_key(x) == romanisation_key(y) for x, y in zip(words_a, words_b, strict=True)
    )


def words_close(a: str, b: str, threshold: float, *, context: bool = False) -> bool:
    """One word spelt two ways: one edit apart, another romanisation, or a ratio
    over ``threshold`` for long words. ``context``: see the module docstring."""
    lower_a, lower_b = a.lower(), b.lower()
    if lower_a == lower_b:
        return True
    shortest = min(len(a), len(b))
    needed = _MIN_LETTERS_IN_CONTEXT if context else _MIN_LETTERS_ALONE
    if shortest < needed and not (context and romanisation_key(a) == romanisation_key(b)):
        return False
    if romanisation_key(a) == romanisation_key(b):
        return True
    if shortest >= needed and OSA.distance(lower_a, lower_b) <= 1:
        return True
    return shortest >= _MIN_LETTERS_FOR_RATIO and fuzz.ratio(lower_a, lower_b) >= threshold


# A short word one letter from a known word is often a word of its own: up to
# this many letters with one replaced ("Pugin", "Putin"), and up to one fewer
# with one added or dropped ("Hang", "Zhang"; but "Leiji" is "Leji" mistyped).
_MAX_LETTERS_REPLACED = 5
_MAX_LETTERS_ADDED_OR_DROPPED = 4


def may_be_another_word(written: str, known: str) -> bool:
    """Could ``written`` be a word of its own, not ``known`` mistyped?

    Short words one letter apart are often two names ("Tang" and "Yang",
    "Hang" and "Zhang"), and a word more than one edit away was matched only
    by its likeness ("Joining" and "Jinping"). Two letters swapped, a letter
    dropped from or added to a longer word, or another romanisation, is the
    typing error or house style it looks like.
    """
    if romanisation_key(written) == romanisation_key(known):
        return False
    return OSA.distance(written.lower(), known.lower()) > 1 or short_and_one_letter_apart(
        written, known
    )


def short_and_one_letter_apart(written: str, known: str) -> bool:
    """A short word with one letter replaced, added or dropped ("Tang" for "Yang",
    "Hang" for "Zhang"): most often another name. Two letters swapped is a typo."""
    a, b = written.lower(), known.lower()
    if romanisation_key(a) == romanisation_key(b) or OSA.distance(a, b) != 1:
        return False
    if len(a) != len(b):
        return len(a) <= _MAX_LETTERS_ADDED_OR_DROPPED
    swapped = sorted(a) == sorted(b)
    return not swapped and len(a) <= _MAX_LETTERS_REPLACED


@lru_cache(maxsize=_WORDS_KEPT)
def _deletions(word: str) -> frozenset[str]:
    """The word and every form of it with one letter left out."""
    return frozenset({word} | {word[:i] + word[i + 1 :] for i in range(len(word))})


def one_edit_forms(word: str) -> frozenset[str]:
    """The forms of ``word`` with at most one letter left out, in lower case and by
    its romanisation key. Two words at most one insertion, deletion, substitution
    or adjacent swap apart (or romanised alike) share one (symmetric deletion)."""
    lower, romanised = word.lower(), romanisation_key(word)
    return _deletions(lower) | _deletions(romanised) if romanised != lower else _deletions(lower)


def one_edit_apart(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` share a form of :func:`one_edit_forms`? The caller confirms
    with :func:`words_close`: a shared form also joins some words two edits apart."""
    return not one_edit_forms(a).isdisjoint(one_edit_forms(b))


WORD = re.compile(r"\w+(?:['’]\w+)*")
"""A word of a name: letters and digits, with apostrophes inside ("O'Brien")."""


def _most_indels(length_a: int, length_b: int, threshold: float) -> int:
    """The most insertions and deletions that leave ``fuzz.ratio`` at ``threshold`` or
    over for words of these lengths (with a margin for float rounding)."""
    total = length_a + length_b
    return int((100.0 - threshold) * total / 100.0 + 1e-6)


def _segments(length: int, count: int) -> list[tuple[int, int]]:
    """``count`` runs that cover ``length`` letters in order, as even as they go."""
    bounds = [length * index // count for index in range(count + 1)]
    return list(itertools.pairwise(bounds))


@lru_cache(maxsize=_WORDS_KEPT)
def deletion_forms(word: str, depth: int) -> frozenset[str]:
    """The word and every form of it with up to ``depth`` letters left out."""
    forms = level = {word}
    for _ in range(depth):
        level = {form[:i] + form[i + 1 :] for form in level for i in range(len(form))}
        forms = forms | level
    return frozenset(forms)


# Words up to this long are found for the ratio by deletion forms (at most two
# letters left out at the default threshold, a few dozen forms a word); longer
# words, rarer, by pieces, where the forms would run to hundreds.
_LONGEST_BY_DELETION = 11


class CloseWordIndex:
    """Known words indexed so that the words :func:`words_close` may accept for a
    word (with context, its widest reading) are found by keys, not by a scan.

    The keys, one per way two words are close: the romanisation key (which
    equal words share); forms with letters left out (symmetric deletion: words
    one edit or an adjacent swap apart share a form with one letter out, and
    words the ratio accepts share their longest common subsequence, reached by
    leaving out as many letters as the threshold allows); and, for long words,
    pieces. Words at most ``d`` insertions and deletions apart (the distance
    ``fuzz.ratio`` scales) are cut into ``d + 1`` pieces, and one of them is
    untouched, so it stands in the other word within ``d`` letters of its own
    place (the pigeonhole filter of PassJoin). The ratio counts only for words
    of five letters or more, and lower case never makes a word shorter.
    ``candidates`` is a superset, in lower case, of what :func:`words_close`
    accepts: the caller confirms with it.
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._by_romanisation: dict[str, list[str]] = defaultdict(list)
        # A form most words share with no other: held as the one word, and as a
        # list from the second on (a list for each of a book's ~15 forms a word
        # would be most of the objects a selection's name book allocates).
        self._by_deletion: dict[str, str | list[str]] = {}
        self._by_piece: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        self._lengths_in_pieces: set[int] = set()
        self._words: set[str] = set()
        self._pieces_by_length: dict[int, list[tuple[int, int]]] = {}
        self._partners: dict[int, range] = {}
        self._depths: dict[int, int] = {}

    def _partner_lengths(self, length: int) -> range:
        """The lengths a word may have and still reach the ratio with one of ``length``:
        at least as many insertions and deletions as the lengths differ by."""
        if length not in self._partners:
            longest = length
            while longest + 1 - length <= _most_indels(length, longest + 1, self.threshold):
                longest += 1
            shortest = length
            while shortest > 0 and length - shortest + 1 <= _most_indels(
                length, shortest - 1, self.threshold
            ):
                shortest -= 1
            self._partners[length] = range(shortest, longest + 1)
        return self._partners[length]

    def _ratio_partners(self, length: int) -> list[int]:
        if length < _MIN_LETTERS_FOR_RATIO:
            return []
        return [p for p in self._partner_lengths(length) if p >= _MIN_LETTERS_FOR_RATIO]

    def _depth(self, length: int) -> int:
        """How many letters to leave out of a word of ``length``: one for an edit; for
        the ratio between two short words ``a`` and ``b`` at most ``d`` apart, the
        common subsequence is ``a`` with at most ``(len(a) - len(b) + d) // 2`` out."""
        if length not in self._depths:
            depth = 1
            if length <= _LONGEST_BY_DELETION:
                for other in self._ratio_partners(length):
                    if other <= _LONGEST_BY_DELETION:
                        most = _most_indels(length, other, self.threshold)
                        depth = max(depth, (length - other + most) // 2)
            self._depths[length] = depth
        return self._depths[length]

    def _by_pieces(self, length: int) -> bool:
        """Does a word of ``length`` have a partner too long for deletion forms?"""
        partners = self._ratio_partners(length)
        return bool(partners) and max(length, partners[-1]) > _LONGEST_BY_DELETION

    def _pieces(self, length: int) -> list[tuple[int, int]]:
        # As many pieces as the widest distance any other word may be at, plus one:
        # more pieces than needed keep the filter sound.
        if length not in self._pieces_by_length:
            widest = max(
                0,
                *(
                    _most_indels(length, other, self.threshold)
                    for other in self._partner_lengths(length)
                ),
            )
            self._pieces_by_length[length] = _segments(length, widest + 1)
        return self._pieces_by_length[length]

    def add(self, word: str) -> None:
        lower = word.lower()
        if lower in self._words:
            return
        self._words.add(lower)
        self._by_romanisation[romanisation_key(lower)].append(lower)
        by_deletion = self._by_deletion
        for form in deletion_forms(lower, self._depth(len(lower))):
            held = by_deletion.get(form)
            if held is None:
                by_deletion[form] = lower
            elif isinstance(held, str):
                by_deletion[form] = [held, lower]
            else:
                held.append(lower)
        if self.threshold > 0 and self._by_pieces(len(lower)):
            self._lengths_in_pieces.add(len(lower))
            for piece, (start, end) in enumerate(self._pieces(len(lower))):
                self._by_piece[(len(lower), piece, lower[start:end])].append(lower)

    def candidates(self, word: str) -> set[str]:
        """Known words (lower case) that may be close to ``word``: found by key, then
        kept if another romanisation, one edit, or the ratio (in lower case) says so."""
        lower = word.lower()
        if self.threshold <= 0:  # every pair reaches a ratio of 0
            return set(self._words)
        romanised = set(self._by_romanisation.get(romanisation_key(lower), ()))
        return {
            known
            for known in self._keyed(lower) | romanised
            if known in romanised
            or OSA.distance(lower, known, score_cutoff=1) <= 1
            or fuzz.ratio(lower, known, score_cutoff=self.threshold) >= self.threshold
        }

    def _keyed(self, lower: str) -> set[str]:
        found: set[str] = set()
        by_deletion = self._by_deletion
        for form in deletion_forms(lower, self._depth(len(lower))):
            held = by_deletion.get(form)
            if held is None:
                continue
            if isinstance(held, str):
                found.add(held)
            else:
                found.update(held)
        short = len(lower) <= _LONGEST_BY_DELETION
        for length in self._ratio_partners(len(lower)):
            # A pair of short words is found by its deletion forms.
            if length not in self._lengths_in_pieces or (short and length <= _LONGEST_BY_DELETION):
                continue
            shift = _most_indels(length, len(lower), self.threshold)
            for piece, (start, end) in enumerate(self._pieces(length)):
                size = end - start
                first = max(0, start - shift)
                last = min(len(lower) - size, start + shift)
                for at in range(first, last + 1):
                    found.update(self._by_piece.get((length, piece, lower[at : at + size]), ()))
        return found
