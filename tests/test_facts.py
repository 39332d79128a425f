"""The corpus fact base: look-ups answer as a scan of every corpus name would."""

from __future__ import annotations

from factcheck.engine import Engine
from factcheck.facts import CorpusFacts, Fact
from factcheck.namebook import normalise_name


def _scanned_name_fact(facts: CorpusFacts, spelling: str) -> Fact:
    """``name_fact`` as it was: every corpus mention compared."""
    wanted = spelling.lower()
    fact = Fact()
    for path, analysis in facts.analyses.items():
        for mention in analysis.mentions:
            written = normalise_name(mention.text).lower()
            if written == wanted or (" " in wanted and f" {wanted} " in f" {written} "):
                fact.occurrences.append(
                    facts.texts[path].occurrence(mention.sentence, mention.span)
                )
    return fact


def test_name_fact_finds_what_a_scan_finds(seed_engine: Engine) -> None:
    facts = seed_engine.facts
    spellings = {normalise_name(m.text) for a in facts.analyses.values() for m in a.mentions}
    parts = {" ".join(s.split()[i:j]) for s in spellings for i in range(3) for j in range(i + 1, 9)}
    wanted = sorted(spellings | parts | {"", "a  b", " state", "x " * 10})
    assert any(len(_scanned_name_fact(facts, s).occurrences) > 1 for s in wanted)
    for spelling in wanted:
        assert (
            facts.name_fact(spelling).occurrences == _scanned_name_fact(facts, spelling).occurrences
        )
