"""The corpus fact base: what the trusted articles say, with provenance.

Built once per run from the corpus analyses. Each fact keeps the places that
state it (document, line, sentence), so a finding can show its evidence and
how many documents agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.alignment import (
    AlignedSentence,
    Swap,
    TimePair,
    aligned_sentences,
    find_swaps,
    paired_times,
)
from factcheck.model import Analysis, Document, Evidence, Mention, Span, TimeExpression
from factcheck.namebook import NameBook, NameEntity, normalise_name
from factcheck.nlp import lexicon
from factcheck.nlp.places import PLACE_WORDS
from factcheck.nlp.timex import RawTime, resolve
from factcheck.positions import LineIndex

_ACRONYM_DEFINITION = re.compile(
    r"((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|the|and|[A-Z][\w’'-]*))*?)\s*\(([A-Z]{2,8})\)"
)
_ORG_FILLER = {"the", "of", "for", "and", "'s", "’s"}
_EVENT_KINDS = {
    "meet": "meeting", "meets": "meeting", "met": "meeting", "meeting": "meeting",
    "talk": "meeting", "talks": "meeting", "hold": "meeting", "held": "meeting",
    "host": "meeting", "hosted": "meeting", "hosting": "meeting", "session": "meeting",
    "summit": "meeting", "conference": "meeting",
    "visit": "visit", "visited": "visit", "visiting": "visit", "visits": "visit",
    "call": "statement", "called": "statement",
}  # fmt: skip


@dataclass(frozen=True)
class Occurrence:
    """Where a fact is stated: enough to build :class:`Evidence`."""

    source: str
    line: int
    quote: str


@dataclass
class Fact:
    """A fact with every place that states it."""

    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def support(self) -> int:
        return len({o.source for o in self.occurrences})

    def evidence(self, limit: int = 3) -> tuple[Evidence, ...]:
        support = self.support
        seen: set[str] = set()
        chosen: list[Evidence] = []
        for occurrence in self.occurrences:
            if occurrence.source in seen:
                continue
            seen.add(occurrence.source)
            chosen.append(Evidence(occurrence.source, occurrence.line, occurrence.quote, support))
            if len(chosen) == limit:
                break
        return tuple(chosen)


@dataclass
class RoleFact(Fact):
    person: str = ""  # canonical name
    role_group: str = ""
    role: str = ""  # the role word most often used
    org_key: str = ""
    organisation: str = ""  # the organisation as the corpus writes it


@dataclass
class EventFact(Fact):
    people: frozenset[str] = frozenset()
    kind: str = ""
    date: dt.date | None = None
    weekday: int | None = None


@dataclass
class CountFact(Fact):
    head: str = ""
    series: frozenset[str] = frozenset()
    value: int = 0
    year: int | None = None
    context: frozenset[str] = frozenset()  # the people and organisations of the sentence


@dataclass
class QuoteFact(Fact):
    speaker: str | None = None
    text: str = ""


class SentenceText:
    """Sentence text and line numbers for one document."""

    def __init__(self, document: Document, analysis: Analysis) -> None:
        self.document = document
        self.analysis = analysis
        self.lines = LineIndex(document.text)

    def quote(self, sentence: int) -> str:
        span = self.analysis.sentences[sentence].span
        return " ".join(self.document.text[span.start : span.end].split())

    def occurrence(self, sentence: int, at: Span) -> Occurrence:
        return Occurrence(
            self.document.path, self.lines.position(at.start)[0], self.quote(sentence)
        )


SERIES_OVERLAP = 0.5  # share of series words two phrases need in common


def same_series(series_a: frozenset[str], series_b: frozenset[str]) -> bool:
    """Do two "of ..." phrases name one series ("the China-Russia committee ...")?"""
    if not series_a or not series_b:
        return False
    return len(series_a & series_b) / min(len(series_a), len(series_b)) >= SERIES_OVERLAP


def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if w not in _STOP_WORDS and len(w) > 1)


_STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "in",
        "on",
        "at",
        "to",
        "with",
        "their",
        "its",
        "his",
        "her",
        "our",
        "by",
        "as",
        "from",
        "establishment",
    ]
)


@dataclass
class _DraftAlignment:
    """A draft's aligned sentences and, once computed, its entity swaps."""

    analysis: Analysis
    sentences: list[AlignedSentence]
    swaps: list[Swap] | None = None


