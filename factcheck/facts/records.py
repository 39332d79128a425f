"""The fact records of the corpus fact base, and where each is stated.

A fact keeps every place that states it (document, line, sentence), so a
finding can show its evidence and how many documents agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from factcheck.model import Analysis, Document, Evidence, Span
from factcheck.positions import LineIndex


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
    role: str = ""  # the role word as first stated ("chairman", "speaker": one group)
    org_key: str = ""
    organisation: str = ""  # the organisation as the corpus writes it
    # The dates of the documents that state it: titles change over time.
    dates: set[dt.date] = field(default_factory=set)


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
    year: int | None = None  # the stating document's year
    year_shift: int = 0  # "next year will mark the 75th": the anniversary is a year later
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
        # The prose, not the file: evidence should read as the article does,
        # without HTML tags or Markdown markers (offsets are the same).
        return " ".join(self.document.prose[span.start : span.end].split())

    def occurrence(self, sentence: int, at: Span) -> Occurrence:
        return Occurrence(
            self.document.path, self.lines.position(at.start)[0], self.quote(sentence)
        )
