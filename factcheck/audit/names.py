"""Name disagreements: one entity written with different spellings of its full name."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.audit.sides import Disagreement, by_support, side
from factcheck.facts import CorpusFacts, Fact
from factcheck.facts.names.namebook import name_tokens, normalise_name
from factcheck.model import Category


def name_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    for entity in facts.names.entities:
        spellings = [s for s in entity.spellings if not _is_part_name(s, entity.canonical)]
        if len(spellings) < 2:
            continue
        sides = (side(s, [_spelling_fact(facts, s)]) for s in spellings)
        yield Disagreement(Category.NAME, entity.canonical, by_support(sides))


def _is_part_name(spelling: str, canonical: str) -> bool:
    """A run of the canonical name's words ("Volodin"): a short form, not a spelling."""
    if spelling == canonical:
        return False
    words = [w.lower() for w in name_tokens(spelling)]
    whole = [w.lower() for w in name_tokens(canonical)]
    return any(whole[i : i + len(words)] == words for i in range(len(whole) - len(words) + 1))


def _spelling_fact(facts: CorpusFacts, spelling: str) -> Fact:
    """The mentions written exactly ``spelling``.

    Not ``CorpusFacts.name_fact``: it also matches a spelling inside a longer
    one ("Yacheslav Volodin" in "Vyacheslav Volodin"), which would put both
    sides' sentences on the misspelling's side.
    """
    fact = Fact()
    for path, analysis in facts.analyses.items():
        for mention in analysis.mentions:
            if normalise_name(mention.text) == spelling:
                fact.occurrences.append(
                    facts.texts[path].occurrence(mention.sentence, mention.span)
                )
    return fact
