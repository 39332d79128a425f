"""What plugins hand back, checked before factcheck uses it.

A plugin's code declarations (``factcheck_codes``) and its findings
(``factcheck_check``) are checked field by field against the types of
:mod:`factcheck.model`, so that a plugin's mistake is reported as FC902 or
FC903 naming the plugin, instead of surfacing later as a crash in the engine
or a formatter. The problems are raised as :class:`InvalidResult`, whose
message says what is wrong and leaves out the plugin's name (the caller
adds it).
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from typing import cast

from factcheck.model import Category, CodeInfo, Evidence, Finding, Severity, Span

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_ENGINE_HUNDRED = "FC9"
_short = reprlib.Repr()  # a long value must not flood the message
_short.maxstring = _short.maxother = 60
short_repr = _short.repr

_Types = tuple[tuple[type, ...], str]  # the accepted types, and how a message names them
_STR: _Types = ((str,), "a str")
_OPTIONAL_STR: _Types = ((str, type(None)), "a str or None")
_INT: _Types = ((int,), "an int")
_BOOL: _Types = ((bool,), "a bool")

# Every field of Finding; tests/test_plugins.py keeps this in step with the model.
FINDING_FIELD_TYPES: dict[str, _Types] = {
    "code": _STR,
    "category": ((Category,), "a Category"),
    "severity": ((Severity,), "a Severity"),
    "message": _STR,
    "span": ((Span,), "a Span"),
    "found": _STR,
    "expected": _OPTIONAL_STR,
    "fix": _OPTIONAL_STR,
    "evidence": ((tuple,), "a tuple of Evidence"),
    "safe_fix": _BOOL,
    "path": _STR,
    "line": _INT,
    "column": _INT,
    "end_line": _INT,
    "end_column": _INT,
    "suppressed": _BOOL,
}
_EVIDENCE_FIELD_TYPES: dict[str, _Types] = {
    "source": _STR,
    "line": _INT,
    "quote": _STR,
    "support": _INT,
}
_CODE_INFO_FIELD_TYPES: dict[str, _Types] = {
    "code": _STR,
    "name": _STR,
    "category": ((Category,), "a Category"),
    "severity": ((Severity,), "a Severity"),
    "summary": _STR,
    "safe_fix": _BOOL,
}


class InvalidResult(Exception):
    """A plugin returned something factcheck cannot use; the message says what."""


def check_finding(finding: Finding, text_length: int) -> None:
    """Raise :class:`InvalidResult` unless every field has its type and the span fits."""
    _check_fields(finding, FINDING_FIELD_TYPES, "")
    for number, evidence in enumerate(finding.evidence):
        if type(evidence) is not Evidence:
            raise InvalidResult(
                f"evidence[{number}] must be an Evidence, got {short_repr(evidence)}"
            )
        _check_fields(evidence, _EVIDENCE_FIELD_TYPES, f"evidence[{number}].")
    _check_fields(finding.span, {"start": _INT, "end": _INT}, "span.")
    span = finding.span
    if not 0 <= span.start <= span.end <= text_length:
        raise InvalidResult(
            f"span {span.start}..{span.end} is outside the draft, "
            f"which has {text_length} characters"
        )


def checked_codes(declared: object, taken: Mapping[str, str]) -> list[CodeInfo]:
    """A plugin's declarations, if every one is valid and new; ``taken`` maps code to owner."""
    if type(declared) not in (list, tuple):
        raise InvalidResult(
            f"factcheck_codes must return a list of CodeInfo, got {short_repr(declared)}"
        )
    codes: list[CodeInfo] = []
    for item in cast("list[object]", declared):
        _check_code(item)
        info = cast(CodeInfo, item)  # _check_code raised otherwise
        if info.code in taken:
            raise InvalidResult(
                f"declared code {info.code}, which plugin {taken[info.code]!r} declared already"
            )
        if any(earlier.code == info.code for earlier in codes):
            raise InvalidResult(f"declared code {info.code} twice")
        codes.append(info)
    return codes


def _check_code(info: object) -> None:
    if type(info) is not CodeInfo:
        raise InvalidResult(f"declared {short_repr(info)}, which is not a CodeInfo")
    if type(info.code) is not str or not _CODE.match(info.code):
        raise InvalidResult(
            f"declared code {short_repr(info.code)}: a code is two capital letters and three "
            "digits, like 'FC101'"
        )
    if info.code.startswith(_ENGINE_HUNDRED):
        raise InvalidResult(f"declared code {info.code}: FC9xx is reserved for factcheck itself")
    for name, (types, wanted) in _CODE_INFO_FIELD_TYPES.items():
        value = getattr(info, name)
        if not _is_instance(value, types):
            raise InvalidResult(
                f"declared code {info.code} whose {name} must be {wanted}, got {short_repr(value)}"
            )


def _check_fields(record: object, field_types: Mapping[str, _Types], prefix: str) -> None:
    for name, (types, wanted) in field_types.items():
        value = getattr(record, name)
        if not _is_instance(value, types):
            raise InvalidResult(f"{prefix}{name} must be {wanted}, got {short_repr(value)}")


def _is_instance(value: object, types: tuple[type, ...]) -> bool:
    """Exact types only, never a subclass.

    A subclass could run the plugin's code inside factcheck, outside the
    guarded and time-limited call: a str's ``__hash__``, a tuple's
    ``__iter__``, a property of a Finding, its ``__init__`` through
    ``dataclasses.replace``. And ``True`` is not a line number.
    """
    return type(value) in types
