"""``factcheck audit``: where the trusted corpus disagrees with itself.

A draft is only as well checked as the corpus is consistent: when one article
misspells a name or dates a meeting a day off, the checkers may take either
side. The audit lists such disagreements, each with the competing values, how
many documents give each and where, so that an archive editor can clean the
corpus first. Everything is computed from the fact base (:mod:`factcheck.facts.corpus`)
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

The finding of each kind has its own module; ``render`` writes the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.audit.counts import SHARED_CONTEXT, count_disagreements
from factcheck.audit.dates import OCCASION_DAYS, SHARED_PEOPLE, date_disagreements
from factcheck.audit.names import name_disagreements
from factcheck.audit.render import AUDIT_FORMATS, JSON_VERSION, QUOTE_WIDTH, render_audit
from factcheck.audit.sides import CATEGORY_ORDER, EVIDENCE_LIMIT, Disagreement, Side
from factcheck.audit.swaps import swap_disagreements
from factcheck.audit.titles import title_disagreements
from factcheck.facts import CorpusFacts

if TYPE_CHECKING:
    from factcheck.engine import Engine


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
    return sorted(found, key=lambda d: (CATEGORY_ORDER[d.category], d.subject.lower()))


__all__ = [
    "AUDIT_FORMATS",
    "EVIDENCE_LIMIT",
    "JSON_VERSION",
    "OCCASION_DAYS",
    "QUOTE_WIDTH",
    "SHARED_CONTEXT",
    "SHARED_PEOPLE",
    "Disagreement",
    "Side",
    "audit_corpus",
    "corpus_disagreements",
    "count_disagreements",
    "date_disagreements",
    "name_disagreements",
    "render_audit",
    "swap_disagreements",
    "title_disagreements",
]
