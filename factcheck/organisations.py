"""Comparison keys for organisations: acronyms expanded, country words dropped.

"NPC", "China's National People's Congress" and "the National People's
Congress" get one key, so their roles and sentences can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.model import Analysis, Document
from factcheck.namebook import NameBook, normalise_name
from factcheck.nlp.places import PLACE_WORDS

_ACRONYM_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|the|and|[A-Z][\w’'-]*))*?)\s*\(([A-Z]{2,8})\)"
)
_ORG_FILLER = {"the", "of", "for", "and", "'s", "’s"}


def acronyms(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, str]:
    """Acronyms the corpus defines, "National People's Congress (NPC)", with their expansion."""
    found: dict[str, str] = {}
    for document, _ in pairs:
        for match in _ACRONYM_DEFINITION.finditer(document.prose):
            expansion = normalise_name(match.group(1))
            letters = "".join(w[0] for w in expansion.split() if w[0].isupper())
            # Keep the expansion's tail whose initials spell the acronym.
            if match.group(2) in letters or letters.endswith(match.group(2)):
                words = expansion.split()
                while words and "".join(w[0] for w in words if w[0].isupper()) != match.group(2):
                    words = words[1:]
                if words:
                    found.setdefault(match.group(2), " ".join(words))
    return found


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
    return any(len(p) >= 4 and p[:4] == word[:4] for p in places)


def org_key(organisation: str, expansions: dict[str, str], places: frozenset[str]) -> str:
    """A comparison key for an organisation: acronyms expanded, country words dropped."""
    text = re.sub(r"\([A-Z]{2,8}\)", " ", organisation)
    for acronym, expansion in expansions.items():
        text = re.sub(rf"\b{acronym}\b", expansion, text)
    words = [w.lower() for w in re.findall(r"[\w’'-]+", text)]
    words = [w.removesuffix("’s").removesuffix("'s") for w in words]
    kept = [w for w in words if w not in _ORG_FILLER and not _is_place_word(w, places)]
    # "Federal Assembly of the Russian Federation": the tail only names the country.
    if "federation" in kept and kept[-1] == "federation" and len(kept) > 2:
        kept = kept[:-1]
    return " ".join(kept)


def same_organisation(key_a: str, key_b: str) -> bool:
    """One body, named more or less fully ("state duma", "russian state duma")."""
    a, b = set(key_a.split()), set(key_b.split())
    return bool(a and b) and (a <= b or b <= a)
