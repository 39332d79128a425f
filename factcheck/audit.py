"""``factcheck audit``: where the trusted corpus disagrees with itself.

A draft is only as well checked as the corpus is consistent: when one article
misspells a name or dates a meeting a day off, the checkers may take either
side. The audit lists such disagreements, each with the competing values, how
many documents give each and where, so that an archive editor can clean the
corpus first. Everything is computed from the fact base (:mod:`factcheck.facts`)
by generic rules; nothing here knows about particular people or events.

Kinds of disagreement:

* names: one entity written with different spellings of its full name;
* titles: one person given the same role in different organisations, or
  different roles in the same organisation;
* dates: the same occasion (same kind of event, same people, days apart)
  dated differently by different documents;
* counts: the same series or anniversary given different numbers by
  different documents of the same (or an unknown) year;
* swapped names: sentences of two documents that say the same thing but name
  a different organisation or person in the same place (the NPC working with
  one chamber in one article, another chamber in the next).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from factcheck.alignment import AlignedSentence, aligned_sentences
from factcheck.facts import (
    CorpusFacts,
    CountFact,
    EventFact,
    Fact,
    RoleFact,
    content_words,
    same_series,
)
from factcheck.model import Category, Evidence
from factcheck.namebook import name_tokens, normalise_name
from factcheck.nlp.timex import weekday_name
from factcheck.output.common import plural
from factcheck.output.excerpt import clip

if TYPE_CHECKING:
    from factcheck.engine import Engine

AUDIT_FORMATS = ("text", "json")
JSON_VERSION = 1

# Evidence lines shown per side: enough to find the documents, not a listing.
EVIDENCE_LIMIT = 3
# Dates this many days apart or fewer, for the same kind of event and the same
# people, are read as one occasion dated differently; further apart, as two
# occasions (the same window the dates checker uses against drafts).
OCCASION_DAYS = 14
# Shared people two events need to be one occasion (fewer when one names fewer).
SHARED_PEOPLE = 2
# Names two count sentences need in common when one has no "of ..." phrase.
SHARED_CONTEXT = 2

_CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}
QUOTE_WIDTH = 120


@dataclass(frozen=True)
class Side:
    """One of the values the corpus gives, with the documents that give it."""

    value: str
    support: int  # how many corpus documents give this value
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Disagreement:
    """Corpus documents that state different values for one thing."""

    category: Category
    subject: str  # who or what the values are about
    sides: tuple[Side, ...]  # the best-supported value first


def audit_corpus(engine: Engine) -> list[Disagreement]:
    """Every disagreement inside the engine's corpus, in category then subject order."""
    return corpus_disagreements(engine.facts)


def corpus_disagreements(facts: CorpusFacts) -> list[Disagreement]:
    found = [
        *name_disagreements(facts),
        *title_disagreements(facts),
        *date_disagreements(facts),
        *count_disagreements(facts),
        *swap_disagreements(facts),
    ]
    return sorted(found, key=lambda d: (_CATEGORY_ORDER[d.category], d.subject.lower()))


# --- sides -------------------------------------------------------------------------


def _side(value: str, facts: Iterable[Fact]) -> Side:
    """One value and every fact stating it, merged so each document counts once."""
    merged = Fact(occurrences=[o for fact in facts for o in fact.occurrences])
    return Side(value, merged.support, merged.evidence(limit=EVIDENCE_LIMIT))


def _ordered(sides: Iterable[Side]) -> tuple[Side, ...]:
    # Ties are ordered by value only to keep the output stable between runs.
    return tuple(sorted(sides, key=lambda s: (-s.support, s.value)))


# --- names -------------------------------------------------------------------------


def name_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    for entity in facts.names.entities:
        spellings = [s for s in entity.spellings if not _is_part_name(s, entity.canonical)]
        if len(spellings) < 2:
            continue
        sides = (_side(s, [_spelling_fact(facts, s)]) for s in spellings)
        yield Disagreement(Category.NAME, entity.canonical, _ordered(sides))


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


# --- titles ------------------------------------------------------------------------


