from __future__ import annotations

import itertools

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


@pytest.mark.parametrize(
    "run",
    ["alpha-" * MAX_RUN + "omega", "https://example.org/" + "path/" * MAX_RUN, "ab," * MAX_RUN],
)
def test_a_long_run_is_cut_between_a_word_and_a_mark(pipeline: LoadedPipeline, run: str) -> None:
    text = f"see {run} here"
    doc = make_doc(pipeline.nlp, text)
    assert 1 < len(doc) < len(run) // 2  # cut, but not into one token a character
    for before, after in itertools.pairwise(doc):
        if before.idx + len(before.text) == after.idx:  # a cut inside the run
            assert not (text[after.idx - 1].isalnum() and text[after.idx].isalnum())


def test_a_lone_surrogate_becomes_one_replacement_character(pipeline: LoadedPipeline) -> None:
    text = "\ud800 Zhao \udfff said"
    assert spacy_safe(text) == "\ufffd Zhao \ufffd said"
    doc = make_doc(pipeline.nlp, text)
    assert len(doc.text) == len(text)
    assert [t.text for t in doc] == ["\ufffd", "Zhao", "\ufffd", "said"]
