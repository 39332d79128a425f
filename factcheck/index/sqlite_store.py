"""The fact index in SQLite: one file per corpus and analysis key, in the cache folder.

WAL lets any number of checks read while one process writes; a write takes
the lock up front (``BEGIN IMMEDIATE``) and waits for another writer up to the
busy timeout. Every change of a document (its row, its postings, the key and
spelling counts it touches) is one transaction, so a run killed at any point
leaves the index as of the last commit, and the next sync finds the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from factcheck.index.blocking import word_blocks
from factcheck.index.keying import installed_keying_fingerprint
from factcheck.index.keys import NAME_WORD
from factcheck.index.store import DocumentEntry, IndexedDocument, Stamp

# Bumped when a table changes shape; a file of another version is rebuilt.
SCHEMA_VERSION = 2  # 2: documents.words
# Seconds a write waits for another process's write lock.
BUSY_TIMEOUT = 60.0
# SQLite's oldest limit is 999 parameters a statement.
_CHUNK = 500

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        published TEXT,
        words INTEGER NOT NULL,
        keys TEXT NOT NULL,
        spellings TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS postings (
        key TEXT NOT NULL,
        doc_id INTEGER NOT NULL,
        PRIMARY KEY (key, doc_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS key_stats (
        key TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS spellings (
        spelling TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS name_blocks (
        block TEXT NOT NULL,
        word TEXT NOT NULL,
        PRIMARY KEY (block, word)
    ) WITHOUT ROWID""",
)
_TABLES = ("documents", "postings", "key_stats", "spellings", "name_blocks")
# Keys and spellings are stored with the document, one a line, so that removing
# it touches only its own postings (no index on doc_id to keep).
_SEPARATOR = "\n"
_Value = TypeVar("_Value", str, int)


def index_path(cache_dir: Path, analysis_key: str, corpus: Sequence[str]) -> Path:
    """The index file for one corpus (its patterns, absolute) under one analysis key
    and the code that keys it (:mod:`factcheck.index.keying`): two corpora sharing a
    cache folder, or two pipelines, never evict each other."""
    digest = hashlib.sha256(analysis_key.encode("utf-8"))
    digest.update(b"\0keys-" + installed_keying_fingerprint().encode("ascii"))
    for pattern in corpus:
        digest.update(b"\0" + pattern.encode("utf-8", "surrogatepass"))
    return Path(cache_dir) / f"index-{digest.hexdigest()[:16]}.sqlite3"


