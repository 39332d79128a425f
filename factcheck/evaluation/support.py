"""Whether the other documents of a corpus state a fact too.

With its source document held out, an injected error can only be caught if
the remaining documents state the fact it contradicts. These questions are
asked of the fact base built without the source document; a case whose fact
is stated nowhere else is scored apart, so that the held-out figures measure
the checkers and not the corpus's coverage.
"""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz import fuzz

from factcheck.facts import CorpusFacts, content_words, sentence_events
from factcheck.model import Analysis, TimeExpression

# Word overlap of two quotations above which they are the same quotation.
_SAME_QUOTE = 90.0


class Support:
    """Questions about the corpus without one document (``None``: no other document)."""

    def __init__(self, others: CorpusFacts | None) -> None:
        self.others = others

    def name(self, canonical: str) -> bool:
        return self.others is not None and self.others.names.entity(canonical) is not None

    def has_role(self, person: str) -> bool:
        return self.others is not None and any(r.person == person for r in self.others.roles)

    def role(self, person: str, group: str, org_key: str) -> bool:
        if self.others is None:
            return False
        return any(
            (r.person, r.role_group, r.org_key) == (person, group, org_key)
            for r in self.others.roles
        )

    def count(self, head: str, value: int, series: str) -> bool:
        if self.others is None:
            return False
        words = content_words(series)
        return any(
            c.head == head and c.value == value and (not words or not c.series or words & c.series)
            for c in self.others.counts
        )

    def quote(self, text: str) -> bool:
        if self.others is None:
            return False
        wanted = _words(text)
        return any(
            wanted in _words(q.text) or fuzz.ratio(wanted, _words(q.text)) >= _SAME_QUOTE
            for q in self.others.quotes
        )

    def date(self, analysis: Analysis, time: TimeExpression, published: dt.date | None) -> bool:
        """Another document dates the same event (same people, same day or weekday)."""
        if self.others is None:
            return False
        # The event as the fact base reads it in the source document.
        events = [
            e for e in sentence_events(self.others, analysis, published) if e.span == time.span
        ]
        for event in events:
            for fact in self.others.events:
                if fact.kind != event.kind or len(fact.people & event.people) < min(
                    2, len(fact.people), len(event.people)
                ):
                    continue
                if event.date is not None and fact.date == event.date:
                    return True
                if (
                    event.date is None
                    and fact.weekday is not None
                    and fact.weekday == event.weekday
                ):
                    return True
        return False


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w’']+", text.lower().replace("’", "'")))
