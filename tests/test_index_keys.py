"""The retrieval keys of an analysis (factcheck/index/keys.py)."""

from __future__ import annotations

import dataclasses

from factcheck.index.keys import analysis_keys, name_words
from factcheck.model import Analysis, CountExpression, Mention, Span, Token


def _token(text: str, lemma: str) -> Token:
    return Token(span=Span(0, len(text)), text=text, lower=text.lower(), lemma=lemma, pos="")


ANALYSIS = Analysis(
    path="a.txt",
    sha256="0" * 64,
    pipeline="test",
    published=None,
    tokens=(
        _token("The", "the"),
        _token("talks", "talk"),
        _token("were", "be"),
        _token("held", "hold"),
        _token("in", "in"),
        _token("2024", "2024"),
        _token("Kazan", "Kazan"),
    ),
    mentions=(
        Mention(span=Span(0, 18), text="Vyacheslav Volodin's", label="PERSON", sentence=0),
        Mention(span=Span(0, 5), text="the State Duma", label="ORG", sentence=0),
        Mention(span=Span(0, 2), text="Xi", label="PERSON", sentence=0),
    ),
    counts=(
        CountExpression(
            span=Span(0, 4), text="10th", value=10, head="Meeting", series="", sentence=0
        ),
    ),
)


def test_names_are_keyed_as_the_name_book_compares_them() -> None:
    keys = analysis_keys(ANALYSIS)
    # Possessive and article gone (normalise_name), case folded.
    assert "n:vyacheslav volodin" in keys.keys
    assert "n:state duma" in keys.keys
    assert keys.spellings == {"Vyacheslav Volodin", "State Duma", "Xi"}


def test_name_words_of_three_letters_or_more_key_alone() -> None:
    keys = analysis_keys(ANALYSIS).keys
    assert {"w:vyacheslav", "w:volodin", "w:state", "w:duma"} <= keys
    assert "w:xi" not in keys
    assert "n:xi" in keys  # the whole name still keys
    assert name_words("Li Keqiang") == ["keqiang"]


def test_content_lemmas_without_stop_words_or_numbers() -> None:
    keys = analysis_keys(ANALYSIS).keys
    assert {"l:talk", "l:hold", "l:kazan"} <= keys
    assert not {"l:the", "l:be", "l:in", "l:2024"} & keys


def test_count_heads_are_keys() -> None:
    assert "c:meeting" in analysis_keys(ANALYSIS).keys


def test_keys_are_a_function_of_the_analysis() -> None:
    # The same content under another path, hash and pipeline has the same keys.
    moved = dataclasses.replace(ANALYSIS, path="elsewhere.txt", sha256="1" * 64, pipeline="other")
    assert analysis_keys(moved) == analysis_keys(ANALYSIS)
    assert analysis_keys(ANALYSIS).keys
