"""How the fact base compares names: people resolved, organisations keyed.

The parallel sentences, the organisation hierarchy and the title tables keep
the functions that key a name for as long as they live. Kept as bound methods
of the fact base, they would make a reference cycle with it, and a fact base
dropped by the engine (a selection evicted, a corpus reloaded) would stay in
memory, with every analysis it holds, until the cyclic collector walked it.
These functions live here instead, on an object that holds the name book and
the organisation tables and nothing that holds it.
"""

from __future__ import annotations

from factcheck.facts.names.namebook import NameBook, NameEntity
from factcheck.facts.titles import organisations
from factcheck.model import Mention

__all__ = ["NameKeys"]


class NameKeys:
    """People and organisations of one corpus's name book, as they are compared."""

    def __init__(
        self, names: NameBook, acronyms: dict[str, str], place_words: frozenset[str]
    ) -> None:
        self.names = names
        self.acronyms = acronyms
        self.place_words = place_words
        self._org_keys: dict[str, str] = {}
        self._entity_keys: dict[tuple[str, str], str | None] = {}

    def person(self, name: str) -> NameEntity | None:
        """The entity ``name`` refers to, unless it is an organisation."""
        entity = self.names.entity(name)
        return entity if entity is not None and entity.kind != "ORG" else None

    def resolve_person(self, name: str) -> NameEntity | None:
        """The person a name refers to, misspelt or not ("Yacheslav Volodin")."""
        entity = self.person(name)
        if entity is None:
            correction = self.names.correct(name)
            if correction is not None and correction[1].kind != "ORG":
                entity = correction[1]
        return entity

    def org_key(self, organisation: str) -> str:
        """A comparison key for an organisation: acronyms expanded, country words dropped."""
        # Asked for every organisation mention, role and swap: the book is fixed, so
        # each written name is keyed once.
        key = self._org_keys.get(organisation)
        if key is None:
            key = organisations.org_key(organisation, self.acronyms, self.place_words)
            self._org_keys[organisation] = key
        return key

    def same_body(self, written: str, other: str) -> bool:
        """Two written organisations that are one body ("Labour", "the Labor Party")."""
        return organisations.same_organisation(self.org_key(written), self.org_key(other))

    def entity_key(self, mention: Mention) -> str | None:
        """How a name is compared across sentences: a person, an organisation, or not a slot."""
        # Asked for every corpus mention and every draft's: the book is fixed, so
        # each written name with its label is keyed once.
        asked = (mention.label, mention.text)
        if asked not in self._entity_keys:
            self._entity_keys[asked] = self._entity_key(mention)
        return self._entity_keys[asked]

    def _entity_key(self, mention: Mention) -> str | None:
        if mention.label in {"GPE", "NORP"}:
            return None
        person = self.resolve_person(mention.text)
        if person is not None and person.kind == "PERSON":
            return f"person:{person.canonical}"
        entity = self.names.entity(mention.text)
        if mention.label == "ORG" or (entity is not None and entity.kind == "ORG"):
            key = self.org_key(mention.text)
            return f"org:{key}" if key else None  # "China-Russia": only country words
        return None
