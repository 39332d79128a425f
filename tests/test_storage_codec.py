from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections.abc import Callable
from typing import Any

import msgpack
import pytest

from factcheck.columns import ParseColumns, TokenColumns
from factcheck.documents import load_document
from factcheck.model import (
    Analysis,
    CountExpression,
    EventClaim,
    Mention,
    Quotation,
    RoleClaim,
    Sentence,
    Span,
    TimeExpression,
    Token,
    TokenParse,
    ValueClaim,
)
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.storage import codec
from factcheck.storage.codec import FORMAT_VERSION, decode_analysis, encode_analysis
from tests.conftest import SEED_FILES
from tests.test_serialize import full_analysis


def _raw(analysis: Analysis) -> list[Any]:
    unpacked: list[Any] = msgpack.unpackb(encode_analysis(analysis), use_list=True)
    return unpacked


def _packed(row: list[Any]) -> bytes:
    data: bytes = msgpack.packb(row, use_bin_type=True)
    return data


def test_round_trip_keeps_every_field() -> None:
    analysis = full_analysis()
    assert decode_analysis(encode_analysis(analysis)) == analysis


def test_round_trip_keeps_none_and_empty() -> None:
    analysis = Analysis(path="x.md", sha256="", pipeline="p", published=None)
    assert decode_analysis(encode_analysis(analysis)) == analysis


def test_real_analyses_round_trip_on_both_pipelines(pipeline: LoadedPipeline) -> None:
    documents = [load_document(path) for path in SEED_FILES]
    for analysis in analyse_many(pipeline.nlp, documents, pipeline.key):
        assert decode_analysis(encode_analysis(analysis)) == analysis


def test_decoded_records_hold_tuples_and_the_tokens_columns() -> None:
    analysis = full_analysis()
    decoded = decode_analysis(encode_analysis(analysis))
    assert type(decoded.mentions) is tuple and type(decoded.values[0].owners) is tuple
    # The tokens and parses stay the columns read, each record made when read.
    assert type(decoded.tokens) is TokenColumns and type(decoded.parses) is ParseColumns
    assert decoded.tokens[0] == analysis.tokens[0]
    assert tuple(decoded.parses) == tuple(analysis.parses)


@pytest.mark.parametrize(
    ("record", "shape"),
    [
        (Sentence, codec._SENTENCE),
        (Mention, codec._MENTION),
        (RoleClaim, codec._ROLE),
        (TimeExpression, codec._TIME),
        (CountExpression, codec._COUNT),
        (Quotation, codec._QUOTE),
        (Token, codec._TOKEN_COLUMNS),
        (TokenParse, codec._PARSE_COLUMNS),
        (EventClaim, codec._EVENT),
        (ValueClaim, codec._VALUE),
    ],
)
def test_every_field_of_every_record_has_a_place(record: type, shape: tuple[object, ...]) -> None:
    # A field added to the model must be added to the codec (and the version bumped).
    spans = sum(1 for f in dataclasses.fields(record) if f.type in ("Span", Span))
    assert len(shape) == len(dataclasses.fields(record)) + spans


def test_every_analysis_field_has_a_place() -> None:
    assert len(dataclasses.fields(Analysis)) == 4 + 10
    assert 1 + len(dataclasses.fields(Analysis)) == codec._ITEMS


# The form's shapes at each FORMAT_VERSION. The cache key names the stored form by
# its version, not by the codec's code, so shapes changed under the same version
# would read rows of the old form as the new: change the shapes, bump the version.
_SHAPES_AT_VERSION = {2: "0e9fced82750584e"}


def test_the_forms_shapes_are_those_of_its_version() -> None:
    shapes = [
        codec._HEADER, codec._TOKEN_COLUMNS, codec._SENTENCE, codec._MENTION, codec._ROLE,
        codec._TIME, codec._COUNT, codec._QUOTE, codec._PARSE_COLUMNS, codec._EVENT,
        codec._VALUE,
    ]  # fmt: skip
    named = repr([[sorted(t.__name__ for t in allowed) for allowed in s] for s in shapes])
    digest = hashlib.sha256(f"{codec._ITEMS}:{named}".encode()).hexdigest()[:16]
    assert digest == _SHAPES_AT_VERSION[FORMAT_VERSION]


def test_another_format_version_is_rejected() -> None:
    row = _raw(full_analysis())
    row[0] = FORMAT_VERSION + 1
    with pytest.raises(ValueError, match="format"):
        decode_analysis(_packed(row))


