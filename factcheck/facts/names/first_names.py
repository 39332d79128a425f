"""A wrong first name for a known surname: "Sergei Volodin" where the corpus
knows only Vyacheslav Volodin, in the same company.

A full name the corpus does not know, whose surname is a known person's, is
most often that person with the first name confused, when the draft places the
name where the corpus places the person: beside the same organisations,
places or people. A first name that is a spelling of the known one (a typo, a
romanisation, an initial) is the misspelling checks' to report; a surname
that several known people share in that company names no one for certain, nor
does a first name that another person in that company has (two people run
together: "Buddy Valens" beside Buddy Holly and Ritchie Valens); and a name in
other company may be a relative or a namesake, so nothing is said.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.facts.names.namebook import NameEntity, name_tokens, normalise_name
from factcheck.facts.names.spelling import romanised_alike, words_close
from factcheck.facts.per_fact_base import built_once_per_fact_base
from factcheck.model import Analysis, Mention

if TYPE_CHECKING:
    from factcheck.facts.corpus import CorpusFacts

_NOT_PEOPLE = frozenset(["ORG", "GPE", "NORP", "FAC"])


@dataclass(frozen=True)
class FirstNameSlip:
    """The known person a draft name's surname and company point to."""

    person: NameEntity
    company: tuple[str, ...]  # the entities both are named beside


def _key(corpus: CorpusFacts, name: str) -> str:
    entity = corpus.names.entity(name)
    return entity.canonical if entity is not None else normalise_name(name)


@built_once_per_fact_base
def _company(corpus: CorpusFacts) -> dict[str, set[str]]:
    """Each known entity with the entities named in the same corpus sentences."""
    found: dict[str, set[str]] = defaultdict(set)
    for analysis in corpus.analyses.values():
        for names in _by_sentence(corpus, analysis).values():
            for name in names:
                found[name].update(names - {name})
    return found


def _by_sentence(corpus: CorpusFacts, analysis: Analysis) -> dict[int, set[str]]:
    sentences: dict[int, set[str]] = defaultdict(set)
    for mention in analysis.mentions:
        sentences[mention.sentence].add(_key(corpus, mention.text))
    return sentences


def first_name_slip(
    corpus: CorpusFacts, analysis: Analysis, mention: Mention, threshold: float
) -> FirstNameSlip | None:
    """The known person ``mention`` (a full name the corpus does not know) most
    likely means, by surname and company, or None."""
    words = name_tokens(normalise_name(mention.text))
    if len(words) < 2 or corpus.names.is_known(mention.text) or mention.label in _NOT_PEOPLE:
        return None
    first, surname = words[0], words[-1].lower()
    # A person's name has no lower-case word ("Museum of the Party of China") and
    # does not end in a place.
    if not all(w[:1].isupper() for w in words) or surname in corpus.place_words:
        return None
    namesakes = [
        person
        for person in corpus.names.people_named(surname)
        if len(name_tokens(person.canonical)) >= 2
    ]
    if not namesakes:
        return None
    lower = [w.lower() for w in words]
    for person in namesakes:
        known = [w.lower() for w in name_tokens(person.canonical)]
        if lower[-len(known) :] == known:
            return None  # the whole known name, a word glued before it ("Captain ...")
        if _spelt_alike(first, known[0], threshold):
            return None  # a misspelling or an initial: FC101 / FC105
    own = {_key(corpus, m.text) for m in analysis.mentions if m.sentence == mention.sentence}
    own.discard(_key(corpus, mention.text))
    company = _company(corpus)
    fitting = [(p, own & company.get(p.canonical, set())) for p in namesakes]
    fitting = [(p, shared) for p, shared in fitting if shared]
    if len(fitting) != 1:
        return None
    person, shared = fitting[0]
    if _another_first_name(corpus, first, company.get(person.canonical, set())):
        return None  # "Buddy Valens" beside a known Buddy: two people run together
    return FirstNameSlip(person, tuple(sorted(shared)))


def _another_first_name(corpus: CorpusFacts, first: str, company: set[str]) -> bool:
    """Is ``first`` the first name of someone named beside the known person? Then
    the draft may mean either of them."""
    lower = first.lower()
    for name in company:
        entity = corpus.names.entity(name)
        words = name_tokens(name)
        person = entity is not None and entity.kind == "PERSON" and len(words) > 1
        if person and words[0].lower() == lower:
            return True
    return False


def _spelt_alike(written: str, known: str, threshold: float) -> bool:
    if len(written.rstrip(".")) == 1 or len(known.rstrip(".")) == 1:
        return written[0].lower() == known[0].lower()
    return words_close(written, known, threshold, context=True) or romanised_alike(written, known)