class SqliteFactStore:
    """:class:`~factcheck.index.store.FactStore` on one SQLite file (or ``:memory:``)."""

    def __init__(self, path: Path | str, *, timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        if isinstance(path, Path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        try:
            self._prepare()
        except BaseException:
            self._connection.close()
            raise

    def _prepare(self) -> None:
        connection = self._connection
        connection.execute("PRAGMA journal_mode=WAL")
        # A crash may lose the last commits but never corrupts: sync redoes them.
        connection.execute("PRAGMA synchronous=NORMAL")
        # The version is set in the transaction that makes the tables, so a file at
        # this version has them all: a reader opens it without the write lock, and
        # does not wait behind a sync that holds it.
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == SCHEMA_VERSION:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:
                for table in _TABLES:
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for statement in _SCHEMA:
                connection.execute(statement)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    # --- reading ---------------------------------------------------------------------

    def stamps(self) -> dict[str, tuple[str, Stamp]]:
        rows = self._connection.execute("SELECT path, sha256, size, mtime_ns FROM documents")
        return {path: (sha, Stamp(size, mtime)) for path, sha, size, mtime in rows}

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        # A deferred transaction holds one snapshot from its first read to the end.
        self._connection.execute("BEGIN")
        try:
            yield
        finally:
            self._connection.execute("COMMIT")

    def indexed(self) -> list[tuple[str, str]]:
        rows = self._connection.execute("SELECT path, sha256 FROM documents ORDER BY id")
        return [(path, sha) for path, sha in rows]

    def document_count(self) -> int:
        (count,) = self._connection.execute("SELECT count(*) FROM documents").fetchone()
        return int(count)

    def document_frequencies(self, keys: Collection[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            found.update(
                self._connection.execute(
                    f"SELECT key, documents FROM key_stats WHERE key IN ({marks})", chunk
                )
            )
        return found

    def postings(self, key: str) -> list[int]:
        rows = self._connection.execute("SELECT doc_id FROM postings WHERE key = ?", (key,))
        return [doc_id for (doc_id,) in rows]

    def documents(self, ids: Collection[int]) -> dict[int, IndexedDocument]:
        found: dict[int, IndexedDocument] = {}
        for chunk in _chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                "SELECT id, path, sha256, size, mtime_ns, published, words FROM documents"
                f" WHERE id IN ({marks})",
                chunk,
            )
            for doc_id, path, sha, size, mtime, published, words in rows:
                stamp = Stamp(size, mtime)
                found[doc_id] = IndexedDocument(path, sha, stamp, _date(published), words)
        return found

    def words_in_blocks(self, blocks: Collection[str]) -> set[str]:
        words: set[str] = set()
        for chunk in _chunks(sorted(blocks)):
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                f"SELECT word FROM name_blocks WHERE block IN ({marks})", chunk
            )
            words.update(word for (word,) in rows)
        return words

    # --- writing ---------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[_Writer]:
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            yield _Writer(self._connection)
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")

    def close(self) -> None:
        self._connection.close()


class _Writer:
    """The writes inside one :meth:`SqliteFactStore.writing` transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def put(self, entry: DocumentEntry) -> bool:
        document = entry.document
        replaced = self.remove(document.path)
        keys = sorted(entry.keys.keys)
        spellings = sorted(entry.keys.spellings)
        cursor = self._connection.execute(
            "INSERT INTO documents"
            " (path, sha256, size, mtime_ns, published, words, keys, spellings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.path,
                document.sha256,
                document.stamp.size,
                document.stamp.mtime_ns,
                document.published.isoformat() if document.published else None,
                document.words,
                _SEPARATOR.join(keys),
                _SEPARATOR.join(spellings),
            ),
        )
        doc_id = cursor.lastrowid
        self._connection.executemany(
            "INSERT INTO postings (key, doc_id) VALUES (?, ?)", ((k, doc_id) for k in keys)
        )
        self._count("key_stats", "key", keys, +1)
        self._count("spellings", "spelling", spellings, +1)
        # A name word seen for the first time gets its blocks.
        # A name word no other document has gets its blocks.
        for key, frequency in self._frequencies(keys).items():
            if frequency == 1:
                word = key[len(NAME_WORD) :]
                self._connection.executemany(
                    "INSERT OR IGNORE INTO name_blocks (block, word) VALUES (?, ?)",
                    ((block, word) for block in word_blocks(word)),
                )
        return replaced

    def restamp(self, path: str, stamp: Stamp) -> None:
        self._connection.execute(
            "UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?",
            (stamp.size, stamp.mtime_ns, path),
        )

    def remove(self, path: str) -> bool:
        """Drop the document at ``path``; whether there was one."""
        row = self._connection.execute(
            "SELECT id, keys, spellings FROM documents WHERE path = ?", (path,)
        ).fetchone()
        if row is None:
            return False
        doc_id, keys_text, spellings_text = row
        keys = _lines(keys_text)
        self._connection.executemany(
            "DELETE FROM postings WHERE key = ? AND doc_id = ?", ((k, doc_id) for k in keys)
        )
        self._count("key_stats", "key", keys, -1)
        self._count("spellings", "spelling", _lines(spellings_text), -1)
        left = self._frequencies(keys)
        for key in keys:
            if key.startswith(NAME_WORD) and key not in left:
                word = key[len(NAME_WORD) :]
                self._connection.executemany(
                    "DELETE FROM name_blocks WHERE block = ? AND word = ?",
                    ((block, word) for block in word_blocks(word)),
                )
        self._connection.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return True

    def _count(self, table: str, column: str, values: Iterable[str], change: int) -> None:
        rows = [(value, change) for value in values]
        self._connection.executemany(
            f"INSERT INTO {table} ({column}, documents) VALUES (?, ?)"
            f" ON CONFLICT ({column}) DO UPDATE SET documents = documents + excluded.documents",
            rows,
        )
        if change < 0:
            self._connection.executemany(
                f"DELETE FROM {table} WHERE {column} = ? AND documents <= 0",
                ((value,) for value, _ in rows),
            )

    def _frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """The document frequencies of the name-word keys among ``keys`` still counted."""
        words = [key for key in keys if key.startswith(NAME_WORD)]
        found: dict[str, int] = {}
        for chunk in _chunks(words):
            marks = ",".join("?" * len(chunk))
            found.update(
                self._connection.execute(
                    f"SELECT key, documents FROM key_stats WHERE key IN ({marks})", chunk
                )
            )
        return found


def _lines(text: str) -> list[str]:
    return text.split(_SEPARATOR) if text else []


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _chunks(values: Sequence[_Value]) -> Iterator[list[_Value]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


__all__ = ["BUSY_TIMEOUT", "SCHEMA_VERSION", "SqliteFactStore", "index_path"]
