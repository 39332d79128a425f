"""Reading request bodies: a size cap, UTF-8, JSON, and the fields of a check.

Each problem is an :class:`ApiError` with a 4xx status and a message that says
what was wrong, so that a bad request is never mistaken for a crash.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from starlette.requests import Request

from factcheck.pubdate import parse_date
from factcheck.server.errors import ApiError

DEFAULT_MAX_BODY = 1024 * 1024  # 1 MiB: a long feature is well under 100 KiB
DEFAULT_DRAFT_PATH = "<draft>"  # as the Python API names a draft without a path
MAX_PATH_LENGTH = 1000
_CHECK_FIELDS = ("text", "path", "date")


@dataclass(frozen=True)
class CheckRequest:
    text: str
    path: str
    date: dt.date | None


async def read_body(request: Request, limit: int) -> bytes:
    """The body, or 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, f"bad Content-Length header: {declared!r}")
        if int(declared) > limit:
            raise ApiError(413, f"request body is {declared} bytes; the limit is {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:  # a chunked body declares no length
            raise ApiError(413, f"request body is over the limit of {limit} bytes")
    return bytes(body)


def decode_json_object(body: bytes) -> dict[str, object]:
    """The JSON object in ``body`` (UTF-8), or a 400 that says where it went wrong."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(
            400,
            f"request body is not UTF-8 text "
            f"(invalid byte 0x{body[error.start]:02x} at offset {error.start})",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ApiError(
            400,
            f"request body is not JSON: {error.msg} (line {error.lineno}, column {error.colno})",
        ) from None
    except RecursionError:
        raise ApiError(400, "request body is not JSON this server reads: nested too deep") from None
    if not isinstance(data, dict):
        raise ApiError(400, f"request body must be a JSON object, not {_json_type(data)}")
    return data


async def read_json_object(request: Request, limit: int) -> dict[str, object]:
    # Only JSON is accepted: a form on another site cannot send this content
    # type without the browser asking first (a CORS preflight, never granted).
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(415, "send the request body as JSON (Content-Type: application/json)")
    return decode_json_object(await read_body(request, limit))


def check_request(data: dict[str, object]) -> CheckRequest:
    """The fields of ``POST /api/check``: ``text`` (required), ``path``, ``date``."""
    unknown = sorted(set(data) - set(_CHECK_FIELDS))
    if unknown:
        raise ApiError(
            400, f"unknown field(s) {', '.join(unknown)}; expected {', '.join(_CHECK_FIELDS)}"
        )
    if "text" not in data:
        raise ApiError(400, "missing field 'text': the draft to check")
    text = _string(data, "text")
    _check_text(text)
    path = _string(data, "path") if data.get("path") is not None else DEFAULT_DRAFT_PATH
    if not path or len(path) > MAX_PATH_LENGTH or not path.isprintable():
        raise ApiError(
            400, f"field 'path' must be a printable name of 1 to {MAX_PATH_LENGTH} characters"
        )
    return CheckRequest(text=text, path=path, date=_date(data.get("date")))


def _check_text(text: str) -> None:
    # The same rules as a file on disk: a NUL byte means binary, and the text
    # must be encodable as UTF-8 (JSON escapes can spell lone surrogates).
    if "\x00" in text:
        raise ApiError(400, "field 'text' has a NUL character: binary data, not text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ApiError(
            400, f"field 'text' is not valid Unicode (a lone surrogate at {error.start})"
        ) from None


def _string(data: dict[str, object], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ApiError(400, f"field '{key}' must be a string, not {_json_type(value)}")
    return value


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"field 'date' must be a string, not {_json_type(value)}")
    parsed = parse_date(value)
    if parsed is None:
        raise ApiError(400, f"field 'date': not a date: {value!r} (use YYYY-MM-DD)")
    return parsed


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