class CorpusFacts:
    """Everything the corpus states, built from its analyses."""

    def __init__(
        self,
        pairs: Sequence[tuple[Document, Analysis]],
        *,
        name_threshold: float = 85.0,
    ) -> None:
        self.documents = {document.path: document for document, _ in pairs}
        self.analyses = {analysis.path: analysis for _, analysis in pairs}
        self.texts = {
            document.path: SentenceText(document, analysis) for document, analysis in pairs
        }
        self.names = NameBook.build(
            ((a.path, m) for _, a in pairs for m in a.mentions),
            threshold=name_threshold,
            people=(claim.holder for _, a in pairs for claim in a.roles),
        )
        self.dates = _document_dates(pairs)
        self.acronyms = self._acronyms(pairs)
        self.place_words = self._place_words()
        self.roles: list[RoleFact] = []
        self.events: list[EventFact] = []
        self.counts: list[CountFact] = []
        self.quotes: list[QuoteFact] = []
        for document, analysis in pairs:
            self._add_document(document, analysis)
        self._last_draft: _DraftAlignment | None = None
        self._sentences_by_entity: dict[str, list[AlignedSentence]] = defaultdict(list)
        for _, analysis in pairs:
            for aligned in aligned_sentences(analysis, self.entity_key):
                for key in aligned.entities:
                    self._sentences_by_entity[key].append(aligned)

    # --- sentence alignment --------------------------------------------------------------

    def entity_key(self, mention: Mention) -> str | None:
        """How a name is compared across sentences: a person, an organisation, or not a slot."""
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

    def _candidates(self, draft: AlignedSentence) -> list[AlignedSentence]:
        """Corpus sentences that name one of the draft sentence's people or bodies."""
        candidates: dict[tuple[str, int], AlignedSentence] = {}
        for key in sorted(draft.entities):
            for corpus in self._sentences_by_entity.get(key, ()):
                candidates[(corpus.source, corpus.sentence)] = corpus
        return list(candidates.values())

    def _draft(self, analysis: Analysis) -> _DraftAlignment:
        """The last draft's alignment: the checkers of one draft share it."""
        if self._last_draft is None or self._last_draft.analysis is not analysis:
            self._last_draft = _DraftAlignment(
                analysis, aligned_sentences(analysis, self.entity_key)
            )
        return self._last_draft

    def entity_swaps(self, analysis: Analysis) -> list[Swap]:
        """Names in ``analysis`` that parallel corpus sentences put another name in place of."""
        draft = self._draft(analysis)
        if draft.swaps is None:
            draft.swaps = [
                swap
                for sentence in draft.sentences
                for swap in find_swaps(sentence, self._candidates(sentence))
            ]
        return draft.swaps

    def parallel_times(self, analysis: Analysis) -> list[TimePair]:
        """The dates in ``analysis`` with the dates parallel corpus sentences give instead."""
        pairs: list[TimePair] = []
        for sentence in self._draft(analysis).sentences:
            pairs.extend(paired_times(sentence, self._candidates(sentence)))
        return pairs

    def swapped_names(self, analysis: Analysis, kind: str) -> list[SwappedName]:
        """Entity swaps of one kind ("person" or "org"), one per draft name, with the
        corpus name most parallel sentences use in its place."""
        by_span: dict[Span, list[Swap]] = defaultdict(list)
        for swap in self.entity_swaps(analysis):
            if swap.draft.kind == kind and swap.draft.mention is not None:
                by_span[swap.draft.mention.span].append(swap)
        found = []
        for span, swaps in by_span.items():
            votes: dict[str, list[Swap]] = defaultdict(list)
            for swap in swaps:
                votes[swap.corpus.key].append(swap)
            chosen = max(
                votes.values(), key=lambda group: len({s.corpus_sentence.source for s in group})
            )
            fact = Fact()
            for swap in chosen:
                assert swap.corpus.mention is not None
                sentence = swap.corpus_sentence
                fact.occurrences.append(
                    self.texts[sentence.source].occurrence(
                        sentence.sentence, swap.corpus.mention.span
                    )
                )
            assert chosen[0].corpus.mention is not None and chosen[0].draft.mention is not None
            found.append(
                SwappedName(
                    span=span,
                    found=normalise_name(chosen[0].draft.mention.text),
                    expected=normalise_name(chosen[0].corpus.mention.text),
                    evidence=fact.evidence(),
                )
            )
        return found

    # --- names and organisations -----------------------------------------------------

    @staticmethod
    def _acronyms(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, str]:
        found: dict[str, str] = {}
        for document, _ in pairs:
            for match in _ACRONYM_DEFINITION.finditer(document.prose):
                expansion = normalise_name(match.group(1))
                letters = "".join(w[0] for w in expansion.split() if w[0].isupper())
                # Keep the expansion's tail whose initials spell the acronym.
                if match.group(2) in letters or letters.endswith(match.group(2)):
                    words = expansion.split()
                    while words and "".join(w[0] for w in words if w[0].isupper()) != match.group(
                        2
                    ):
                        words = words[1:]
                    if words:
                        found.setdefault(match.group(2), " ".join(words))
        return found

    def _place_words(self) -> frozenset[str]:
        """Words that only say which country: "Russian", "China's"."""
        words: set[str] = set(PLACE_WORDS)
        for entity in self.names.entities:
            if entity.kind in {"GPE", "NORP"} and len(entity.canonical.split()) == 1:
                words.add(entity.canonical.lower())
        return frozenset(words)

    def _is_place_word(self, word: str) -> bool:
        """A country or its adjective: "russia", "russian", "chinese"."""
        if word in self.place_words:
            return True
        if not word.endswith(("an", "ese", "ish", "i")) or len(word) < 5:
            return False
        return any(len(p) >= 4 and p[:4] == word[:4] for p in self.place_words)

    def person(self, name: str) -> NameEntity | None:
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

    def resolve_organisation(self, name: str) -> str:
        """An organisation's name with a misspelling corrected ("State Dumma" is the
        "State Duma"): what it is written as matters to FC102, not to its roles."""
        if self.names.is_known(name):
            return name
        correction = self.names.correct(name)
        if correction is not None and correction[1].kind == "ORG":
            return correction[0]
        return name

    def name_fact(self, spelling: str) -> Fact:
        """Every corpus sentence that writes ``spelling`` (or its words, for a part name)."""
        wanted = spelling.lower()
        fact = Fact()
        for path, analysis in self.analyses.items():
            for mention in analysis.mentions:
                written = normalise_name(mention.text).lower()
                # A part name counts inside a longer one, word for word only:
                # "Yacheslav Volodin" is not inside "Vyacheslav Volodin".
                if written == wanted or (" " in wanted and f" {wanted} " in f" {written} "):
                    fact.occurrences.append(
                        self.texts[path].occurrence(mention.sentence, mention.span)
                    )
        return fact

    @staticmethod
    def same_organisation(key_a: str, key_b: str) -> bool:
        """One body, named more or less fully ("state duma", "russian state duma")."""
        a, b = set(key_a.split()), set(key_b.split())
        return bool(a and b) and (a <= b or b <= a)

    def org_key(self, organisation: str) -> str:
        """A comparison key for an organisation: acronyms expanded, country words dropped."""
        text = re.sub(r"\([A-Z]{2,8}\)", " ", organisation)
        for acronym, expansion in self.acronyms.items():
            text = re.sub(rf"\b{acronym}\b", expansion, text)
        words = [w.lower() for w in re.findall(r"[\w’'-]+", text)]
        words = [w.removesuffix("’s").removesuffix("'s") for w in words]
        kept = [w for w in words if w not in _ORG_FILLER and not self._is_place_word(w)]
        # "Federal Assembly of the Russian Federation": the tail only names the country.
        if "federation" in kept and kept[-1] == "federation" and len(kept) > 2:
            kept = kept[:-1]
        return " ".join(kept)

    # --- facts from one document ------------------------------------------------------

    def _add_document(self, document: Document, analysis: Analysis) -> None:
        text = self.texts[document.path]
        self._add_roles(analysis, text)
        self._add_events(analysis, text)
        self._add_counts(analysis, text)
        self._add_quotes(analysis, text)

    def _add_roles(self, analysis: Analysis, text: SentenceText) -> None:
        for claim in analysis.roles:
            person = self.person(claim.holder)
            if person is None:
                continue
            group = lexicon.ROLE_GROUPS.get(claim.role.lower(), claim.role.lower())
            key = self.org_key(claim.organisation)
            fact = next(
                (
                    r
                    for r in self.roles
                    if (r.person, r.role_group, r.org_key) == (person.canonical, group, key)
                ),
                None,
            )
            if fact is None:
                fact = RoleFact(
                    person=person.canonical,
                    role_group=group,
                    role=claim.role.lower(),
                    org_key=key,
                    organisation=normalise_name(claim.organisation),
                )
                self.roles.append(fact)
            fact.occurrences.append(text.occurrence(claim.sentence, claim.span))

    def people_in(self, analysis: Analysis, sentence: int) -> frozenset[str]:
        return frozenset(
            entity.canonical
            for m in analysis.mentions
            if m.sentence == sentence
            and (entity := self.person(m.text)) is not None
            and entity.kind == "PERSON"
        )

    def people_near(self, analysis: Analysis, sentence: int, time: Span) -> frozenset[str]:
        """The sentence's people, if one of them is named near the time expression."""
        mentions = [
            m
            for m in analysis.mentions
            if m.sentence == sentence
            and (e := self.person(m.text)) is not None
            and e.kind == "PERSON"
        ]
        if not any(_near(m.span, time) for m in mentions):
            return frozenset()
        return frozenset(e.canonical for m in mentions if (e := self.person(m.text)) is not None)

    def _add_events(self, analysis: Analysis, text: SentenceText) -> None:
        for event in sentence_events(self, analysis, self.dates[analysis.path]):
            fact = EventFact(
                people=event.people,
                kind=event.kind,
                date=event.date,
                weekday=event.weekday,
            )
            fact.occurrences.append(text.occurrence(event.sentence, event.span))
            self.events.append(fact)

    def _add_counts(self, analysis: Analysis, text: SentenceText) -> None:
        for count in analysis.counts:
            fact = CountFact(
                head=count.head,
                series=content_words(count.series),
                value=count.value,
                year=date.year if (date := self.dates[analysis.path]) else None,
                context=self.context_in(analysis, count.sentence),
            )
            fact.occurrences.append(text.occurrence(count.sentence, count.span))
            self.counts.append(fact)

    def context_in(self, analysis: Analysis, sentence: int) -> frozenset[str]:
        found: set[str] = set()
        for mention in analysis.mentions:
            if mention.sentence != sentence:
                continue
            entity = self.names.entity(mention.text)
            found.add(entity.canonical if entity else normalise_name(mention.text))
        return frozenset(found)

    def _add_quotes(self, analysis: Analysis, text: SentenceText) -> None:
        for quotation in analysis.quotations:
            speaker = self.person(quotation.speaker) if quotation.speaker else None
            fact = QuoteFact(speaker=speaker.canonical if speaker else None, text=quotation.text)
            fact.occurrences.append(text.occurrence(quotation.sentence, quotation.span))
            self.quotes.append(fact)


