"""Titles learnt from the corpus: every title it gives a known person (before the
name, after it, as a predicate; see title_phrases.py), with the body or place
each title is of, compared as phrases after the role-word table
(nlp/role_words.json).

A draft's title conflicts with the corpus only when the corpus gives the person
a title of the same time (current, or past: "former", "ex-"), no corpus title
for the person is the draft's or ends in it (or the other way round:
"chancellor" and "embattled chancellor", but not "head" and "deputy head"),
and no role fact gives the person a role of the draft title's group. A title
that agrees conflicts in its organisation when the corpus gives that title
with bodies or places of the draft's kind and never the draft's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcheck.facts.names.namebook import NameEntity
from factcheck.facts.records import Fact, SentenceText
from factcheck.facts.titles.phrases import TitlePhrase
from factcheck.model import Analysis, Mention
from factcheck.nlp import lexicon

# A person's kind: MISC is how a corpus read without a model labels every name.
PERSON_KINDS = frozenset({"PERSON", "MISC"})


def normalise(words: tuple[str, ...]) -> tuple[str, ...]:
    """The phrase with each role word or synonym (one or more words) replaced by
    its headword, and its last word in the singular."""
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            chunk = " ".join(words[index : index + size])
            if len(words) - index >= size and chunk in lexicon.TITLE_HEADWORDS:
                out.extend(lexicon.TITLE_HEADWORDS[chunk].replace("-", " ").split())
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
    """One phrase ends in the other ("chancellor", "embattled chancellor"), and the
    words only one has change no rank ("deputy head" is not "head")."""
    shorter, longer = sorted((left, right), key=len)
    extra = longer[: len(longer) - len(shorter)]
    if any(part in lexicon.RANK_WORDS for word in extra for part in word.split("-")):
        return False
    return longer[len(longer) - len(shorter) :] == shorter


@dataclass
class LearntTitle(Fact):
    """A title the corpus gives one person, with where, and the bodies it is of."""

    person: str = ""
    words: tuple[str, ...] = ()
    past: bool = False
    organisations: list[Mention] = field(default_factory=list)


class LearntTitles:
    """Each person's titles as the corpus writes them."""

    def __init__(self) -> None:
        self._by_person: dict[str, dict[tuple[tuple[str, ...], bool], LearntTitle]] = defaultdict(
            dict
        )
        self._heads: dict[str, set[str]] = defaultdict(set)  # head -> people

    def add(self, person: str, phrase: TitlePhrase, text: SentenceText) -> None:
        words = normalise(phrase.words)
        if not words:
            return
        title = self._by_person[person].setdefault(
            (words, phrase.past), LearntTitle(person=person, words=words, past=phrase.past)
        )
        title.occurrences.append(text.occurrence(phrase.holder.sentence, phrase.span))
        if phrase.organisation is not None:
            title.organisations.append(phrase.organisation)
        self._heads[words[-1]].add(person)

    def titles_of(self, person: str) -> list[LearntTitle]:
        return list(self._by_person.get(person, {}).values())

    def is_title_head(self, word: str) -> bool:
        """Is this word a title's last word: in the role-word table, or in the corpus's
        titles of two people or more ("fly-half"; not a stray "cricket")?"""
        return word in lexicon.TITLE_HEADS or len(self._heads.get(word, ())) >= 2


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
