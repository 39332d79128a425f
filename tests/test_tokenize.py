from __future__ import annotations

import pytest

from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.nlp.tokenize import MAX_RUN, make_doc, spacy_safe


@pytest.mark.parametrize(
    "text",
    [
        "Zhao Leji met Vyacheslav Volodin in Beijing.",
        "a " + '"' * (3 * MAX_RUN + 7) + " b\n\nc",
        "x-" * (2 * MAX_RUN),
        "  " + "y" * (MAX_RUN + 1) + "  \n",
        "see https://example.org/" + "p" * (2 * MAX_RUN) + ". Then",
    ],
)
def test_the_doc_text_is_the_input_character_for_character(
    pipeline: LoadedPipeline, text: str
) -> None:
    doc = make_doc(pipeline.nlp, text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_a_normal_text_is_tokenized_as_spacy_does(pipeline: LoadedPipeline) -> None:
    text = 'Zhao Leji, chairman of China\'s NPC, said: "We will."'
    assert [t.text for t in make_doc(pipeline.nlp, text)] == [
        t.text for t in pipeline.nlp.make_doc(text)
    ]


def test_a_long_run_of_marks_is_cut(pipeline: LoadedPipeline) -> None:
    doc = make_doc(pipeline.nlp, '"' * (10 * MAX_RUN))
    assert max(len(t.text) for t in doc) <= MAX_RUN


def test_a_long_word_is_never_cut(pipeline: LoadedPipeline) -> None:
    # Cut inside, "1111...1th" would end in a token "1th": the 1st of something.
    word = "1" * 4301 + "th"
    doc = make_doc(pipeline.nlp, f"the {word} meeting")
    assert word in [t.text for t in doc]


def test_pieces_are_cut_between_a_word_and_a_mark(pipeline: LoadedPipeline) -> None:
    text = ("alpha-" * (MAX_RUN // 2)) + "omega"
    # (A piece may end in "alpha-": spaCy leaves a final hyphen on its word.)
    words = {t.text.strip("-") for t in make_doc(pipeline.nlp, text)} - {""}
    assert words == {"alpha", "omega"}


def test_a_lone_surrogate_becomes_one_replacement_character(pipeline: LoadedPipeline) -> None:
    text = "\ud800 Zhao \udfff said"
    assert spacy_safe(text) == "\ufffd Zhao \ufffd said"
    doc = make_doc(pipeline.nlp, text)
    assert len(doc.text) == len(text)
    assert [t.text for t in doc] == ["\ufffd", "Zhao", "\ufffd", "said"]
