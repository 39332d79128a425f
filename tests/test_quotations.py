from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.model import Analysis
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline


def _analysis(pipeline: LoadedPipeline, text: str) -> Analysis:
    return analyse(pipeline.nlp, document_from_text("draft.txt", text), pipeline.key)


def test_a_quotation_opens_at_the_last_opening_mark(pipeline: LoadedPipeline) -> None:
    # An unclosed "“" is literal: the quotation is what the last one opens.
    text = "He wrote “ and more “cooperation matters” today."
    (quotation,) = _analysis(pipeline, text).quotations
    assert quotation.text == "cooperation matters"
    assert text[quotation.span.start : quotation.span.end] == quotation.text


def test_the_speaker_is_found_in_the_quotation_s_sentence(pipeline: LoadedPipeline) -> None:
    text = "Zhao Leji said “cooperation matters.” Volodin agreed."
    (quotation,) = _analysis(pipeline, text).quotations
    assert quotation.speaker == "Zhao Leji"


def test_each_quotation_gets_its_own_sentence_s_speaker(pipeline: LoadedPipeline) -> None:
    text = 'Zhao Leji said "we agree on this." Later, Volodin said "we agree too."'
    speakers = [q.speaker for q in _analysis(pipeline, text).quotations]
    assert speakers == ["Zhao Leji", "Volodin"]
