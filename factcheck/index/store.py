"""The one interface to a fact index, so that a server store can come later
without touching sync, retrieval or the engine (SQLite is the default:
:mod:`factcheck.index.sqlite_store`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from factcheck.index.keys import DocumentKeys


class Stamp(NamedTuple):
    """What tells a corpus file unchanged without reading it: size and modification time.

    A tuple, not a dataclass: a check compares one per corpus file, and at 100,000
    files making frozen dataclasses took a fifth of a second."""

    size: int
    mtime_ns: int


@dataclass(frozen=True)
class IndexedDocument:
    """One corpus document as the index knows it."""

    path: str  # as the corpus listing gives it (absolute)
    sha256: str
    stamp: Stamp
    published: dt.date | None = None
    # Tokens of its analysis: what reading it costs a check (``retrieval-words``).
    words: int = 0


@dataclass(frozen=True)
class DocumentEntry:
    """A document to add or replace, with its keys."""

    document: IndexedDocument
    keys: DocumentKeys


class IndexWriter(Protocol):
    """The writes of one transaction: all of them, or none."""

    def put(self, entry: DocumentEntry) -> bool:
        """Add the document, or replace the one at its path (its rows and aggregates);
        whether there was one to replace."""

    def restamp(self, path: str, stamp: Stamp) -> None:
        """Same content, new size or time (a touched file): no key changes."""

    def remove(self, path: str) -> bool:
        """Drop the document at ``path`` and its share of every aggregate; whether
        there was one."""


class FactStore(Protocol):
    """Documents, their keys (postings) and the aggregates over them."""

    def stamps(self) -> dict[str, tuple[str, Stamp]]:
        """Every indexed path with its SHA-256 and stamp: what sync compares the
        corpus listing with (one row per document, no keys)."""

    def writing(self) -> AbstractContextManager[IndexWriter]:
        """One write transaction (the writer lock taken up front)."""

    def reading(self) -> AbstractContextManager[None]:
        """One consistent snapshot for the reads inside it, whatever writers do."""

    def document_count(self) -> int: ...

    def indexed(self) -> list[tuple[str, str]]:
        """(path, sha256) of every indexed document, in the order they were indexed."""

    def document_frequencies(self, keys: Collection[str]) -> dict[str, int]:
        """How many documents have each key (keys no document has are left out)."""

    def postings(self, key: str) -> Sequence[int]:
        """The ids of the documents that have ``key``."""

    def documents(self, ids: Collection[int]) -> Mapping[int, IndexedDocument]: ...

    def words_in_blocks(self, blocks: Collection[str]) -> set[str]:
        """The known name words that share one of ``blocks``."""

    def close(self) -> None: ...