def title_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    by_person: dict[str, list[RoleFact]] = defaultdict(list)
    for role in facts.roles:
        by_person[role.person].append(role)
    for person, roles in by_person.items():
        # Each RoleFact is one (person, role group, organisation key), so two in
        # a group are two organisations for one role, and the other way round.
        for group, same_role in _grouped(roles, lambda r: r.role_group).items():
            if len(same_role) > 1:
                yield _title_disagreement(f"{person} as {group}", same_role)
        for _, same_org in _grouped(roles, lambda r: r.org_key).items():
            if len(same_org) > 1:
                organisation = max(same_org, key=lambda r: r.support).organisation
                yield _title_disagreement(f"{person} in the {organisation}", same_org)


def _title_disagreement(subject: str, roles: Sequence[RoleFact]) -> Disagreement:
    sides = (_side(f"{r.role} of the {r.organisation}", [r]) for r in roles)
    return Disagreement(Category.TITLE, subject, _ordered(sides))


# --- dates -------------------------------------------------------------------------


def date_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    events = [e for e in facts.events if e.date is not None]
    for occasion in _occasions(events, _same_occasion, _dates_differ):
        by_date = _grouped(occasion, _event_date)
        sides = (_side(_date_value(date), group) for date, group in by_date.items())
        yield Disagreement(Category.DATE, _occasion_subject(occasion), _ordered(sides))


def _event_date(event: EventFact) -> dt.date:
    assert event.date is not None  # undated events are left out before grouping
    return event.date


def _same_occasion(a: EventFact, b: EventFact) -> bool:
    if a.kind != b.kind or a.date is None or b.date is None:
        return False
    needed = min(SHARED_PEOPLE, len(a.people), len(b.people))
    return len(a.people & b.people) >= needed and abs((a.date - b.date).days) <= OCCASION_DAYS


def _dates_differ(a: EventFact, b: EventFact) -> bool:
    return a.date != b.date


def _date_value(date: dt.date) -> str:
    return f"{date.isoformat()} ({weekday_name(date.weekday())})"


def _occasion_subject(events: Sequence[EventFact]) -> str:
    shared = frozenset.intersection(*(e.people for e in events))
    people = sorted(shared or frozenset.union(*(e.people for e in events)))
    return f"{events[0].kind} of {' and '.join(people)}"


# --- counts ------------------------------------------------------------------------


def count_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    for series in _occasions(facts.counts, _same_series, _values_differ):
        by_value = _grouped(series, lambda c: c.value)
        sides = (_side(str(value), group) for value, group in by_value.items())
        ordered = _ordered(sides)
        majority = next(c for c in series if str(c.value) == ordered[0].value)
        yield Disagreement(Category.COUNT, _count_subject(facts, majority), ordered)


def _same_series(a: CountFact, b: CountFact) -> bool:
    if a.head != b.head:
        return False
    # A count read in an article of another year may number a later meeting.
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.series and b.series:
        return same_series(a.series, b.series)
    # No "of ..." phrase on one side: the sentences' names must match instead.
    return len(a.context & b.context) >= SHARED_CONTEXT


def _values_differ(a: CountFact, b: CountFact) -> bool:
    return a.value != b.value


def _count_subject(facts: CorpusFacts, count: CountFact) -> str:
    written = _written_series(facts, count)
    if written:
        # Extraction keeps the series as spaced lower-case tokens: "the china - russia ...".
        words = written.replace(" - ", "-").split()
        return f"{count.head} of the {' '.join(words[1:] if words[0] == 'the' else words)}"
    if count.series:
        return f"{count.head} ({' '.join(sorted(count.series))})"
    return f"{count.head} ({', '.join(sorted(count.context))})"


def _written_series(facts: CorpusFacts, count: CountFact) -> str:
    """The series as an article writes it; the fact keeps only its words, unordered."""
    for occurrence in count.occurrences:
        analysis = facts.analyses.get(occurrence.source)
        if analysis is None:
            continue
        for expression in analysis.counts:
            if (
                expression.series
                and expression.head == count.head
                and expression.value == count.value
                and content_words(expression.series) == count.series
            ):
                return expression.series
    return ""


# --- swapped names in parallel sentences ---------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """Where one document names an entity in a sentence that another says alike."""

    source: str
    sentence: int
    key: str  # the alignment's entity key: "org:federal assembly", "person:..."