@pytest.mark.parametrize(
    "data",
    [b"", b"\xc1", b"not msgpack at all", _packed({"path": "x"}), _packed([1, 2, 3])],
)
def test_garbage_is_rejected(data: bytes) -> None:
    with pytest.raises(ValueError):
        decode_analysis(data)


def test_text_is_rejected() -> None:
    with pytest.raises(ValueError):
        decode_analysis('{"path": "x"}')  # type: ignore[arg-type]


def test_truncated_data_is_rejected() -> None:
    data = encode_analysis(full_analysis())
    with pytest.raises(ValueError):
        decode_analysis(data[:-3])


def _with(position: int, value: Any, *inner: int) -> bytes:
    row = _raw(full_analysis())
    target = row
    for index in (position, *inner[:-1]):
        target = target[index]
    if inner:
        target[inner[-1]] = value
    else:
        row[position] = value
    return _packed(row)


@pytest.mark.parametrize(
    "data",
    [
        _with(1, 7),  # path: an int
        _with(4, "2023-11-23"),  # published: not an ordinal
        _with(4, 10**9),  # published: no such date
        _with(5, 5, 3, 0),  # a token's lower case: not a string
        _with(5, [0], 0),  # token columns of different lengths
        _with(5, [1], 2),  # a column read later of another length
        _with(12, [[0], [], [], []]),  # parse columns of different lengths
        _with(12, [5, [], [], []]),  # a parse column that is not an array
        _with(12, [[], [], []]),  # three parse columns
        _with(7, [0, 10, "Zhao Leji", "PERSON", 0], 0),  # a mention one item short
        _with(7, True, 0, 4),  # a bool for an int
        _with(9, 3.5, 0, 3),  # weekday: a float
        _with(11, 1, 0, 3),  # speaker: an int
        _with(6, [5, 2, 0, 2], 0),  # an invalid span
        _with(8, {"a": 1}),  # a map where an array belongs
    ],
)
def test_data_of_another_shape_is_rejected(data: bytes) -> None:
    with pytest.raises(ValueError):
        analysis = decode_analysis(data)
        tuple(analysis.tokens), tuple(analysis.parses)  # the columns read when asked for


@pytest.mark.parametrize(
    ("data", "read"),
    [
        (_with(5, 5, 2, 0), lambda a: a.tokens[0]),  # a token's text: not a string
        (_with(5, 1, 6, 0), lambda a: a.tokens.sentence_starts),  # an int, not a bool
        (_with(12, ["x", "ROOT"], 0), lambda a: a.parses[1]),  # a head: not an index
    ],
)
def test_a_column_read_when_asked_for_is_checked_then(
    data: bytes, read: Callable[[Analysis], object]
) -> None:
    # What a check seldom reads is passed over at decoding, its framing read: the
    # types of its values are checked when it is first read.
    analysis = decode_analysis(data)
    assert analysis.mentions and analysis.tokens.starts  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match=r"tokens|parses"):
        read(analysis)


def test_the_binary_form_is_smaller_than_json() -> None:
    from factcheck.serialize import analysis_to_json

    analysis = full_analysis()
    assert len(encode_analysis(analysis)) < len(analysis_to_json(analysis).encode("utf-8"))


def test_decoding_leaves_the_garbage_collector_as_it_found_it() -> None:
    data = encode_analysis(full_analysis())
    assert gc.isenabled()
    decode_analysis(data)
    assert gc.isenabled()
    with pytest.raises(ValueError):
        decode_analysis(b"\xc1")
    assert gc.isenabled()
    gc.disable()
    try:
        decode_analysis(data)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("item", "place", "bad"),
    [
        (13, 5, [1, 2, 3]),  # an event's participants: offsets that are not pairs
        (13, 8, [1]),  # an event's nouns: a number for a word
        (14, 8, [None]),  # a value's owners
    ],
)
def test_nested_arrays_of_the_wrong_shape_are_rejected(item: int, place: int, bad: Any) -> None:
    row = _raw(full_analysis())
    row[item][0][place] = bad
    with pytest.raises(ValueError):
        decode_analysis(_packed(row))


@pytest.mark.parametrize(("starts", "ends"), [([5, 9], [3, 12]), ([-1, 4], [2, 8])])
def test_token_spans_that_are_not_spans_are_rejected_when_read(
    starts: list[int], ends: list[int]
) -> None:
    # The tokens are made only when read; their spans are checked all the same.
    row = _raw(full_analysis())
    row[5][0], row[5][1] = starts, ends
    with pytest.raises(ValueError, match="span"):
        decode_analysis(_packed(row))
