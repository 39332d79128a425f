"""Dated events read off the dependency parse (factcheck/nlp/events.py)."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.documents import document_from_text
from factcheck.model import Analysis, EventClaim, Span
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.serialize import analysis_from_json, analysis_to_json


def _events(pipeline: LoadedPipeline, text: str) -> list[tuple[str, str, str, list[str], bool]]:
    """(predicate, preposition, time, participants, future) for each event."""
    analysis = analyse(pipeline.nlp, document_from_text("x.md", text), pipeline.key)
    return [
        (
            event.predicate,
            event.preposition,
            analysis.times[event.time].text,
            [text[span.start : span.end] for span in event.participants],
            event.future,
        )
        for event in analysis.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle's subject is the clause's: "Speaking ..., Mr Sandor said".
        (
            "Speaking on Thursday, Mr Peter Sandor said the evidence was weak.",
            ("speak", "on", "Thursday", ["Peter Sandor"], False),
        ),
        # An event noun heads the time; its possessor and "over" phrase take part,
        # where it happened does not.
        (
            "It was Portugal's first win over Spain in Lisbon since 1995.",
            ("win", "since", "1995", ["Portugal", "Spain"], False),
        ),
        # With no one named, the place is what tells the event apart.
        (
            "The storm damaged roofs in Port Elms on 3 March.",
            ("damage", "on", "3 March", ["Port Elms"], False),
        ),
        # A relative clause's subject is its antecedent.
        (
            "Jorge Marquez, who took over from Alan Whitby in October, has lost again.",
            ("take", "in", "October", ["Jorge Marquez", "Alan Whitby"], False),
        ),
        # A plan: "will visit".
        (
            "On Wednesday Karl Berg will visit Hull North with his aides.",
            ("visit", "on", "Wednesday", ["Karl Berg", "Hull North"], True),
        ),
        # A possessive weekday dates the noun it qualifies.
        (
            "Wednesday's statement said the federation would meet.",
            ("statement", "", "Wednesday", [], False),
        ),
    ],
)
def test_the_time_dates_the_word_it_attaches_to(
    statistical_pipeline: LoadedPipeline,
    text: str,
    expected: tuple[str, str, str, list[str], bool],
) -> None:
    assert _events(statistical_pipeline, text) == [expected]


def test_a_time_phrase_dates_the_word_above_it(statistical_pipeline: LoadedPipeline) -> None:
    # "the end of March" is all time: the issuing is what it dates.
    ((predicate, preposition, time, _, future),) = _events(
        statistical_pipeline, "The ruling will be issued by the end of March."
    )
    assert (predicate, preposition, time, future) == ("issue", "by", "March", True)


def test_names_of_a_clause_inside_are_not_participants(
    statistical_pipeline: LoadedPipeline,
) -> None:
    events = _events(statistical_pipeline, "Karl Berg said on Monday that Ana Lopes had resigned.")
    assert [(p, people) for p, _, _, people, _ in events] == [("say", ["Karl Berg"])]


def test_the_full_stop_after_a_date_is_not_the_time(statistical_pipeline: LoadedPipeline) -> None:
    ((predicate, preposition, _, _, _),) = _events(
        statistical_pipeline, "Sumatra was badly hit by the flood of 28 December."
    )
    assert (predicate, preposition) == ("flood", "of")


def test_the_common_nouns_of_the_phrase_are_kept(statistical_pipeline: LoadedPipeline) -> None:
    text = "Lawyers for both sides argued at the hearing in Dallas on 15 February."
    analysis = analyse(
        statistical_pipeline.nlp, document_from_text("x.md", text), statistical_pipeline.key
    )
    assert all("hearing" in {e.predicate, *e.nouns} for e in analysis.events)
    assert analysis.events


def test_the_direct_object_is_kept(statistical_pipeline: LoadedPipeline) -> None:
    text = "Karl Berg is visiting constituencies in the north on Monday."
    analysis = analyse(
        statistical_pipeline.nlp, document_from_text("x.md", text), statistical_pipeline.key
    )
    assert [e.object for e in analysis.events] == ["constituency"]


def test_a_passive_subject_is_what_the_verb_acts_on(statistical_pipeline: LoadedPipeline) -> None:
    text = "The final verdict will be issued by the end of March."
    analysis = analyse(
        statistical_pipeline.nlp, document_from_text("x.md", text), statistical_pipeline.key
    )
    assert [(e.predicate, e.object) for e in analysis.events] == [("issue", "verdict")]


def test_an_infinitive_takes_the_subject_of_the_verb_above(
    statistical_pipeline: LoadedPipeline,
) -> None:
    text = "Karl Berg is expected to end the talks and sign a treaty on 5 May."
    ((_, _, _, people, _),) = _events(statistical_pipeline, text)
    assert people == ["Karl Berg"]


def test_what_a_verb_of_saying_says_is_kept(statistical_pipeline: LoadedPipeline) -> None:
    text = "Speaking on Thursday, Karl Berg said the evidence from the auditors was weak."
    analysis = analyse(
        statistical_pipeline.nlp, document_from_text("x.md", text), statistical_pipeline.key
    )
    assert [e.content for e in analysis.events] == [("auditor", "evidence")]


def test_the_rule_based_pipeline_reads_no_events(rules_pipeline: LoadedPipeline) -> None:
    assert _events(rules_pipeline, "On Wednesday Karl Berg will visit Hull North.") == []


def test_events_round_trip_through_the_cache_codec() -> None:
    event = EventClaim(
        predicate="visit",
        predicate_span=Span(3, 8),
        time=0,
        preposition="on",
        participants=(Span(10, 19), Span(20, 30)),
        sentence=0,
        future=True,
        nouns=("aide",),
    )
    analysis = dataclasses.replace(
        Analysis(path="a.md", sha256="00", pipeline="p", published=None), events=(event,)
    )
    assert analysis_from_json(analysis_to_json(analysis)) == analysis
