"""Organisation hierarchy: which body is part of which, and how two bodies relate.

Two sources. The corpus, where an appositive says so in a clear pattern
("X, the upper house of Y", "X, a chamber of Y", "X, part of Y") or a
genitive names the relation ("Y's upper house, X"), each link with the
sentence that states it; and the configuration's ``organisation-parents``
table, the house knowledge a newsroom keeps. Names are compared with the
organisation keys (acronyms expanded, country words dropped).

A relation never clears a finding: two chambers of one parliament are still
two bodies. It only tells the editor that the draft named a related body,
which is the likelier mix-up, and why the corpus thinks so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.facts.records import Fact, SentenceText
from factcheck.facts.sentences import by_sentence
from factcheck.facts.titles.organisations import same_organisation
from factcheck.model import Analysis, Evidence, Mention
from factcheck.nlp.nameruns import POSSESSIVE

# The relation nouns of a clear pattern. Role nouns ("chairman of") are not
# here: they relate a person to a body, not a body to a body.
_RELATION = (
    r"(?:(?:lower|upper|first|second)\s+)?(?:house|chamber)"
    r"|(?:sub)?committee|branch|arm|division|department|agency"
)
# "X, the lower house of ", "X, a chamber of ", "X, part of ".
_AFTER_CHILD = re.compile(
    rf"\s*,\s+(?P<relation>(?:(?:the|a|an|one)\s+)?(?:{_RELATION})|part)\s+of\s+",
    re.IGNORECASE,
)
# "'s upper house, " after the parent, then the child.
_AFTER_PARENT = re.compile(rf"\s+(?P<relation>{_RELATION})\s*,\s+", re.IGNORECASE)
# What may stand between the relation and a name: an article.
_ARTICLE = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)

Key = Callable[[str], str]
IsOrganisation = Callable[[Mention], bool]
# (sentence, child, parent, relation): one clear pattern of one document.
ParentPattern = tuple[int, Mention, Mention, str]


@dataclass
class ParentLink:
    """``child`` is ``relation`` of ``parent``: where the corpus says so, or configured."""

    child: str
    parent: str
    relation: str  # "the lower house", "a chamber", "part"
    child_key: str
    parent_key: str
    fact: Fact = field(default_factory=Fact)  # no occurrences: from the configuration

    def statement(self) -> str:
        return f"the {self.child} is {self.relation} of the {self.parent}"


@dataclass(frozen=True)
class Relation:
    """How two different bodies are related, and the corpus sentences that say so."""

    note: str
    evidence: tuple[Evidence, ...]


def stated_links(
    texts: Mapping[str, SentenceText],
    is_org: IsOrganisation,
    key: Key,
    patterns: Mapping[str, Sequence[ParentPattern]] | None = None,
) -> list[ParentLink]:
    """The parent links the corpus states, one per (child, parent), with every place;
    ``patterns`` are each document's :func:`parent_patterns` (by path), when the
    caller has read them already."""
    links: dict[tuple[str, str], ParentLink] = {}
    for path, text in texts.items():
        found = (
            patterns[path]
            if patterns is not None
            else parent_patterns(text.document.prose, text.analysis)
        )
        for sentence, child, parent, relation in found:
            if not (is_org(child) and is_org(parent)):
                continue
            child_key, parent_key = key(child.text), key(parent.text)
            if not child_key or not parent_key or same_organisation(child_key, parent_key):
                continue
            link = links.setdefault(
                (child_key, parent_key),
                ParentLink(
                    _words(child.text), _words(parent.text), relation, child_key, parent_key
                ),
            )
            link.fact.occurrences.append(text.occurrence(sentence, child.span))
    return list(links.values())


def configured_links(parents: Iterable[tuple[str, str]], key: Key) -> list[ParentLink]:
    # The table says only that one body belongs to another, not as what.
    return [
        ParentLink(child, parent, "part", key(child), key(parent))
        for child, parent in parents
        if key(child) and key(parent)
    ]


class Hierarchy:
    """Parent links, from the corpus and the configuration, and the relations they imply."""

    def __init__(self, links: Iterable[ParentLink], key: Key) -> None:
        self.links = list(links)
        self.key = key

    def relation(self, name_a: str, name_b: str) -> Relation | None:
        """How the body named ``name_a`` relates to ``name_b``: one contains the
        other, or both belong to one body; None when unrelated or the same."""
        key_a, key_b = self.key(name_a), self.key(name_b)
        if not key_a or not key_b or same_organisation(key_a, key_b):
            return None
        up_a, up_b = self._ancestors(key_a), self._ancestors(key_b)
        # Every explanation, and the shortest one told: the nearest common body.
        found: list[tuple[int, Relation]] = []
        for ancestors, other in ((up_a, key_b), (up_b, key_a)):
            for ancestor, path in ancestors:
                if same_organisation(ancestor, other):
                    found.append((len(path), _relation(path)))
        for ancestor, path_a in up_a:
            for other_ancestor, path_b in up_b:
                if same_organisation(ancestor, other_ancestor):
                    found.append((len(path_a) + len(path_b), _siblings(path_a, path_b)))
        return min(found, key=lambda pair: pair[0])[1] if found else None

    def _ancestors(self, key: str) -> list[tuple[str, list[ParentLink]]]:
        """Each body above ``key``, nearest first, with the links that lead to it."""
        found: list[tuple[str, list[ParentLink]]] = []
        frontier: list[tuple[str, list[ParentLink]]] = [(key, [])]
        seen = {key}
        while frontier:
            current, path = frontier.pop(0)
            for link in self.links:
                # A configured cycle must not loop: each body is visited once.
                if same_organisation(link.child_key, current) and link.parent_key not in seen:
                    seen.add(link.parent_key)
                    step = (link.parent_key, [*path, link])
                    found.append(step)
                    frontier.append(step)
        return found


def _relation(path: list[ParentLink]) -> Relation:
    evidence = tuple(e for link in path for e in link.fact.evidence(limit=1))
    return Relation("; ".join(link.statement() for link in path), evidence)


def _siblings(path_a: list[ParentLink], path_b: list[ParentLink]) -> Relation:
    a, b = path_a[-1], path_b[-1]
    if len(path_a) == len(path_b) == 1 and a.relation == b.relation == "part":
        # Two configured entries under one parent read as one statement.
        evidence = a.fact.evidence(limit=1) + b.fact.evidence(limit=1)
        return Relation(
            f"the {a.child} and the {b.child} are both part of the {a.parent}", evidence
        )
    return _relation(path_a + path_b)


def _words(name: str) -> str:
    return " ".join(name.split()).removeprefix("the ").removeprefix("The ")


def parent_patterns(prose: str, analysis: Analysis) -> list[ParentPattern]:
    """(sentence, child, parent, relation) for each clear pattern in one document."""
    return list(_patterns(prose, analysis))


def _patterns(prose: str, analysis: Analysis) -> Iterable[ParentPattern]:
    for sentence, in_sentence in by_sentence(analysis.mentions).items():
        mentions = sorted(in_sentence, key=lambda m: m.span.start)
        for index, mention in enumerate(mentions):
            after = mentions[index + 1 :]
            match = _AFTER_CHILD.match(prose, mention.span.end)
            if match is not None:
                parent = _name_at(prose, match.end(), after)
                # An unnamed parent ("the country's parliament") is skipped: it
                # names no body another name could be compared with, and "the
                # country" is not resolved across documents.
                if parent is not None:
                    yield sentence, mention, parent, " ".join(match["relation"].lower().split())
            possessive = _possessive_end(prose, mention.span.end)
            match = _AFTER_PARENT.match(prose, possessive) if possessive else None
            if match is not None:
                child = _name_at(prose, match.end(), after)
                if child is not None:
                    yield sentence, child, mention, f"the {' '.join(match['relation'].split())}"


def _name_at(prose: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The name that starts at ``start`` past an article, past "Russia's" too."""
    position = start
    for mention in mentions:
        if mention.span.start < position:
            continue  # a capitalised relation ("the Upper House"), not the parent
        if _ARTICLE.fullmatch(prose, position, mention.span.start) is None:
            return None
        end = _possessive_end(prose, mention.span.end)
        if end is None:
            return mention
        # A possessive's owner is not the body named: "Russia's Federal Assembly".
        position = end
    return None


def _possessive_end(prose: str, end: int) -> int | None:
    for mark in sorted(POSSESSIVE, key=len, reverse=True):
        if prose.startswith(mark, end):
            return end + len(mark)
    return None
