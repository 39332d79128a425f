"""Each token's head, relation and entity label, kept with the analysis."""

from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.serialize import analysis_from_json, analysis_to_json

TEXT = "The Belgian embassy closed on Friday.\n\nPolice counted 40 tractors."


def test_the_statistical_parse_gives_one_record_per_token(
    statistical_pipeline: LoadedPipeline,
) -> None:
    analysis = analyse(
        statistical_pipeline.nlp, document_from_text("a.txt", TEXT), statistical_pipeline.key
    )
    assert len(analysis.parses) == len(analysis.tokens)
    assert all(0 <= p.head < len(analysis.tokens) for p in analysis.parses)
    by_word = {t.text: p for t, p in zip(analysis.tokens, analysis.parses, strict=True)}
    assert analysis.tokens[by_word["Belgian"].head].text == "embassy"
    assert by_word["Belgian"].entity == "NORP" and by_word["Belgian"].entity_start
    assert by_word["40"].relation == "nummod"
    # The cache stores them with the rest of the analysis.
    assert analysis_from_json(analysis_to_json(analysis)) == analysis


def test_the_rule_based_pipeline_has_no_parse(rules_pipeline: LoadedPipeline) -> None:
    analysis = analyse(rules_pipeline.nlp, document_from_text("a.txt", TEXT), rules_pipeline.key)
    assert analysis.tokens and analysis.parses == ()
