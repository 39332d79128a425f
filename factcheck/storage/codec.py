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
rather than guessing. One exception, for speed: the token columns a check does
not walk (text, lemma, part of speech, sentence start) and the parses are
passed over, their msgpack framing read but not their values; the values are
read and checked, with the same ValueError, when first asked for (a corpus
document's check reads none of them: what the fact base needs of them is
stored with the document's facts). A change to a record's fields must change the shapes
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
        # Item by item, so that what a check seldom reads (most token columns, the
        # parses) is passed over and read only when asked for. Tuples, not lists:
        # the records keep them as they are. No maps are written, so a map
        # anywhere is a shape error caught below.
        unpacker = msgpack.Unpacker(use_list=False, raw=False, strict_map_key=True)
        unpacker.feed(data)
        if unpacker.read_array_header() != _ITEMS:
            raise ValueError("not an encoded analysis: wrong shape")
        version = unpacker.unpack()
        if version != FORMAT_VERSION or type(version) is not int:
            raise ValueError(f"analysis format {version!r}, expected {FORMAT_VERSION}")
        header = tuple(unpacker.unpack() for _ in _HEADER)
        tokens = _tokens(unpacker, data)
        records = [unpacker.unpack() for _ in range(6)]  # sentences to quotations
        parses = _parses(unpacker, data)
        events, values = unpacker.unpack(), unpacker.unpack()
        if unpacker.tell() != len(data):
            raise ValueError("not an encoded analysis: data after its end")
    except (TypeError, msgpack.UnpackException) as exc:
        raise ValueError(f"not an encoded analysis: {exc}") from exc
    path, sha256, pipeline, published = _checked_row(header, _HEADER, "header")
    sentences, mentions, roles, times, counts, quotations = records
    try:
        return Analysis(
            path=path,
            sha256=sha256,
            pipeline=pipeline,
            published=dt.date.fromordinal(published) if published is not None else None,
            tokens=tokens,
            sentences=_records(sentences, _SENTENCE, "sentence", _sentence),
            mentions=_records(mentions, _MENTION, "mention", _mention),
            roles=_records(roles, _ROLE, "role", _role),
            times=_records(times, _TIME, "time", _time),
            counts=_records(counts, _COUNT, "count", _count),
            quotations=_records(quotations, _QUOTE, "quotation", _quotation),
            parses=parses,
            events=_records(events, _EVENT, "event", _event),
            values=_records(values, _VALUE, "value", _value),
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


def _tokens(unpacker: msgpack.Unpacker, data: bytes) -> TokenColumns:
    # Kept as columns (factcheck.columns): the objects are made when read. The
    # starts, ends and lower case, which the fact base walks, are read and checked
    # now, their spans too, so that bad data is a miss now rather than an error in
    # a checker later; the other four columns are passed over, read and checked
    # when first asked for. The framing of all of them was read to pass them over.
    if unpacker.read_array_header() != len(_TOKEN_COLUMNS):
        raise ValueError("tokens: wrong shape")
    starts, ends = unpacker.unpack(), unpacker.unpack()
    texts = _passed_over(unpacker)
    lowers = unpacker.unpack()
    rest = [texts, *(_passed_over(unpacker) for _ in range(3))]  # lemmas, pos, starts
    checked = _columns((starts, ends, lowers), _TOKEN_COLUMNS[:2] + _TOKEN_COLUMNS[3:4], "tokens")
    if (starts and min(starts) < 0) or not all(map(operator.le, starts, ends)):
        raise ValueError("tokens: a span that ends before it starts")
    shape = (_TOKEN_COLUMNS[2], *_TOKEN_COLUMNS[4:])

    def load_rest() -> Any:
        return _columns(_read_ranges(data, rest), shape, "tokens", length=len(starts))

    return TokenColumns.deferred(checked[0], checked[1], checked[2], load_rest)


def _parses(unpacker: msgpack.Unpacker, data: bytes) -> ParseColumns:
    # A check reads no corpus document's parse: passed over, read when asked for;
    # only the array headers are read now, for how many there are.
    begin, end = _passed_over(unpacker)
    headers = msgpack.Unpacker()
    headers.feed(data[begin:end])
    try:
        items, length = headers.read_array_header(), headers.read_array_header()
    except (ValueError, msgpack.UnpackException) as exc:  # not arrays
        raise ValueError(f"parses: wrong shape: {exc}") from exc
    if items != len(_PARSE_COLUMNS):
        raise ValueError("parses: wrong shape")

    def load() -> Any:
        (columns,) = _read_ranges(data, [(begin, end)])
        return _columns(columns, _PARSE_COLUMNS, "parses", length=length)

    return ParseColumns.deferred(length, load)


def _passed_over(unpacker: msgpack.Unpacker) -> tuple[int, int]:
    """The byte range of the next item, skipped."""
    begin = unpacker.tell()
    unpacker.skip()
    return begin, unpacker.tell()


def _read_ranges(data: bytes, ranges: Sequence[tuple[int, int]]) -> tuple[Any, ...]:
    try:
        return tuple(
            msgpack.unpackb(data[begin:end], use_list=False, raw=False, strict_map_key=True)
            for begin, end in ranges
        )
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise ValueError(f"not an encoded analysis: {exc}") from exc


def _columns(
    columns: Any, shape: Sequence[frozenset[type]], what: str, *, length: int | None = None
) -> tuple[Any, ...]:
    """``columns`` checked: as many as ``shape`` has, each a tuple of its types, all
    of one length (``length``, when it is known from columns read before)."""
    if type(columns) is not tuple or len(columns) != len(shape):
        raise ValueError(f"{what}: wrong shape")
    if length is None:
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
