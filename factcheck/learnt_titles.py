"""Titles learnt from the corpus: the phrases it writes right before each person's
name, compared as phrases after a small synonym table (title_synonyms.json).

A draft's title conflicts with the corpus only when the corpus gives the person
a title before their name, no corpus phrase for the person is the draft's or
ends in it (or the other way round: "chancellor" and "embattled chancellor"),
and no role fact gives the person a role of the draft title's group. Past titles
("former", "ex-") are never learnt and never compared.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from factcheck.fact_records import Fact, SentenceText
from factcheck.model import Analysis
from factcheck.namebook import NameEntity
from factcheck.nlp import lexicon
from factcheck.title_phrases import TitlePhrase

# A person's kind: MISC is how a corpus read without a model labels every name.
PERSON_KINDS = frozenset({"PERSON", "MISC"})


def _synonyms() -> dict[str, str]:
    text = resources.files("factcheck").joinpath("title_synonyms.json").read_text("utf-8")
    table = json.loads(text)
    return {k: v for k, v in table.items() if not k.startswith("_")}


SYNONYMS = _synonyms()


def normalise(words: tuple[str, ...]) -> tuple[str, ...]:
    """The phrase with each synonym (one or more words) replaced by its headword,
    and its last word in the singular."""
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            chunk = " ".join(words[index : index + size])
            if len(words) - index >= size and chunk in SYNONYMS:
                out.extend(SYNONYMS[chunk].split())
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    if out:
        out[-1] = _singular(out[-1])
    return tuple(out)


def _singular(word: str) -> str:
    """ "Presidents <name> and <name>": a title shared by two is still the title."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def compatible(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """One phrase ends in the other ("chancellor", "embattled chancellor")."""
    shorter, longer = sorted((left, right), key=len)
    return longer[len(longer) - len(shorter) :] == shorter


@dataclass
class LearntTitle(Fact):
    """A title the corpus writes before one person's name, with where."""

    person: str = ""
    words: tuple[str, ...] = ()


class LearntTitles:
    """Each person's titles as the corpus writes them before the name."""

    def __init__(self) -> None:
        self._by_person: dict[str, dict[tuple[str, ...], LearntTitle]] = defaultdict(dict)
        self._heads: set[str] = set()

    def add(self, person: str, phrase: TitlePhrase, text: SentenceText) -> None:
        if phrase.past:
            return
        words = normalise(phrase.words)
        title = self._by_person[person].setdefault(words, LearntTitle(person=person, words=words))
        title.occurrences.append(text.occurrence(phrase.holder.sentence, phrase.span))
        self._heads.add(words[-1])

    def titles_of(self, person: str) -> list[LearntTitle]:
        return list(self._by_person.get(person, {}).values())

    def is_title_head(self, word: str) -> bool:
        """Does the corpus (or the role lexicon) use this word as a title's last word?"""
        return word in self._heads or word in lexicon.ROLE_GROUPS


def learn(
    pairs: Sequence[tuple[Analysis, SentenceText]],
    phrases_of: Callable[[Analysis, str], list[TitlePhrase]],
    person_of: Callable[[str], NameEntity | None],
) -> LearntTitles:
    titles = LearntTitles()
    for analysis, text in pairs:
        for phrase in phrases_of(analysis, text.document.prose):
            person = person_of(phrase.holder.text)
            if person is not None and person.kind in PERSON_KINDS:
                titles.add(person.canonical, phrase, text)
    return titles