# An undated document that shares this many sentences with a dated one is a
# copy of the same story (a wire report republished) and takes its date.
_SHARED_SENTENCES = 3
_SHARED_SHARE = 0.3


def _document_dates(pairs: Sequence[tuple[Document, Analysis]]) -> dict[str, dt.date | None]:
    def sentences(document: Document, analysis: Analysis) -> set[str]:
        return {
            " ".join(re.findall(r"\w+", document.text[s.span.start : s.span.end].lower()))
            for s in analysis.sentences
            if s.end_token - s.first_token >= 6
        }

    texts = {a.path: sentences(d, a) for d, a in pairs}
    dates: dict[str, dt.date | None] = {a.path: a.published for _, a in pairs}
    dated = [a for _, a in pairs if a.published is not None]
    for _, analysis in pairs:
        if analysis.published is not None or not texts[analysis.path]:
            continue
        own = texts[analysis.path]
        best = max(dated, key=lambda d: len(own & texts[d.path]), default=None)
        if best is None:
            continue
        shared = len(own & texts[best.path])
        if shared >= _SHARED_SENTENCES and shared / len(own) >= _SHARED_SHARE:
            dates[analysis.path] = best.published
    return dates


@dataclass(frozen=True)
class SwappedName:
    """A draft name that parallel corpus sentences replace with another."""

    span: Span
    found: str
    expected: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SentenceEvent:
    """An event stated in one sentence: who, what kind, when."""

    people: frozenset[str]
    kind: str
    date: dt.date | None
    weekday: int | None
    sentence: int
    span: Span  # the time expression


