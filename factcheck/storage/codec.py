"""A compact binary form of :class:`~factcheck.model.Analysis` for the cache.

The generic JSON form (:mod:`factcheck.serialize`) names every field of every
record and decodes through type hints one value at a time: at 10,000 corpus
documents that decode alone took 16 s. Here an analysis is a msgpack array of
positional tuples, one shape per record kind written out below, and the
tokens, which are most of an analysis, are stored column by column so that
each column is type-checked in one pass. Decoded, the tokens and parses stay
those columns (:mod:`factcheck.columns`): a record is made when it is read.

The first item is :data:`FORMAT_VERSION`. Decoding is strict all the same: a
wrong version, a wrong number of items or a value of the wrong type raises
:class:`ValueError`, so the cache treats data written by other code as a miss
rather than guessing. A change to a record's fields must change the shapes
here and bump the version (``tests/test_storage_codec.py`` fails until it does).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import Any

import msgpack

from factcheck.collector import collection_paused
from factcheck.columns import ParseColumns, TokenColumns
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
    ValueClaim,
)

__all__ = ["FORMAT_VERSION", "decode_analysis", "encode_analysis"]

FORMAT_VERSION = 2

_NONE = type(None)
_INT: frozenset[type] = frozenset({int})
_STR: frozenset[type] = frozenset({str})
_BOOL: frozenset[type] = frozenset({bool})
_OPT_INT: frozenset[type] = frozenset({int, _NONE})
_OPT_STR: frozenset[type] = frozenset({str, _NONE})
_NUMBER: frozenset[type] = frozenset({int, float})
# A nested array (spans flattened to start, end, start, end..., or words); its
# items are checked by the record's builder.
_ARRAY: frozenset[type] = frozenset({tuple})

# The types allowed at each position of a record's row, in field order (spans
# flattened to their start and end).
_SENTENCE = (_INT, _INT, _INT, _INT)
_MENTION = (_INT, _INT, _STR, _STR, _INT, _STR)
_ROLE = (_STR, _INT, _INT, _STR, _STR, _INT, _INT, _INT, _INT, _INT)
_TIME = (_INT, _INT, _STR, _OPT_INT, _OPT_INT, _OPT_INT, _OPT_INT, _INT, _BOOL)
_COUNT = (_INT, _INT, _STR, _INT, _STR, _STR, _INT)
_QUOTE = (_INT, _INT, _STR, _OPT_STR, _INT, _BOOL)
# predicate, its span, time, preposition, participants, sentence, future, nouns,
# object, content.
_EVENT = (_STR, _INT, _INT, _INT, _STR, _ARRAY, _INT, _BOOL, _ARRAY, _STR, _ARRAY)
# span, text, value, noun, modifiers, governor, whole, owners, sentence, is_age.
_VALUE = (_INT, _INT, _STR, _NUMBER, _STR, _ARRAY, _STR, _STR, _ARRAY, _INT, _BOOL)
# Parse columns, one item per token: head, relation, entity, entity_start.
_PARSE_COLUMNS = (_INT, _STR, _STR, _BOOL)
# Token columns: start, end, text, lower, lemma, pos, is_sent_start.
_TOKEN_COLUMNS = (_INT, _INT, _STR, _STR, _STR, _STR, _BOOL)
_HEADER = (_STR, _STR, _STR, _OPT_INT)  # path, sha256, pipeline, published (ordinal)
_ITEMS = 1 + len(_HEADER) + 10  # version, header, tokens, parses and eight record lists


def encode_analysis(analysis: Analysis) -> bytes:
    """The analysis as msgpack bytes; :func:`decode_analysis` reverses it."""
    tokens = TokenColumns.of(analysis.tokens)
    parses = ParseColumns.of(analysis.parses)
    published = analysis.published
    row: list[Any] = [
        FORMAT_VERSION,
        analysis.path,
        analysis.sha256,
        analysis.pipeline,
        published.toordinal() if published is not None else None,
        [
            tokens.starts,
            tokens.ends,
            tokens.texts,
            tokens.lowers,
            tokens.lemmas,
            tokens.pos,
            tokens.sentence_starts,
        ],
        [(s.span.start, s.span.end, s.first_token, s.end_token) for s in analysis.sentences],
        [
            (m.span.start, m.span.end, m.text, m.label, m.sentence, m.ner_label)
            for m in analysis.mentions
        ],
        [
            (
                r.holder,
                r.holder_span.start,
                r.holder_span.end,
                r.role,
                r.organisation,
                r.span.start,
                r.span.end,
                r.org_span.start,
                r.org_span.end,
                r.sentence,
            )
            for r in analysis.roles
        ],
        [
            (
                t.span.start,
                t.span.end,
                t.text,
                t.weekday,
                t.year,
                t.month,
                t.day,
                t.sentence,
                t.relative,
            )
            for t in analysis.times
        ],
        [
            (c.span.start, c.span.end, c.text, c.value, c.head, c.series, c.sentence)
            for c in analysis.counts
        ],
        [
            (q.span.start, q.span.end, q.text, q.speaker, q.sentence, q.speaker_beside)
            for q in analysis.quotations
        ],
        [parses.heads, parses.relations, parses.entities, parses.entity_starts],
        [
            (
                e.predicate,
                e.predicate_span.start,
                e.predicate_span.end,
                e.time,
                e.preposition,
                [offset for span in e.participants for offset in (span.start, span.end)],
                e.sentence,
                e.future,
                list(e.nouns),
                e.object,
                list(e.content),
            )
            for e in analysis.events
        ],
        [
            (
                v.span.start,
                v.span.end,
                v.text,
                v.value,
                v.noun,
                list(v.modifiers),
                v.governor,
                v.whole,
                list(v.owners),
                v.sentence,
                v.is_age,
            )
            for v in analysis.values
        ],
    ]
    packed: bytes = msgpack.packb(row, use_bin_type=True)
    return packed


def decode_analysis(data: bytes) -> Analysis:
    """The analysis written by :func:`encode_analysis`; ValueError if it does not fit."""
    # A decode makes thousands of small objects at once, and each burst sets off
    # the cyclic garbage collector, which walks every live object (the corpus
    # decoded so far): measured, two thirds of the decode. These records hold
    # only strings, numbers and tuples of records, never a cycle, so pausing
    # the collector for the decode leaves nothing uncollected. The engine's own
    # pause, shared with the checks of other threads.
    with collection_paused():
        return _decode(data)


def _decode(data: bytes) -> Analysis:
    if not isinstance(data, bytes):
        raise ValueError(f"expected bytes, got {type(data).__name__}")
    try:
        # Tuples, not lists: the records keep them as they are. No maps are
        # written, so a map anywhere is a shape error caught below.
        row = msgpack.unpackb(data, use_list=False, raw=False, strict_map_key=True)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise ValueError(f"not an encoded analysis: {exc}") from exc
    if type(row) is not tuple or len(row) != _ITEMS:
        raise ValueError("not an encoded analysis: wrong shape")
    if row[0] != FORMAT_VERSION or type(row[0]) is not int:
        raise ValueError(f"analysis format {row[0]!r}, expected {FORMAT_VERSION}")
    path, sha256, pipeline, published = _checked_row(row[1:5], _HEADER, "header")
    try:
        return Analysis(
            path=path,
            sha256=sha256,
            pipeline=pipeline,
            published=dt.date.fromordinal(published) if published is not None else None,
            tokens=_tokens(row[5]),
            sentences=_records(row[6], _SENTENCE, "sentence", _sentence),
            mentions=_records(row[7], _MENTION, "mention", _mention),
            roles=_records(row[8], _ROLE, "role", _role),
            times=_records(row[9], _TIME, "time", _time),
            counts=_records(row[10], _COUNT, "count", _count),
            quotations=_records(row[11], _QUOTE, "quotation", _quotation),
            parses=_parses(row[12]),
            events=_records(row[13], _EVENT, "event", _event),
            values=_records(row[14], _VALUE, "value", _value),
        )
    except (OverflowError, TypeError) as exc:  # an ordinal out of range, say
        raise ValueError(f"not an encoded analysis: {exc}") from exc


def _checked_row(row: Any, shape: Sequence[frozenset[type]], what: str) -> tuple[Any, ...]:
    if type(row) is not tuple or len(row) != len(shape):
        raise ValueError(f"{what}: expected {len(shape)} items, got {row!r}")
    for value, allowed in zip(row, shape, strict=True):
        if type(value) not in allowed:
            raise ValueError(f"{what}: unexpected {type(value).__name__} {value!r}")
    return row


def _tokens(columns: Any) -> TokenColumns:
    # Kept as the columns read (factcheck.columns): the objects are made when read.
    # What making them would have checked is checked here, so that bad data is
    # still a miss now rather than an error in a checker later.
    checked = _columns(columns, _TOKEN_COLUMNS, "tokens")
    starts, ends = checked[0], checked[1]
    if (starts and min(starts) < 0) or not all(map(operator.le, starts, ends)):
        raise ValueError("tokens: a span that ends before it starts")
    return TokenColumns(*checked)


def _parses(columns: Any) -> ParseColumns:
    return ParseColumns(*_columns(columns, _PARSE_COLUMNS, "parses"))


def _columns(columns: Any, shape: Sequence[frozenset[type]], what: str) -> tuple[Any, ...]:
    if type(columns) is not tuple or len(columns) != len(shape):
        raise ValueError(f"{what}: wrong shape")
    length = len(columns[0]) if type(columns[0]) is tuple else -1
    for column, allowed in zip(columns, shape, strict=True):
        # One set of types per column: far cheaper than a check per value.
        if type(column) is not tuple or len(column) != length:
            raise ValueError(f"{what}: columns of different lengths")
        if not {type(value) for value in column} <= allowed:
            raise ValueError(f"{what}: a value of the wrong type")
    return tuple(columns)


def _words(items: tuple[Any, ...], what: str) -> tuple[str, ...]:
    if not {type(item) for item in items} <= _STR:
        raise ValueError(f"{what}: a word that is not a string")
    return items


def _spans(offsets: tuple[Any, ...], what: str) -> tuple[Span, ...]:
    if len(offsets) % 2 or not {type(item) for item in offsets} <= _INT:
        raise ValueError(f"{what}: spans that are not pairs of offsets")
    return tuple(map(Span, offsets[0::2], offsets[1::2]))


def _records(
    rows: Any,
    shape: Sequence[frozenset[type]],
    what: str,
    build: Callable[[tuple[Any, ...]], Any],
) -> tuple[Any, ...]:
    if type(rows) is not tuple:
        raise ValueError(f"{what}s: expected an array")
    return tuple(build(_checked_row(row, shape, what)) for row in rows)


def _sentence(r: tuple[Any, ...]) -> Sentence:
    return Sentence(Span(r[0], r[1]), r[2], r[3])


def _mention(r: tuple[Any, ...]) -> Mention:
    return Mention(Span(r[0], r[1]), r[2], r[3], r[4], r[5])


def _role(r: tuple[Any, ...]) -> RoleClaim:
    return RoleClaim(r[0], Span(r[1], r[2]), r[3], r[4], Span(r[5], r[6]), Span(r[7], r[8]), r[9])


def _time(r: tuple[Any, ...]) -> TimeExpression:
    return TimeExpression(Span(r[0], r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8])


def _count(r: tuple[Any, ...]) -> CountExpression:
    return CountExpression(Span(r[0], r[1]), r[2], r[3], r[4], r[5], r[6])


def _quotation(r: tuple[Any, ...]) -> Quotation:
    return Quotation(Span(r[0], r[1]), r[2], r[3], r[4], r[5])


def _event(r: tuple[Any, ...]) -> EventClaim:
    return EventClaim(
        r[0],
        Span(r[1], r[2]),
        r[3],
        r[4],
        _spans(r[5], "event"),
        r[6],
        r[7],
        _words(r[8], "event"),
        r[9],
        _words(r[10], "event"),
    )


def _value(r: tuple[Any, ...]) -> ValueClaim:
    return ValueClaim(
        Span(r[0], r[1]),
        r[2],
        float(r[3]),
        r[4],
        _words(r[5], "value"),
        r[6],
        r[7],
        _words(r[8], "value"),
        r[9],
        r[10],
    )
