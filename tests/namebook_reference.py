"""The name book as it was before its blocking indexes: every candidate compared.

A reference for tests/test_namebook.py and benchmarks/namebook_speed.py only:
the product must answer as this does, faster. The methods are the all-pairs
code, unchanged.
"""

from __future__ import annotations

from factcheck.facts.names.initials import Initialled, initials_fit, split_initials
from factcheck.facts.names.namebook import NameBook, NameEntity, name_tokens, normalise_name
from factcheck.facts.names.spelling import one_edit_apart, words_close


class AllPairsNameBook(NameBook):
    """A name book that compares with every entity sharing a word, and every neighbour."""

    def _variant_of(self, name: str, kind: str) -> NameEntity | None:
        words = name_tokens(name)
        if len(words) < 2:
            return None
        initialled = split_initials(name)
        if initialled is not None:
            return self._fitting(initialled)
        candidates: list[NameEntity] = []
        for word in words:
            for entity in self._by_word.get(word.lower(), ()):
                if entity not in candidates:
                    candidates.append(entity)
        for entity in candidates:
            other = name_tokens(entity.canonical)
            if len(other) != len(words) or entity.canonical.lower() == name.lower():
                continue
            pairs = list(zip(words, other, strict=True))
            if all(words_close(a, b, self.threshold, context=True) for a, b in pairs):
                return entity
        return None

    def _fitting(self, initialled: Initialled) -> NameEntity | None:
        fitting = [
            e for e in self._with_surname(initialled) if initials_fit(initialled, e.canonical)
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _initialled_known(self, name: str) -> bool:
        initialled = split_initials(normalise_name(name))
        return initialled is not None and any(
            initials_fit(initialled, e.canonical) for e in self._with_surname(initialled)
        )

    def initials_contradict(self, name: str) -> list[NameEntity]:
        initialled = split_initials(normalise_name(name))
        if initialled is None:
            return []
        people = self._with_surname(initialled)
        return [] if any(initials_fit(initialled, e.canonical) for e in people) else people

    def _candidate_words(self, word: str, context: set[str]) -> list[str]:
        if context:
            return [self._known_words[w] for w in {w for c in context for w in self._neighbours[c]}]
        return sorted(w for w in self._known_words.values() if one_edit_apart(word, w))
