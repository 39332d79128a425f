"""Values with their slot, read from invented sentences on both pipelines."""

from __future__ import annotations

import pytest

from factcheck.documents import document_from_text
from factcheck.model import ValueClaim
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline


def _values(pipeline: LoadedPipeline, text: str) -> list[ValueClaim]:
    return list(analyse(pipeline.nlp, document_from_text("d.md", text), pipeline.key).values)


def _ages(pipeline: LoadedPipeline, text: str) -> list[tuple[str, float]]:
    return [(v.owners[0], v.value) for v in _values(pipeline, text) if v.is_age]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Helga Sorensen, 58, opened the bridge.", [("Helga Sorensen", 58.0)]),
        ("Helga Sorensen, aged 58, opened the bridge.", [("Helga Sorensen", 58.0)]),
        ("Helga Sorensen, who is 58, opened the bridge.", [("Helga Sorensen", 58.0)]),
        ("The 58-year-old Helga Sorensen opened the bridge.", [("Helga Sorensen", 58.0)]),
        ("Helga Sorensen, the 58-year-old mayor, opened it.", [("Helga Sorensen", 58.0)]),
        # Opening a sentence, "the 58-year-old" is the person of the sentence before.
        (
            "Few spoke longer than Helga Sorensen at the bridge.\n\n"
            "The tireless 58-year-old opened it at noon.",
            [("Helga Sorensen", 58.0)],
        ),
        # In the speaker's own words.
        ('"I\'m 58 years old," Helga Sorensen said.', [("Helga Sorensen", 58.0)]),
        # Not ages: a sum, a year, a count, an age with no one's name.
        ("Helga Sorensen, 2004, opened the bridge.", []),
        ("The bridge cost 58 million crowns.", []),
        ("The 58-year-old bridge was opened again.", []),
    ],
)
def test_ages_and_whose_they_are(pipeline: LoadedPipeline, text: str, ages: list[object]) -> None:
    assert _ages(pipeline, text) == ages


def _count(pipeline: LoadedPipeline, text: str, number: str) -> ValueClaim:
    (claim,) = [v for v in _values(pipeline, text) if v.text == number and not v.is_age]
    return claim


def test_a_count_is_read_only_from_the_parse(rules_pipeline: LoadedPipeline) -> None:
    text = "The seven-member panel met on Friday."
    assert [v for v in _values(rules_pipeline, text) if not v.is_age] == []


@pytest.mark.parametrize(
    ("text", "number", "noun", "whole", "modifier", "owner"),
    [
        # The size of a thing: its members are counted.
        ("The seven-member panel met on Friday.", "seven", "member", "panel", "panel", None),
        # The modifiers and the "of" noun place what is counted.
        ("Police seized eight audio tapes.", "eight", "tape", "", "audio", None),
        ("Lars Eide said 40% of the harvest was lost.", "40", "%", "", "harvest", "Lars Eide"),
        # Whose it is: the named subject, the named object, the "of" noun's possessor.
        ("Lars Eide was banned for two years.", "two", "year", "", None, "Lars Eide"),
        ("The union banned Lars Eide for two years.", "two", "year", "", None, "Lars Eide"),
        ("The mill produced 40% of Norway's paper.", "40", "%", "", "paper", "Norway"),
        # What a clause says its counted subject is; "per cent" is "%".
        ("Lars Eide said 15 per cent were fake.", "15", "%", "", "fake", "Lars Eide"),
    ],
)
def test_a_count_with_what_it_counts_and_whose_it_is(
    statistical_pipeline: LoadedPipeline,
    text: str,
    number: str,
    noun: str,
    whole: str,
    modifier: str | None,
    owner: str | None,
) -> None:
    claim = _count(statistical_pipeline, text, number)
    assert (claim.noun, claim.whole) == (noun, whole)
    if modifier is not None:
        assert modifier in claim.modifiers
    assert claim.owners == ((owner,) if owner else ())


@pytest.mark.parametrize(
    "text",
    [
        "The seventy-fifth session opened.",  # a part of a longer number
        "They scored first-half goals.",  # the first half every match has
        "The race was over 200m on Friday.",  # a distance, not a sum
        "The plant opened in 1998 workshops.",  # a year
    ],
)
def test_numbers_that_count_nothing_of_their_own(
    statistical_pipeline: LoadedPipeline, text: str
) -> None:
    words = {"fifth", "first", "200m", "1998"}
    assert [v.text for v in _values(statistical_pipeline, text) if v.text in words] == []