def swap_disagreements(facts: CorpusFacts) -> Iterable[Disagreement]:
    """Parallel sentences of two documents that name different entities in one place.

    Every corpus document is aligned against the others as a draft would be
    (:mod:`factcheck.alignment`). A side's support then counts every document
    that names its entity together with the slot's companions (the other names
    the parallel sentences share), so that one odd article stands out against
    the several that write the same pairing in other words.
    """
    sentences = {
        path: aligned_sentences(analysis, facts.entity_key)
        for path, analysis in facts.analyses.items()
    }
    slots: list[_Slot] = []
    companions: list[frozenset[str]] = []
    index: dict[_Slot, int] = {}
    joined_pairs: list[tuple[int, int]] = []
    for path, analysis in facts.analyses.items():
        for swap in facts.entity_swaps(analysis):
            assert swap.draft.mention is not None and swap.corpus.mention is not None
            here = _Slot(path, swap.draft.mention.sentence, swap.draft.key)
            there = _Slot(
                swap.corpus_sentence.source, swap.corpus_sentence.sentence, swap.corpus.key
            )
            draft_sentence = sentences[path][here.sentence]
            ends = []
            for slot in (here, there):
                if slot not in index:
                    index[slot] = len(slots)
                    slots.append(slot)
                    companions.append(draft_sentence.entities - {here.key})
                ends.append(index[slot])
            joined_pairs.append((ends[0], ends[1]))
    joined = _UnionFind(len(slots))
    for a, b in joined_pairs:
        joined.join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in range(len(slots)):
        groups[joined.root(item)].append(item)
    for members in groups.values():
        shared = frozenset.intersection(*(companions[m] for m in members))
        keys = sorted({slots[m].key for m in members})
        yield _swap_disagreement(facts, sentences, keys, shared, [slots[m] for m in members])


def _swap_disagreement(
    facts: CorpusFacts,
    sentences: dict[str, list[AlignedSentence]],
    keys: Sequence[str],
    shared: frozenset[str],
    slots: Sequence[_Slot],
) -> Disagreement:
    sides = []
    for key in keys:
        written: Counter[str] = Counter()
        fact = Fact()
        for sentence in _naming(sentences, key, shared, slots):
            for item in sentence.items:
                if item.key == key and item.mention is not None:
                    written[normalise_name(item.mention.text)] += 1
                    fact.occurrences.append(
                        facts.texts[sentence.source].occurrence(
                            sentence.sentence, item.mention.span
                        )
                    )
                    break
        sides.append(_side(written.most_common(1)[0][0], [fact]))
    kind = keys[0].split(":", 1)[0]
    noun = "organisation" if kind == "org" else "person"
    category = Category.TITLE if kind == "org" else Category.NAME
    company = [_written_name(sentences, key) for key in sorted(shared)]
    subject = f"the {noun} named with {' and '.join(company)}" if company else f"the {noun}"
    return Disagreement(category, subject, _ordered(sides))


def _naming(
    sentences: dict[str, list[AlignedSentence]],
    key: str,
    shared: frozenset[str],
    slots: Sequence[_Slot],
) -> Iterable[AlignedSentence]:
    """The slots' sentences naming ``key``, and any other naming it with all of ``shared``."""
    at_slots = {(s.source, s.sentence) for s in slots if s.key == key}
    for path, aligned in sentences.items():
        for sentence in aligned:
            if key not in sentence.entities:
                continue
            if (path, sentence.sentence) in at_slots or (shared and shared <= sentence.entities):
                yield sentence


def _written_name(sentences: dict[str, list[AlignedSentence]], key: str) -> str:
    """The way the corpus most often writes the entity behind an alignment key."""
    written: Counter[str] = Counter(
        normalise_name(item.mention.text)
        for aligned in sentences.values()
        for sentence in aligned
        for item in sentence.items
        if item.key == key and item.mention is not None
    )
    return written.most_common(1)[0][0] if written else key.split(":", 1)[-1]


# --- grouping ----------------------------------------------------------------------

_F = TypeVar("_F", bound=Fact)
_K = TypeVar("_K")


