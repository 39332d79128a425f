"""JSON for analyses, so that the cache can store them as text.

Encoding and decoding are driven by the dataclass fields of the data model and
their resolved type hints, not by a list of records written here: a field added
to :mod:`factcheck.model` round-trips without touching this module.

Decoding is strict. An unknown key, a missing field or a value of the wrong
type raises :class:`ValueError`: data that does not match the current model was
written by another version, and re-extracting is better than guessing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from collections import abc
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from factcheck.model import Analysis

__all__ = ["analysis_from_json", "analysis_to_json", "record_from_json", "record_to_json"]

RecordT = TypeVar("RecordT")

# Turns one JSON value into a model value of a known type, or raises ValueError.
_Decoder = Callable[[Any], Any]


def analysis_to_json(analysis: Analysis) -> str:
    """The analysis as compact JSON; :func:`analysis_from_json` reverses it."""
    return record_to_json(analysis)


def analysis_from_json(data: str) -> Analysis:
    """The analysis written by :func:`analysis_to_json`; ValueError if it does not fit."""
    return record_from_json(data, Analysis)


def record_to_json(record: object) -> str:
    """Any model dataclass as compact JSON (dates as ISO strings, tuples as arrays)."""
    return json.dumps(_encode(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def record_from_json(data: str, cls: type[RecordT]) -> RecordT:
    """A dataclass of type ``cls`` from :func:`record_to_json` output."""
    try:
        raw = json.loads(data)
    except (json.JSONDecodeError, TypeError) as exc:
        raise ValueError(f"not JSON: {exc}") from exc
    hint: Any = cls  # the decoder cache wants a hashable key, which every class is
    decoded: RecordT = _decoder(hint)(raw)
    return decoded


# --- encoding: driven by the values --------------------------------------------


def _encode(value: object) -> Any:
    # Enums first: the model's enums are also str, and must be written by value.
    if isinstance(value, enum.Enum):
        return _encode(value.value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _encode(getattr(value, name)) for name in _init_field_names(type(value))}
    if isinstance(value, abc.Sequence):  # a tuple, a list, the cache's columns
        return [_encode(item) for item in value]
    if isinstance(value, Mapping):
        return {_mapping_key(key): _encode(item) for key, item in value.items()}
    raise TypeError(f"cannot serialise a {type(value).__name__}")


def _mapping_key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"mapping keys must be strings, not {type(key).__name__}")
    return key


@functools.cache
def _init_field_names(cls: type) -> tuple[str, ...]:
    # Fields with init=False are computed by the record itself, so they are
    # neither written nor passed back to the constructor.
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


# --- decoding: driven by the type hints ----------------------------------------


@functools.cache
def _decoder(hint: Any) -> _Decoder:
    """A function that decodes JSON values of type ``hint``, built once per type."""
    if hint is Any:
        return _decode_any
    if hint is type(None) or hint is None:
        return _decode_none
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return _union_decoder(typing.get_args(hint))
    if origin is tuple:
        return _tuple_decoder(typing.get_args(hint))
    if origin is abc.Sequence:  # read back as the tuple it equals
        (item,) = typing.get_args(hint)
        return _tuple_decoder((item, ...))
    if origin is list:
        (item,) = typing.get_args(hint)
        return _list_decoder(item)
    if origin is dict:
        key_hint, value_hint = typing.get_args(hint)
        if key_hint is not str:
            raise TypeError(f"only dicts with str keys are supported, not {hint!r}")
        return _dict_decoder(value_hint)
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return functools.partial(_decode_dataclass, hint)
        if issubclass(hint, enum.Enum):
            return functools.partial(_decode_enum, hint)
        scalar = _SCALAR_DECODERS.get(hint)
        if scalar is not None:
            return scalar
    raise TypeError(f"no JSON decoding for type {hint!r}")


def _decode_any(value: Any) -> Any:
    return value


def _decode_none(value: Any) -> None:
    if value is not None:
        raise ValueError(f"expected null, got {value!r}")


def _decode_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected a boolean, got {value!r}")
    return value


def _decode_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def _decode_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def _decode_str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def _decode_date(value: Any) -> dt.date:
    # fromisoformat on Python 3.11+ also reads "20250826"; insist on the form we write.
    text = _decode_str(value)
    if len(text) != 10:
        raise ValueError(f"expected an ISO date, got {text!r}")
    return dt.date.fromisoformat(text)


def _decode_datetime(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(_decode_str(value))


def _decode_time(value: Any) -> dt.time:
    return dt.time.fromisoformat(_decode_str(value))


_SCALAR_DECODERS: dict[type, _Decoder] = {
    bool: _decode_bool,
    int: _decode_int,
    float: _decode_float,
    str: _decode_str,
    dt.datetime: _decode_datetime,  # a datetime is a date: looked up by exact type
    dt.date: _decode_date,
    dt.time: _decode_time,
}


def _union_decoder(members: tuple[Any, ...]) -> _Decoder:
    optional = type(None) in members
    others = tuple(m for m in members if m is not type(None))

    def decode(value: Any) -> Any:
        if value is None:
            if optional:
                return None
            raise ValueError("unexpected null")
        problems: list[str] = []
        # The first member that accepts the value wins; strict member decoders
        # keep that choice unambiguous for the unions the model uses (X | None).
        for member in others:
            try:
                return _decoder(member)(value)
            except ValueError as exc:
                problems.append(str(exc))
        raise ValueError("; ".join(problems) or f"unexpected value {value!r}")

    return decode


def _tuple_decoder(args: tuple[Any, ...]) -> _Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = args[0]

        def decode_variadic(value: Any) -> tuple[Any, ...]:
            item_decoder = _decoder(item)
            return tuple(item_decoder(v) for v in _expect_list(value))

        return decode_variadic

    def decode_fixed(value: Any) -> tuple[Any, ...]:
        items = _expect_list(value)
        if len(items) != len(args):
            raise ValueError(f"expected {len(args)} items, got {len(items)}")
        return tuple(_decoder(hint)(v) for hint, v in zip(args, items, strict=True))

    return decode_fixed


def _list_decoder(item: Any) -> _Decoder:
    def decode(value: Any) -> list[Any]:
        item_decoder = _decoder(item)
        return [item_decoder(v) for v in _expect_list(value)]

    return decode


def _dict_decoder(value_hint: Any) -> _Decoder:
    def decode(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValueError(f"expected an object, got {value!r}")
        value_decoder = _decoder(value_hint)
        return {key: value_decoder(v) for key, v in value.items()}

    return decode


def _expect_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"expected an array, got {value!r}")
    return value


def _decode_enum(cls: type[enum.Enum], value: Any) -> enum.Enum:
    try:
        return cls(value)
    except ValueError as exc:
        raise ValueError(f"{cls.__name__}: {exc}") from exc


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    # The model uses postponed annotations, so the hints are strings until
    # resolved in the model module's namespace.
    hints = typing.get_type_hints(cls)
    return tuple((name, hints[name]) for name in _init_field_names(cls))


# Plain JSON scalars are checked inline (``type(v) is str``): a cached corpus
# decodes hundreds of thousands of records, and a call per field is most of it.
_INLINE_SCALARS: dict[Any, type] = {str: str, int: int, bool: bool}


@functools.cache
def _field_plan(
    cls: type,
) -> tuple[tuple[tuple[str, type | None, _Decoder], ...], frozenset[str]]:
    """Per field: its name, the JSON type checked inline (or None), its decoder."""
    fields = _field_hints(cls)
    plan = tuple((name, _INLINE_SCALARS.get(hint), _decoder(hint)) for name, hint in fields)
    return plan, frozenset(name for name, _ in fields)


def _decode_dataclass(cls: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise ValueError(f"{cls.__name__}: expected an object, got {value!r}")
    plan, names = _field_plan(cls)
    if value.keys() != names:
        unknown = value.keys() - names
        if unknown:
            raise ValueError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
        missing = sorted(names - value.keys())
        raise ValueError(f"{cls.__name__}: missing field {missing[0]!r}")
    arguments: dict[str, Any] = {}
    for name, scalar, decode in plan:
        item = value[name]
        if scalar is not None and type(item) is scalar:
            arguments[name] = item
            continue
        try:
            arguments[name] = decode(item)
        except ValueError as exc:
            raise ValueError(f"{cls.__name__}.{name}: {exc}") from exc
    try:
        return cls(**arguments)
    except TypeError as exc:  # a constructor that rejects its arguments
        raise ValueError(f"{cls.__name__}: {exc}") from exc
