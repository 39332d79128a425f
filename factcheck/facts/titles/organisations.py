"""Comparison keys for organisations: acronyms expanded, country words dropped.

"NPC", "China's National People's Congress" and "the National People's
Congress" get one key, so their roles and sentences can be compared. Acronyms
are learnt from the corpus: defined in brackets ("National People's Congress
(NPC)"), or spelt by the initials of an organisation the corpus names ("IOC"
for the "International Olympic Committee"). A word for the kind of body
("Labour Party", "Acme plc") and the house spelling ("Labour", "Labor";
"Organisation", "Organization") do not change the key.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources

from factcheck.facts.names.namebook import NameBook, normalise_name
from factcheck.model import Analysis, Document
from factcheck.nlp.places import PLACE_WORDS

_ACRONYM_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|the|and|[A-Z][\w’'-]*))*?)\s*\(([A-Z]{2,8})\)"
)
_ORG_FILLER = {"the", "of", "for", "and", "'s", "’s"}
# Words that say what kind of body a name is, not which: "Labour Party", "Acme plc".
_BODY_KINDS = frozenset(
    json.loads(
        resources.files("factcheck.facts.titles")
        .joinpath("organisation_words.json")
        .read_text("utf-8")
    )["body_kinds"]
)


def acronyms(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, str]:
    """Acronyms the corpus defines, "National People's Congress (NPC)", with their expansion."""
    return acronyms_of(
        [defined_acronyms(document.prose) for document, _ in pairs],
        [named_initialisms(analysis) for _, analysis in pairs],
    )


def acronyms_of(
    defined: Iterable[Sequence[tuple[str, str]]], named: Iterable[Sequence[tuple[str, str]]]
) -> dict[str, str]:
    """The corpus's acronyms from each document's :func:`defined_acronyms` and
    :func:`named_initialisms`, in corpus order: the first definition of one
    counts, and initials two names share are dropped, since they cannot say
    which is meant."""
    found: dict[str, str] = {}
    for definitions in defined:
        for acronym, expansion in definitions:
            found.setdefault(acronym, expansion)
    by_initials: dict[str, set[str]] = {}
    for initialisms in named:
        for initials, name in initialisms:
            by_initials.setdefault(initials, set()).add(name)
    for initials, names in by_initials.items():
        if len({_words_key(n) for n in names}) == 1:
            found.setdefault(initials, names.pop())
    return found


def defined_acronyms(prose: str) -> list[tuple[str, str]]:
    """(acronym, expansion) for each acronym one document defines in brackets, in order."""
    found: list[tuple[str, str]] = []
    for match in _ACRONYM_DEFINITION.finditer(prose):
        expansion = normalise_name(match.group(1))
        letters = "".join(w[0] for w in expansion.split() if w[0].isupper())
        # Keep the expansion's tail whose initials spell the acronym.
        if match.group(2) in letters or letters.endswith(match.group(2)):
            words = expansion.split()
            while words and "".join(w[0] for w in words if w[0].isupper()) != match.group(2):
                words = words[1:]
            if words:
                found.append((match.group(2), " ".join(words)))
    return found


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() not in _ORG_FILLER)


def named_initialisms(analysis: Analysis) -> list[tuple[str, str]]:
    """(initials, name) for each organisation of two words or more one document
    names ("IOC": "International Olympic Committee"), in order."""
    found: list[tuple[str, str]] = []
    for mention in analysis.mentions:
        if mention.label != "ORG":
            continue
        name = normalise_name(mention.text)
        initials = _initials(name)
        if len(initials) >= 2 and len(name.split()) >= 2 and initials != name:
            found.append((initials, name))
    return found


def _words_key(name: str) -> str:
    return " ".join(w.lower() for w in re.findall(r"[\w’'-]+", name))


def place_words(names: NameBook) -> frozenset[str]:
    """Words that only say which country: "Russian", "China's"."""
    words: set[str] = set(PLACE_WORDS)
    for entity in names.entities:
        if entity.kind in {"GPE", "NORP"} and len(entity.canonical.split()) == 1:
            words.add(entity.canonical.lower())
    return frozenset(words)


def _is_place_word(word: str, places: frozenset[str]) -> bool:
    """A country or its adjective: "russia", "russian", "chinese"."""
    if word in places:
        return True
    if not word.endswith(("an", "ese", "ish", "i")) or len(word) < 5:
        return False
    return word[:4] in _four_letter_starts(places)


@functools.lru_cache(maxsize=8)
def _four_letter_starts(places: frozenset[str]) -> frozenset[str]:
    """The first four letters of the place words of four letters or more: asked of
    every word of every organisation a fact base keys, for the same few sets (a
    frozenset keeps its hash, so the lookup does not walk it)."""
    return frozenset(p[:4] for p in places if len(p) >= 4)


def org_key(organisation: str, expansions: dict[str, str], places: frozenset[str]) -> str:
    """A comparison key for an organisation: acronyms expanded, country words and
    words for the kind of body dropped, house spellings folded."""
    text = re.sub(r"\([A-Z]{2,8}\)", " ", organisation)
    words: list[str] = []
    for word in re.findall(r"[\w’'-]+", text):
        bare = word.removesuffix("’s").removesuffix("'s")
        expansion = expansions.get(bare)
        words.extend(re.findall(r"[\w’'-]+", expansion) if expansion else [bare])
    lowered = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
    kept = [w for w in lowered if w not in _ORG_FILLER and not _is_place_word(w, places)]
    # "Federal Assembly of the Russian Federation": the tail only names the country.
    if "federation" in kept and kept[-1] == "federation" and len(kept) > 2:
        kept = kept[:-1]
    # "Labour Party" and "Labour": the kind of body is not its name.
    named = [w for w in kept if w not in _BODY_KINDS]
    return " ".join(_house_spelling(w) for w in (named or kept))


def _house_spelling(word: str) -> str:
    """British and American spellings as one: "labour" and "labor", "organisation"
    and "organization"."""
    if len(word) >= 5 and word.endswith("our"):
        return word[:-3] + "or"
    return word.replace("isation", "ization")


def same_organisation(key_a: str, key_b: str) -> bool:
    """One body, named more or less fully ("state duma", "russian state duma")."""
    a, b = set(key_a.split()), set(key_b.split())
    return bool(a and b) and (a <= b or b <= a)
