"""Tokens and parses kept as columns: the same sequence as the tuple of records."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.columns import ParseColumns, TokenColumns, sentence_column
from factcheck.model import Analysis, Sentence, Span, Token, TokenParse
from factcheck.storage.codec import decode_analysis, encode_analysis
from tests.test_serialize import full_analysis


def _tokens(words: list[str]) -> tuple[Token, ...]:
    tokens, start = [], 0
    for number, word in enumerate(words):
        tokens.append(
            Token(Span(start, start + len(word)), word, word.lower(), word, "X", number == 0)
        )
        start += len(word) + 1
    return tuple(tokens)


def _columns_of(tokens: tuple[Token, ...]) -> TokenColumns:
    # As a check reads them: written to the cache's form and read back, nothing made.
    read = decode_analysis(encode_analysis(Analysis("d.md", "", "p", None, tokens=tokens))).tokens
    assert isinstance(read, TokenColumns) and read._made is None
    return read


_WORDS = st.lists(st.text(alphabet="abcXY", min_size=1, max_size=4), max_size=12)


@given(_WORDS, st.integers(-15, 15), st.integers(-15, 15), st.sampled_from([None, 1, 2, -1]))
def test_reads_as_the_tuple_of_its_tokens(
    words: list[str], a: int, b: int, step: int | None
) -> None:
    tokens = _tokens(words)
    columns = _columns_of(tokens)
    assert len(columns) == len(tokens)
    assert columns[a:b:step] == tokens[a:b:step]
    for index in (a, b):
        if -len(tokens) <= index < len(tokens):
            assert columns[index] == tokens[index]
        else:
            with pytest.raises(IndexError):
                columns[index]
    assert tuple(columns) == tokens and list(reversed(columns)) == list(reversed(tokens))


def test_makes_a_token_only_when_one_is_read() -> None:
    columns = _columns_of(_tokens(["The", "Duma", "met"]))
    assert columns.lowers == ("the", "duma", "met") and columns.starts == (0, 4, 9)
    assert columns._deferred is None  # what the alignment walks read the bytes of no other
    assert columns[1] == Token(Span(4, 8), "Duma", "duma", "Duma", "X", False)
    assert columns._deferred is not None
    assert columns._made is None  # one read, none kept
    assert columns.records() is columns.records()  # a walk makes them all, once


def test_equals_and_hashes_as_its_tuple_and_pickles_as_one() -> None:
    tokens = _tokens(["a", "b"])
    columns = _columns_of(tokens)
    assert columns == tokens and tokens == columns and columns == _columns_of(tokens)
    assert columns != _tokens(["a", "c"]) and hash(columns) == hash(tokens)
    restored = pickle.loads(pickle.dumps(columns))
    assert type(restored) is tuple and restored == tokens


def test_columns_of_objects_are_read_off_them() -> None:
    tokens = _tokens(["Vyacheslav", "Volodin"])
    columns = TokenColumns.of(tokens)
    assert columns.lowers == ("vyacheslav", "volodin") and columns.starts == (0, 11)
    assert TokenColumns.of(columns) is columns
    parses = (TokenParse(1, "compound", "PERSON", True), TokenParse(1, "ROOT"))
    assert ParseColumns.of(parses).relations == ("compound", "ROOT")
    assert tuple(ParseColumns.of(parses)) == parses


def test_an_analysis_read_back_equals_the_one_written() -> None:
    analysis = full_analysis()
    decoded = decode_analysis(encode_analysis(analysis))
    assert decoded == analysis and hash(decoded.tokens) == hash(tuple(analysis.tokens))
    # Written again from its columns, it is the same bytes.
    assert encode_analysis(decoded) == encode_analysis(analysis)


_DUMA_MET_ON = {
    "starts": [4, 9, 13],
    "ends": [8, 12, 15],
    "texts": ["Duma", "met", "on"],
    "lowers": ["duma", "met", "on"],
    "lemmas": ["Duma", "met", "on"],
    "pos": ["X", "X", "X"],
}


@pytest.mark.parametrize("column", sorted(_DUMA_MET_ON))
def test_a_sentences_column_is_the_same_read_off_objects_or_columns(column: str) -> None:
    tokens = _tokens(["The", "Duma", "met", "on", "Friday"])
    sentence = Sentence(Span(4, 15), 1, 4)
    assert list(sentence_column(tokens, sentence, column)) == _DUMA_MET_ON[column]
    assert list(sentence_column(_columns_of(tokens), sentence, column)) == _DUMA_MET_ON[column]
