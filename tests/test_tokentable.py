from __future__ import annotations

import itertools

from factcheck.documents import document_from_text
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.nlp.tokentable import MAX_SENTENCE_TOKENS


def test_no_sentence_is_longer_than_the_cap(pipeline: LoadedPipeline) -> None:
    # A run-on "sentence" (no full stops) would make every per-claim sentence
    # read cost the whole text.
    text = "the first meeting " * MAX_SENTENCE_TOKENS
    analysis = analyse(pipeline.nlp, document_from_text("draft.txt", text), pipeline.key)
    assert len(analysis.sentences) >= 3
    assert all(s.end_token - s.first_token <= MAX_SENTENCE_TOKENS for s in analysis.sentences)
    # Every token is still in exactly one sentence, in order.
    assert analysis.sentences[0].first_token == 0
    assert analysis.sentences[-1].end_token == len(analysis.tokens)
    for before, after in itertools.pairwise(analysis.sentences):
        assert before.end_token == after.first_token


def test_a_normal_sentence_is_not_cut(pipeline: LoadedPipeline) -> None:
    text = "Zhao Leji met Vyacheslav Volodin in Beijing on Monday. They talked."
    analysis = analyse(pipeline.nlp, document_from_text("draft.txt", text), pipeline.key)
    assert len(analysis.sentences) == 2