def sentence_events(
    facts: CorpusFacts, analysis: Analysis, reference: dt.date | None
) -> Iterable[SentenceEvent]:
    """Sentences with one time expression, known people and an event word."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, time in enumerate(analysis.times):
        by_sentence[time.sentence].append(index)
    for sentence, indexes in by_sentence.items():
        if len(indexes) != 1:
            continue  # "from Tuesday to Thursday": a range is not one event date
        time = analysis.times[indexes[0]]
        if time.weekday is None and time.day is None:
            continue
        people = facts.people_near(analysis, sentence, time.span)
        kind = _event_kind(analysis, sentence, time.span)
        if not people or kind is None:
            continue
        date = resolve_time(time, reference)
        weekday = date.weekday() if date is not None else time.weekday
        yield SentenceEvent(people, kind, date, weekday, sentence, time.span)


def resolve_time(time: TimeExpression, reference: dt.date | None) -> dt.date | None:
    """The day a time expression names, read against its document's date."""
    raw = RawTime(
        time.span.start, time.span.end, time.text, time.weekday,
        time.year, time.month, time.day, time.relative,
    )  # fmt: skip
    return resolve(raw, reference)


# A time expression belongs to an event word or a name this near (in
# characters), else it dates something else in the sentence ("the gathering
# ... scheduled for September 3").
_NEAR = 60


def _near(a: Span, b: Span) -> bool:
    return b.start - _NEAR <= a.start <= b.end + _NEAR


def _event_kind(analysis: Analysis, sentence: int, time: Span) -> str | None:
    bounds = analysis.sentences[sentence]
    tokens = analysis.tokens[bounds.first_token : bounds.end_token]
    kinds = [(_EVENT_KINDS.get(t.lower), t.span) for t in tokens]
    near = [kind for kind, span in kinds if kind is not None and _near(span, time)]
    anywhere = [kind for kind, _ in kinds if kind is not None]
    chosen = near or anywhere
    return chosen[0] if chosen else None


def mentions_in(analysis: Analysis, sentence: int) -> list[Mention]:
    return [m for m in analysis.mentions if m.sentence == sentence]
