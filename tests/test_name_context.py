"""What the words around a name say: ordinary words, sentence openings, appositive roles."""

from __future__ import annotations

from factcheck.config import Config
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.facts.names.context import DraftWords
from factcheck.facts.names.leading_titles import lower_case_words
from factcheck.model import Analysis, Mention
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config

CORPUS = {"a.md": "Anna Kovacs, chairman of the Water Board, opened the test plant.\n"}


def _words(pipeline: LoadedPipeline, draft: str) -> tuple[DraftWords, Analysis]:
    config: Config = seeds_config()
    engine = Engine(config, corpus=CORPUS, pipeline=pipeline)
    analysis = analyse(pipeline.nlp, document_from_text("d.md", draft), pipeline.key)
    return DraftWords(engine.facts, analysis), analysis


def _mention(analysis: Analysis, text: str) -> Mention:
    return next(m for m in analysis.mentions if m.text == text)


def test_lower_case_words_are_the_words_written_in_lower_case(
    rules_pipeline: LoadedPipeline,
) -> None:
    analysis = analyse(rules_pipeline.nlp, document_from_text("d.md", "Best wishes to West."), "k")
    assert lower_case_words([analysis]) == {"wishes", "to"}


def test_ordinary_words_come_from_the_corpus_the_draft_and_stop_words(
    pipeline: LoadedPipeline,
) -> None:
    words, _ = _words(pipeline, "Kovacs praised the results.")
    assert words.ordinary("Test")  # the corpus writes "test"
    assert words.ordinary("Results")  # the draft writes "results"
    assert words.ordinary("Most")  # a stop word
    assert not words.ordinary("Kovacs")


def test_a_mention_opens_its_sentence_or_not(pipeline: LoadedPipeline) -> None:
    words, analysis = _words(pipeline, "Kovacs said so. He then met Peter Horvath.")
    assert words.opens_sentence(_mention(analysis, "Kovacs"))
    assert not words.opens_sentence(_mention(analysis, "Peter Horvath"))


def test_the_role_of_an_appositive(pipeline: LoadedPipeline) -> None:
    words, analysis = _words(pipeline, "Peter Horvath, a spokesman, said so. Anna Kovacs said so.")
    assert words.role_after(_mention(analysis, "Peter Horvath")) == "spokesperson"
    assert words.role_after(_mention(analysis, "Anna Kovacs")) is None


def test_a_word_opening_a_sentence_is_used_as_a_name_only_with_a_sign(
    pipeline: LoadedPipeline,
) -> None:
    draft = (
        "Kovacs said so. Horvath's plan won. Szabo, a spokesman, left. Toth met them. Toth left."
    )
    words, analysis = _words(pipeline, draft)
    for name in ("Kovacs", "Horvath", "Szabo"):
        assert words.used_as_name(_mention(analysis, name)), name
    assert not words.used_as_name(_mention(analysis, "Toth"))
    words, analysis = _words(pipeline, "Toth met them. They thanked Toth.")
    assert words.used_as_name(_mention(analysis, "Toth"))