def _grouped(items: Iterable[_F], key: Callable[[_F], _K]) -> dict[_K, list[_F]]:
    groups: dict[_K, list[_F]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def _occasions(
    facts: Sequence[_F],
    related: Callable[[_F, _F], bool],
    differ: Callable[[_F, _F], bool],
) -> Iterable[list[_F]]:
    """Groups of related facts in which two documents differ.

    Related facts are joined transitively, so that every document stating
    one occasion lands in the same group and the occasion is reported once.
    A group counts only when two related facts from different documents
    differ: one article giving two dates for the same people is more likely
    telling of two meetings than contradicting itself.
    """
    joined = _UnionFind(len(facts))
    pairs = [(i, j) for i in range(len(facts)) for j in range(i + 1, len(facts))]
    related_pairs = [(i, j) for i, j in pairs if related(facts[i], facts[j])]
    for i, j in related_pairs:
        joined.join(i, j)
    conflicted = {
        joined.root(i)
        for i, j in related_pairs
        if differ(facts[i], facts[j]) and _sources(facts[i]).isdisjoint(_sources(facts[j]))
    }
    groups: dict[int, list[_F]] = defaultdict(list)
    for index, fact in enumerate(facts):
        if joined.root(index) in conflicted:
            groups[joined.root(index)].append(fact)
    return list(groups.values())


class _UnionFind:
    """Disjoint sets of ``0..size-1``: joins related items transitively."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def root(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self._parent[self.root(a)] = self.root(b)


def _sources(fact: Fact) -> set[str]:
    return {o.source for o in fact.occurrences}


# --- rendering ---------------------------------------------------------------------


def render_audit(disagreements: Sequence[Disagreement], fmt: str) -> str:
    if fmt == "text":
        return _render_text(disagreements)
    if fmt == "json":
        return _render_json(disagreements)
    raise ValueError(f"unknown audit format {fmt!r}; expected one of {', '.join(AUDIT_FORMATS)}")


def _render_text(disagreements: Sequence[Disagreement]) -> str:
    out: list[str] = []
    for disagreement in disagreements:
        out.append(f"{disagreement.category.value}: {disagreement.subject}")
        for side in disagreement.sides:
            out.append(f'  "{side.value}": {plural(side.support, "document")}')
            out.extend(f"    {_evidence_line(e, side.value)}" for e in side.evidence)
        out.append("")
    out.append(_summary(disagreements))
    return "".join(line + "\n" for line in out)


def _evidence_line(evidence: Evidence, value: str) -> str:
    quote = " ".join(evidence.quote.split())
    # Keep the value in view when the sentence states it as the audit writes it.
    where = quote.lower().find(value.lower())
    start, end = (where, where + len(value)) if where >= 0 else (0, 0)
    excerpt = clip(quote, start, end, QUOTE_WIDTH)
    return f'{evidence.source}:{evidence.line}: "{excerpt.text}"'


def _summary(disagreements: Sequence[Disagreement]) -> str:
    if not disagreements:
        return "No disagreements in the corpus."
    by_category: dict[Category, int] = defaultdict(int)
    for disagreement in disagreements:
        by_category[disagreement.category] += 1
    kinds = ", ".join(
        f"{count} {category.value}"
        for category, count in sorted(
            by_category.items(), key=lambda item: _CATEGORY_ORDER[item[0]]
        )
    )
    return f"{plural(len(disagreements), 'disagreement')} in the corpus ({kinds})"


def _render_json(disagreements: Sequence[Disagreement]) -> str:
    payload = {
        "version": JSON_VERSION,
        "disagreements": [
            {
                "category": d.category.value,
                "subject": d.subject,
                "sides": [
                    {
                        "value": side.value,
                        "support": side.support,
                        "evidence": [
                            {
                                "source": e.source,
                                "line": e.line,
                                "quote": e.quote,
                                "support": e.support,
                            }
                            for e in side.evidence
                        ],
                    }
                    for side in d.sides
                ],
            }
            for d in disagreements
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "AUDIT_FORMATS",
    "Disagreement",
    "Side",
    "audit_corpus",
    "corpus_disagreements",
    "render_audit",
]
