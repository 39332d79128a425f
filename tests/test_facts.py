"""The corpus fact base: look-ups answer as a scan of every corpus name would."""

from __future__ import annotations

import datetime as dt

from factcheck.engine import Engine
from factcheck.facts.corpus import CorpusFacts, Fact, PersonTitles, speaker_surname
from factcheck.facts.events import same_occasion
from factcheck.facts.names.namebook import normalise_name
from factcheck.nlp.pipeline import load_pipeline
from tests.conftest import seeds_config


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


# --- the query API checkers use: key lookups answer as scans would ---------------------


def test_events_on_and_of_occasion_find_what_a_scan_finds(seed_engine: Engine) -> None:
    facts = seed_engine.facts
    days = sorted({f.date for f in facts.events if f.date is not None})
    assert days, "the seed corpus dates events"
    probes = {day + dt.timedelta(days=shift) for day in days for shift in (-15, -14, 0, 3, 14, 15)}
    for day in sorted(probes):
        assert facts.events_on(day) == [f for f in facts.events if f.date == day]
        assert facts.events_of_occasion(day) == [
            f for f in facts.events if f.date is not None and same_occasion(f.date, day)
        ]
    assert facts.undated_events() == [f for f in facts.events if f.date is None]


def test_events_of_occasion_keep_corpus_order_across_days() -> None:
    corpus = {
        "a.md": "---\ndate: 2025-03-10\n---\nKarl Berg met Ana Lopes on Friday in Vienna.\n",
        "b.md": "---\ndate: 2025-03-03\n---\nKarl Berg met Ana Lopes on Monday in Vienna.\n",
    }
    facts = Engine(seeds_config(), corpus=corpus, pipeline=load_pipeline(rules_only=True)).facts
    dated = [f for f in facts.events if f.date is not None]
    assert len({f.date for f in dated}) == 2
    assert facts.events_of_occasion(dt.date(2025, 3, 5)) == dated


def test_quotes_of_find_what_a_surname_scan_finds(seed_engine: Engine) -> None:
    facts = seed_engine.facts
    speakers = sorted({q.speaker for q in facts.quotes if q.speaker is not None})
    assert speakers, "the seed corpus attributes quotations"
    for speaker in [*speakers, "Mr. " + speakers[0].split()[-1], "Nobody Known", ""]:
        surname = speaker_surname(speaker)
        same = [
            q
            for q in facts.quotes
            if q.speaker is not None
            and surname is not None
            and speaker_surname(q.speaker) == surname
        ]
        assert facts.quotes_of(speaker) == same
        assert facts.quotes_of(speaker, unattributed=True) == [
            q for q in facts.quotes if q in same or q.speaker is None
        ]


def test_speaker_surname_drops_titles_and_full_stops() -> None:
    assert speaker_surname("Mr. Blair") == "blair"
    assert speaker_surname("Tony Blair") == "blair"
    assert speaker_surname("") is None


def test_people_named_and_titles_of(seed_engine: Engine) -> None:
    facts = seed_engine.facts
    person = next(r.person for r in facts.roles)
    surname = person.split()[-1]
    assert person in {e.canonical for e in facts.people_named(surname)}
    titles = facts.titles_of(person)
    assert list(titles.roles) == facts.roles_of(person)
    assert list(titles.learnt) == facts.learnt_titles().titles_of(person)
    assert facts.titles_of("Nobody Known") == PersonTitles(roles=(), learnt=())
