"""Reading ``.txt``, ``.md`` and ``.html`` files into a :class:`Document`.

The text is kept exactly as decoded (line endings included) because every span
a checker reports is an offset into it; only a UTF-8 byte order mark, which is
not part of the text, is dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from factcheck.errors import InputError
from factcheck.markup import mask_html, mask_markdown
from factcheck.model import Document
from factcheck.pubdate import find_publication_date

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Text files have no NUL bytes; looking at the start is enough, as file(1) does.
BINARY_SNIFF_BYTES = 8192
_KINDS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def kind_for_path(path: str) -> str:
    """``"md"``, ``"html"`` or ``"txt"`` from the file name's extension."""
    return _KINDS.get(os.path.splitext(path)[1].lower(), "txt")


def load_document(path: str | os.PathLike[str], *, display_path: str | None = None) -> Document:
    """Reads a file; ``display_path`` (default: ``path``) names it in the document and errors."""
    real_path = os.fspath(path)
    shown = real_path if display_path is None else display_path
    data = _read_bytes(real_path, shown)
    text = decode_text(data, shown)
    return document_from_text(shown, text, kind=kind_for_path(real_path))


def decode_text(data: bytes, path: str) -> str:
    """Decodes a file's bytes as UTF-8 text, or raises :class:`InputError` naming ``path``."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "not UTF-8 text (UTF-16 byte order mark)")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(path, "binary file, not text")
    skipped = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        # Report the offset in the file, as a hex editor would show it.
        bad_byte = data[skipped + error.start]
        raise InputError(
            path,
            f"not UTF-8 text (invalid byte 0x{bad_byte:02x} at offset {skipped + error.start})",
        ) from None


def document_from_text(
    path: str,
    text: str,
    *,
    kind: str | None = None,
    published: dt.date | None = None,
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
    )


def mask_prose(text: str, kind: str) -> str:
    """``text`` with everything that is not prose blanked to spaces, at the same offsets."""
    if kind == "md":
        return mask_markdown(text)
    if kind == "html":
        return mask_html(text)
    return text


def _read_bytes(path: str, shown: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory") from None
    except OSError as error:
        # Windows reports a directory as "permission denied".
        if os.path.isdir(path):
            raise InputError(shown, "is a directory") from None
        raise InputError(shown, error.strerror or str(error)) from None
