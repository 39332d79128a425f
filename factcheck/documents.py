"""Reading ``.txt``, ``.md`` and ``.html`` files into a :class:`Document`.

The text is kept exactly as decoded (line endings included) because every span
a checker reports is an offset into it; only a UTF-8 byte order mark, which is
not part of the text, is dropped.

Only regular files are read (a FIFO or a device would block or never end), and
no more than :data:`MAX_DOCUMENT_BYTES`. UTF-8 is the fast path; other bytes
are decoded as charset-normalizer detects them, preferring the Western
encodings archives are written in, and the encoding is kept on the document so
that a fix can be written back in it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import stat
from dataclasses import dataclass

import charset_normalizer

from factcheck.errors import InputError
from factcheck.markup import mask_html, mask_markdown
from factcheck.model import Document
from factcheck.pubdate import find_publication_date

UTF8_BOM = b"\xef\xbb\xbf"
UTF8 = "utf-8"
AUTO_ENCODING = "auto"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Text files have no NUL bytes; looking at the start is enough, as file(1) does.
BINARY_SNIFF_BYTES = 8192
# The most spaCy is allowed to read at once (nlp.max_length): a bigger file is
# not an article, and reading it all would only exhaust memory.
MAX_DOCUMENT_BYTES = 5_000_000
# When several encodings decode the bytes equally well (short Latin texts often
# do), the ones newsroom archives are written in win.
_PREFERRED_ENCODINGS = ("cp1252", "latin_1")
_KINDS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # a codec name Python knows: what to write the text back in


def kind_for_path(path: str) -> str:
    """``"md"``, ``"html"`` or ``"txt"`` from the file name's extension."""
    return _KINDS.get(os.path.splitext(path)[1].lower(), "txt")


def load_document(
    path: str | os.PathLike[str],
    *,
    display_path: str | None = None,
    encoding: str = AUTO_ENCODING,
) -> Document:
    """Reads a file; ``display_path`` (default: ``path``) names it in the document and errors.

    ``encoding`` is ``"auto"`` (UTF-8, else detected) or a codec name that forces it.
    """
    real_path = os.fspath(path)
    shown = real_path if display_path is None else display_path
    data = read_regular_file(real_path, shown)
    decoded = decode_text(data, shown, encoding=encoding)
    return document_from_text(
        shown, decoded.text, kind=kind_for_path(real_path), encoding=decoded.encoding
    )


def decode_text(data: bytes, path: str, *, encoding: str = AUTO_ENCODING) -> DecodedText:
    """Decodes a file's bytes, or raises :class:`InputError` naming ``path``."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "not UTF-8 text (UTF-16 byte order mark)")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(path, "binary file, not text")
    if encoding != AUTO_ENCODING and codecs.lookup(encoding).name != UTF8:
        return DecodedText(_decode_strictly(data, 0, encoding, path), encoding)
    skipped = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return DecodedText(data[skipped:].decode(UTF8), UTF8)
    except UnicodeDecodeError:
        # A byte order mark says UTF-8, and so does a forced "utf-8": the bad
        # byte is then an error, not a hint to guess.
        if skipped or encoding != AUTO_ENCODING:
            _decode_strictly(data, skipped, UTF8, path)
    detected = _detect_encoding(data)
    if detected is None:
        raise InputError(path, "not text in any known encoding")
    return DecodedText(_decode_strictly(data, 0, detected, path), detected)


def _detect_encoding(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for preferred in _PREFERRED_ENCODINGS:
        if any(preferred in m.could_be_from_charset for m in tied):
            return preferred
    return str(best.encoding)


def _decode_strictly(data: bytes, start: int, encoding: str, path: str) -> str:
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        # Report the offset in the file, as a hex editor would show it.
        offset = start + error.start
        name = "UTF-8" if codecs.lookup(encoding).name == UTF8 else encoding
        raise InputError(
            path, f"not {name} text (invalid byte 0x{data[offset]:02x} at offset {offset})"
        ) from None


def document_from_text(
    path: str,
    text: str,
    *,
    kind: str | None = None,
    published: dt.date | None = None,
    encoding: str = UTF8,
) -> Document:
    """A document for ``text`` as if read from ``path``; the kind defaults to the extension's."""
    kind = kind_for_path(path) if kind is None else kind
    prose = mask_prose(text, kind)
    if published is None:
        published = find_publication_date(text, prose, kind)
    return Document(
        path=path,
        text=text,
        prose=prose,
        kind=kind,
        published=published,
        # The kind is hashed with the text: the same words read as Markdown and
        # as plain text are analysed differently, and the cache is keyed by this.
        sha256=hashlib.sha256(f"{kind}\0{text}".encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
    )


def mask_prose(text: str, kind: str) -> str:
    """``text`` with everything that is not prose blanked to spaces, at the same offsets."""
    if kind == "md":
        return mask_markdown(text)
    if kind == "html":
        return mask_html(text)
    return text


def read_regular_file(path: str, shown: str, *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or an
    :class:`InputError` naming ``shown``: a FIFO, a device or a socket is refused
    before it is opened, so that reading never blocks."""
    try:
        _check_regular(os.stat(path), shown, limit)
        # O_NONBLOCK: should the file be swapped for a FIFO after the stat, the
        # open does not wait for a writer, and the fstat below refuses it.
        descriptor = _open_for_reading(path)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory") from None
    except OSError as error:
        # Windows reports a directory as "permission denied".
        if os.path.isdir(path):
            raise InputError(shown, "is a directory") from None
        raise InputError(shown, error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as file:
        try:
            _check_regular(os.fstat(descriptor), shown, limit)
            # One byte more than allowed tells a file that grew past the cap.
            data = file.read(limit + 1)
        except OSError as error:
            raise InputError(shown, error.strerror or str(error)) from None
    if len(data) > limit:
        raise InputError(shown, too_large(limit))
    return data


def _open_for_reading(path: str) -> int:
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))


def _check_regular(status: os.stat_result, shown: str, limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError(shown, "is a directory")
    for is_kind, kind in _SPECIAL_FILES:
        if is_kind(status.st_mode):
            raise InputError(shown, f"not a regular file: {kind}")
    if status.st_size > limit:
        raise InputError(shown, too_large(limit))


def too_large(limit: int, unit: str = "bytes") -> str:
    return f"too large: more than the {limit:,} {unit} a document may have"


# Text handed over as a string (the API, a mapping corpus) has no bytes to cap
# while reading; the same number of characters is also spaCy's own limit.
MAX_DOCUMENT_CHARACTERS = MAX_DOCUMENT_BYTES


def check_text_size(document_path: str, text: str) -> None:
    """Raise :class:`InputError` for a text too long to analyse."""
    if len(text) > MAX_DOCUMENT_CHARACTERS:
        raise InputError(document_path, too_large(MAX_DOCUMENT_CHARACTERS, "characters"))
