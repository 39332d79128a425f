"""Synthetic corpora of names, for the name book's equivalence test and its benchmark.

Names are made of random syllables (people: given name and surname, some with a
middle name; organisations: a head word, "of", one or two more words), drawn
from pools small enough that many names share a word, as surnames and heads do
in an archive. Planted variants are what newsrooms write: a letter replaced,
two letters swapped, a letter dropped or added, another romanisation, initials.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from factcheck.model import Mention, Span

_ONSETS = ("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "zh", "kh", "ch", "x")
_VOWELS = ("a", "e", "i", "o", "u", "ia", "ya", "yu", "ei", "ey")
_CODAS = ("", "", "", "n", "ng", "r", "s", "v")

# Written back the other way from the romanisation pairs in factcheck/facts/names/spelling.py.
_ROMANISED: tuple[tuple[str, str], ...] = (
    ("x", "hs"),
    ("zh", "j"),
    ("kh", "h"),
    ("ya", "ia"),
    ("ia", "ya"),
    ("yu", "iu"),
    ("ey", "ei"),
    ("ei", "ey"),
    ("v", "w"),
    ("j", "dj"),
)


def _word(rng: random.Random, syllables: int) -> str:
    text = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )
    return text.capitalize()


def _replaced(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word)) if len(word) > 1 else 0
    return word[:at] + rng.choice("aeioknrstl") + word[at + 1 :]


def _swapped(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word + "a"
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _dropped(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word))
    return word[:at] + word[at + 1 :]


def _added(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word) + 1)
    return word[:at] + rng.choice("aeiohnrs") + word[at:]


def _romanised(rng: random.Random, word: str) -> str:
    pairs = [(a, b) for a, b in _ROMANISED if a in word.lower()]
    if not pairs:
        return _replaced(rng, word)
    old, new = rng.choice(pairs)
    lower = word.lower().replace(old, new, 1)
    return lower.capitalize()


_MISTAKES: tuple[Callable[[random.Random, str], str], ...] = (
    _replaced,
    _swapped,
    _dropped,
    _added,
    _romanised,
)


def misspelt(rng: random.Random, name: str) -> str:
    """``name`` with one word written wrong (sometimes two)."""
    words = name.split()
    for _ in range(1 if rng.random() < 0.8 else 2):
        at = rng.randrange(len(words))
        if words[at] != "of":
            words[at] = rng.choice(_MISTAKES)(rng, words[at])
    return " ".join(words)


def initialled(rng: random.Random, name: str) -> str:
    """A person's name with initials for the given names (now and then a wrong one)."""
    words = name.split()
    if len(words) < 2:
        return name
    letters = [w[0] for w in words[:-1]]
    if rng.random() < 0.2:
        letters[0] = rng.choice("ABDKMNPRSTVZ")
    return " ".join(f"{letter}." for letter in letters) + " " + words[-1]


def true_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` names with their kind, from pools of words that names share."""
    pool = max(8, count // 6)
    given = [_word(rng, rng.randint(1, 3)) for _ in range(pool)]
    surnames = [_word(rng, rng.randint(1, 3)) for _ in range(pool)]
    heads = [_word(rng, 3) for _ in range(max(3, pool // 10))]
    names: list[tuple[str, str]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6:
            parts = [rng.choice(given), rng.choice(surnames)]
            if rng.random() < 0.2:
                parts.insert(1, rng.choice(given))
            names.append((" ".join(parts), "PERSON"))
        elif roll < 0.9:
            tail = [rng.choice(surnames) for _ in range(rng.randint(1, 2))]
            names.append((" ".join([rng.choice(heads), "of", *tail]), "ORG"))
        else:
            names.append((rng.choice(surnames), rng.choice(("PERSON", "GPE", "ORG"))))
    return names


def corpus_mentions(rng: random.Random, count: int) -> list[tuple[str, Mention]]:
    """About ``count`` mentions: true names in one to three documents, and planted
    variants (a misspelling, initials, a surname alone) in one."""
    documents = max(1, count // 5)
    mentions: list[tuple[str, Mention]] = []

    def mention(text: str, label: str) -> None:
        ner = label if rng.random() < 0.8 else rng.choice(("PERSON", "ORG", "GPE", "NORP"))
        source = f"doc{rng.randrange(documents)}.md"
        mentions.append((source, Mention(Span(0, len(text)), text, label, 0, ner)))

    for name, kind in true_names(rng, max(1, count // 2)):
        for _ in range(rng.randint(1, 3)):
            mention(name, kind)
        roll = rng.random()
        if roll < 0.4:
            mention(misspelt(rng, name), kind)
        elif roll < 0.5 and kind == "PERSON":
            mention(initialled(rng, name), kind)
        elif roll < 0.6 and len(name.split()) > 1:
            mention(name.split()[-1], kind)
    return mentions[:count] if len(mentions) > count else mentions


def queries(rng: random.Random, mentions: list[tuple[str, Mention]], count: int) -> list[str]:
    """Names a draft may write: known ones, new misspellings, initials, words alone."""
    known = [m.text for _, m in mentions]
    found: list[str] = []
    for _ in range(count):
        name = rng.choice(known)
        roll = rng.random()
        if roll < 0.3:
            found.append(name)
        elif roll < 0.7:
            found.append(misspelt(rng, name))
        elif roll < 0.8 and len(name.split()) > 1 and "." not in name:
            found.append(initialled(rng, name))
        elif roll < 0.9:
            found.append(misspelt(rng, name.split()[-1]))
        else:
            found.append(name.upper() if rng.random() < 0.5 else name.split()[0])
    return found
