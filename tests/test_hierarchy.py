"""Organisation hierarchy: the clear patterns read from a corpus, and relations."""

from __future__ import annotations

import pytest

from factcheck.engine import Engine
from factcheck.facts.titles.hierarchy import Hierarchy, ParentLink
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config

# (corpus sentence, the link it states as "child > relation > parent", or None)
PATTERNS: list[tuple[str, str | None]] = [
    ("The Citizens Chamber, a chamber of the National Assembly, met.", "Citizens Chamber > a chamber > National Assembly"),
    ("The Grand Council, the upper house of Hungary's National Assembly, met.", "Grand Council > the upper house > National Assembly"),
    ("The Water Board, part of the Ministry of Agriculture, met on Friday.", "Water Board > part > Ministry of Agriculture"),
    ("The National Assembly's lower house, the Citizens Chamber, voted.", "Citizens Chamber > the lower house > National Assembly"),
    # An unnamed parent names no body to compare with: skipped.
    ("The Citizens Chamber, the lower house of the country's parliament, met.", None),
    # A bare genitive says nothing about how the two relate.
    ("The National Assembly's Citizens Chamber voted.", None),
    # A person's role is not a body's place in another.
    ("Anna Kovacs, chairman of the National Assembly, spoke.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "link"), PATTERNS)
def test_clear_patterns_state_a_parent(
    pipeline: LoadedPipeline, sentence: str, link: str | None
) -> None:
    engine = Engine(seeds_config(), corpus={"a.txt": sentence + "\n"}, pipeline=pipeline)
    links = engine.facts.organisation_links
    assert [f"{x.child} > {x.relation} > {x.parent}" for x in links] == ([link] if link else [])
    for found in links:
        (evidence,) = found.fact.evidence()
        assert (evidence.source, evidence.line, evidence.quote) == ("a.txt", 1, sentence)


def _key(name: str) -> str:
    return name.lower()


def _link(child: str, parent: str) -> ParentLink:
    return ParentLink(child, parent, "part", _key(child), _key(parent))


def test_a_configured_cycle_ends() -> None:
    hierarchy = Hierarchy([_link("a house", "b house"), _link("b house", "a house")], _key)
    relation = hierarchy.relation("a house", "b house")
    assert relation is not None and relation.note == "the a house is part of the b house"
    assert hierarchy.relation("a house", "c house") is None


def test_relations_over_several_levels() -> None:
    hierarchy = Hierarchy(
        [
            _link("budget committee", "lower house"),
            _link("lower house", "assembly"),
            _link("upper house", "assembly"),
        ],
        _key,
    )
    below = hierarchy.relation("budget committee", "assembly")
    assert below is not None and below.note == (
        "the budget committee is part of the lower house; the lower house is part of the assembly"
    )
    siblings = hierarchy.relation("upper house", "lower house")
    assert siblings is not None
    assert siblings.note == "the upper house and the lower house are both part of the assembly"
    # A sibling two levels down: each path is spelt out.
    cousin = hierarchy.relation("upper house", "budget committee")
    assert cousin is not None and cousin.note == (
        "the upper house is part of the assembly; the budget committee is part of the "
        "lower house; the lower house is part of the assembly"
    )
    assert hierarchy.relation("assembly", "assembly") is None
    assert hierarchy.relation("assembly", "water board") is None
