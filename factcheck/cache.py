"""The SQLite cache of per-document analyses.

Extraction is the slow part of a run, and a corpus changes little between runs,
so analyses are stored by the document's SHA-256 and a key (:func:`cache_key`)
naming the pipeline, the factcheck version and a fingerprint of the code and
word lists that make an analysis: a new model, a new release or an edited word
list never reads old data.

A cache must never be the reason a check fails. A corrupt database file is
moved aside and replaced; a folder that cannot be written falls back to an
in-memory database; an entry that no longer decodes is a miss. Each of these
leaves one line in :attr:`AnalysisCache.notice` for the front end to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from factcheck import __version__
from factcheck.model import Analysis
from factcheck.nlp.language_data import Vocabulary
from factcheck.storage.codec import FORMAT_VERSION, decode_analysis, encode_analysis

__all__ = [
    "DATABASE_NAME",
    "DEFAULT_LOCK_TIMEOUT",
    "AnalysisCache",
    "CacheStats",
    "cache_key",
    "extraction_files",
    "extraction_fingerprint",
    "fingerprint",
]

DATABASE_NAME = "analyses.sqlite3"

# Seconds to wait for another process's write lock (two pre-commit runs at once)
# before giving up on a statement.
DEFAULT_LOCK_TIMEOUT = 30.0

# How many documents one statement names (a DELETE when pruning, a SELECT of
# stored facts): under SQLite's oldest limit of 999 parameters.
_CHUNK = 500

# Bumped when the analyses table changes shape; a database of another version is
# emptied. 2: ``data`` holds the msgpack form of factcheck.storage.codec, not JSON.
# The document_facts table came later and is made where missing, not by a new
# version: an older factcheck opening the file keeps its analyses.
_SCHEMA_VERSION = 2

# What an analysis is made from, besides the document and the pipeline, relative
# to the package: the NLP layer (every file: code and word lists), the records
# and their JSON form, and the reading of a file into its text and prose mask.
# The cache's binary form (storage/codec.py) is named by its FORMAT_VERSION in
# the key instead of by its code: a faster decoder of the same form reads the
# rows already stored, and a changed form bumps the version
# (tests/test_storage_codec.py holds the form's shapes to the version).
# tests/test_cache.py checks that every module they import is here (errors.py
# too: simpler than a list of exceptions, and it seldom changes).
_EXTRACTION_FOLDERS = ("nlp",)
_EXTRACTION_MODULES = (
    "model.py", "serialize.py", "documents.py", "markup.py", "pubdate.py", "errors.py",
)  # fmt: skip

_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    path TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, key)
)
"""

# A document's own facts (factcheck.facts.stored_pieces) by content hash, under a
# key that names the analysis key and the facts code they were computed by.
_FACTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS document_facts (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, key)
)
"""


@dataclass(frozen=True)
class CacheStats:
    entries: int  # entries stored under this cache's key
    total_entries: int  # entries under every key
    size_bytes: int  # the database file and its write-ahead log; 0 in memory


def cache_key(pipeline_key: str, vocabulary: Vocabulary | None = None) -> str:
    """The key analyses are stored under: pipeline, factcheck version, extraction
    code, the stored form's version, and the word lists the configuration added
    (they change what is found)."""
    key = (
        f"{pipeline_key}|factcheck-{__version__}|extraction-{extraction_fingerprint()}"
        f"|format-{FORMAT_VERSION}"
    )
    added = vocabulary.fingerprint if vocabulary is not None else ""
    return f"{key}|vocabulary-{added}" if added else key


@functools.cache
def extraction_fingerprint() -> str:
    """:func:`fingerprint` of the installed package, read once per process."""
    return fingerprint(Path(__file__).parent)


def fingerprint(package: Path) -> str:
    """A short hash of the names and contents of the package's extraction files.

    A development checkout changes its word lists without a new version, so
    the version alone would let a cached run report what the code no longer
    finds.
    """
    digest = hashlib.sha256()
    for path in extraction_files(package):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def extraction_files(package: Path) -> list[Path]:
    """The files of ``package`` (a factcheck source folder) that make an analysis, sorted."""
    files = [package / name for name in _EXTRACTION_MODULES]
    for folder in _EXTRACTION_FOLDERS:
        files.extend(
            path
            for path in (package / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        )
    return sorted(files)


class AnalysisCache:
    """Analyses by document SHA-256, for one pipeline-and-version ``key``."""

    def __init__(self, folder: Path, *, key: str, timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.folder = Path(folder)
        self.timeout = timeout
        self.key = key
        self.path = self.folder / DATABASE_NAME
        self.notice: str | None = None
        self.in_memory = False
        self._transaction_depth = 0
        self._connection = self._open()
        self._facts_table = self._open_facts_table()

    # --- opening ----------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._open_in_memory(f"cannot create cache folder {self.folder}: {exc}")
        try:
            return _connect(self.path, self.timeout)
        except sqlite3.OperationalError as exc:
            # Locked beyond the timeout, read-only, no space: the file may be
            # fine, so it is left alone and this run works without it.
            return self._open_in_memory(f"cannot open cache {self.path}: {exc}")
        except sqlite3.DatabaseError as exc:
            # Anything else at open is a file SQLite does not recognise.
            moved_to = _move_aside(self.path)
            self.notice = f"cache {self.path} was unreadable ({exc}); moved to {moved_to.name}"
        try:
            return _connect(self.path, self.timeout)
        except sqlite3.DatabaseError as exc:
            return self._open_in_memory(f"cannot recreate cache {self.path}: {exc}")

    def _open_facts_table(self) -> bool:
        """Make the document_facts table where a file from before it lacks it, if the
        write lock is free now (an existing table needs none): without it, a run
        reads its documents' facts from their analyses, as before."""
        try:
            with self._no_wait():
                self._connection.execute(_FACTS_SCHEMA)
        except sqlite3.DatabaseError:
            return False  # another process writes, or the file is read-only
        return True

    @contextlib.contextmanager
    def _no_wait(self) -> Iterator[None]:
        """Statements that fail at once, not after the lock timeout, if another
        connection holds the write lock."""
        self._connection.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self._connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def _open_in_memory(self, problem: str) -> sqlite3.Connection:
        self.notice = f"{problem}; using a cache in memory for this run"
        self.in_memory = True
        return _connect(":memory:", self.timeout)

    # --- reading and writing ------------------------------------------------------

    def get(self, sha256: str) -> Analysis | None:
        """The analysis stored for this document under this key, or None."""
        try:
            row = self._connection.execute(
                "SELECT data FROM analyses WHERE sha256 = ? AND key = ?", (sha256, self.key)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            self._note(f"cache read failed: {exc}")
            return None
        if row is None:
            return None
        try:
            analysis = decode_analysis(row[0])
        except ValueError:
            # Written by a build whose model differed under the same key (a
            # development checkout): a miss, and the next put replaces it.
            return None
        return analysis if analysis.sha256 == sha256 else None

    def has(self, sha256: str) -> bool:
        """Whether an analysis is stored for this document under this key, without
        decoding it: what a resumed ``factcheck index`` asks of every document."""
        try:
            row = self._connection.execute(
                "SELECT 1 FROM analyses WHERE sha256 = ? AND key = ?", (sha256, self.key)
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            self._note(f"cache read failed: {exc}")
            return False
        return row is not None

    def put(self, analysis: Analysis) -> None:
        """Store (or replace) the analysis under its SHA-256 and this key."""
        self.put_encoded(analysis.sha256, analysis.path, encode_analysis(analysis))

    def put_encoded(self, sha256: str, path: str, data: bytes) -> None:
        """:meth:`put` of an analysis already encoded (by a build worker)."""
        row = (
            sha256,
            self.key,
            path,
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            data,
        )
        try:
            self._connection.execute(
                "INSERT OR REPLACE INTO analyses (sha256, key, path, stored_at, data)"
                " VALUES (?, ?, ?, ?, ?)",
                row,
            )
        except sqlite3.DatabaseError as exc:
            self._note(f"cache write failed: {exc}")

    # --- a document's own facts, stored beside its analysis ------------------------

    def facts_key(self, code: str) -> str:
        """The key a document's facts are stored under: this cache's analysis key
        and ``code``, the fingerprint of the facts code that computed them."""
        return f"{self.key}|facts-{code}"

    def get_facts(self, sha256s: Iterable[str], key: str) -> dict[str, bytes]:
        """The stored facts of these documents under ``key``, by SHA-256 (those
        stored; a failed read is a miss, noted once)."""
        wanted = sorted(set(sha256s))
        found: dict[str, bytes] = {}
        if not self._facts_table:
            return found
        try:
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                found.update(
                    self._connection.execute(
                        f"SELECT sha256, data FROM document_facts WHERE key = ?"
                        f" AND sha256 IN ({marks})",
                        (key, *chunk),
                    )
                )
        except sqlite3.DatabaseError as exc:
            self._note(f"cache read failed: {exc}")
            return {}
        return found

    def put_facts(self, rows: Iterable[tuple[str, bytes]], key: str) -> bool:
        """Store (sha256, data) rows under ``key``, in one transaction, if the write
        lock is free now: the facts can be computed again, so a check does not wait
        behind another writer (``factcheck index``) to store them. Whether stored."""
        keyed = [(sha, key, data) for sha, data in rows]
        if not keyed or not self._facts_table:
            return not keyed
        if self._transaction_depth:  # inside the caller's transaction: its lock
            return self._insert_facts(keyed)
        try:
            with self._no_wait():
                self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False  # another process writes: the next check stores them
        except sqlite3.DatabaseError as exc:
            self._note(f"cache write failed: {exc}")
            return False
        stored = self._insert_facts(keyed)
        self._finish("COMMIT" if stored else "ROLLBACK")
        return stored

    def _insert_facts(self, rows: list[tuple[str, str, bytes]]) -> bool:
        # A document's facts stored by other facts code under this analysis key are
        # dropped as its new ones go in: each change of that code would otherwise
        # leave a copy of every document's facts behind (4.6 KB each). Those of
        # other analysis keys (the other pipeline, say) are theirs, and stay.
        prefix = self.facts_key("")
        try:
            self._connection.executemany(
                "DELETE FROM document_facts WHERE sha256 = ? AND key != ?"
                " AND substr(key, 1, ?) = ?",
                [(sha, key, len(prefix), prefix) for sha, key, _ in rows],
            )
            self._connection.executemany(
                "INSERT OR REPLACE INTO document_facts (sha256, key, data) VALUES (?, ?, ?)",
                rows,
            )
        except sqlite3.DatabaseError as exc:
            self._note(f"cache write failed: {exc}")
            return False
        return True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Batch puts into one commit; nested uses join the outer transaction."""
        if self._transaction_depth:
            self._transaction_depth += 1
            try:
                yield
            finally:
                self._transaction_depth -= 1
            return
        try:
            # IMMEDIATE takes the write lock up front, so a concurrent writer
            # waits for the timeout here instead of failing halfway through.
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            # Still locked after the timeout: the puts go one by one (and are
            # skipped if the lock persists) rather than failing the run.
            self._note(f"cache transaction could not start: {exc}")
            yield
            return
        self._transaction_depth = 1
        try:
            yield
        except BaseException:
            self._finish("ROLLBACK")
            raise
        self._finish("COMMIT")

    def _finish(self, statement: str) -> None:
        self._transaction_depth = 0
        try:
            self._connection.execute(statement)
        except sqlite3.DatabaseError as exc:
            self._note(f"cache write failed: {exc}")
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")

    def prune(self, keep: Iterable[str]) -> int:
        """Delete this key's entries whose SHA-256 is not in ``keep``; return how many."""
        wanted = set(keep)
        deleted = 0
        try:
            stored = [
                sha
                for (sha,) in self._connection.execute(
                    "SELECT sha256 FROM analyses WHERE key = ?", (self.key,)
                )
            ]
            stale = sorted(set(stored) - wanted)
            # The facts stored from those analyses go too, whatever facts code made them.
            prefix = self.facts_key("")
            # Each DELETE is atomic, so the count is what was really deleted.
            for chunk in _chunks(stale):
                marks = ",".join("?" * len(chunk))
                cursor = self._connection.execute(
                    f"DELETE FROM analyses WHERE key = ? AND sha256 IN ({marks})",
                    (self.key, *chunk),
                )
                deleted += cursor.rowcount
                if not self._facts_table:
                    continue
                self._connection.execute(
                    "DELETE FROM document_facts WHERE substr(key, 1, ?) = ?"
                    f" AND sha256 IN ({marks})",
                    (len(prefix), prefix, *chunk),
                )
        except sqlite3.DatabaseError as exc:
            self._note(f"cache prune failed: {exc}")
        return deleted

    def stats(self) -> CacheStats:
        """Counts and size for ``factcheck index``; unlike the rest, errors propagate."""
        (entries,) = self._connection.execute(
            "SELECT count(*) FROM analyses WHERE key = ?", (self.key,)
        ).fetchone()
        (total,) = self._connection.execute("SELECT count(*) FROM analyses").fetchone()
        size = 0
        if not self.in_memory:
            for suffix in ("", "-wal"):
                with contextlib.suppress(OSError):
                    size += os.path.getsize(f"{self.path}{suffix}")
        return CacheStats(entries=int(entries), total_entries=int(total), size_bytes=size)

    # --- lifetime -----------------------------------------------------------------

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _note(self, problem: str) -> None:
        # One line per run is enough: later failures are usually the same one.
        if self.notice is None:
            self.notice = problem


def _connect(database: Path | str, timeout: float) -> sqlite3.Connection:
    """A connection with the schema in place; raises DatabaseError for a bad file."""
    # Autocommit (isolation_level=None): each put is its own transaction unless
    # the caller batches with AnalysisCache.transaction().
    connection = sqlite3.connect(database, timeout=timeout, isolation_level=None)
    try:
        # The first statement reads the file header, so corruption shows here.
        # WAL lets readers work while another process writes.
        connection.execute("PRAGMA journal_mode=WAL")
        # The version is set in the transaction that makes the table, so a file at
        # this version has it: opened without the write lock, a check does not wait
        # behind `factcheck index` writing a batch.
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == _SCHEMA_VERSION:
            return connection
        # Under the write lock, so that two processes creating the file at once
        # do not drop each other's table.
        connection.execute("BEGIN IMMEDIATE")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != _SCHEMA_VERSION:
            connection.execute("DROP TABLE IF EXISTS analyses")
            connection.execute("DROP TABLE IF EXISTS document_facts")  # of those analyses
            connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        connection.execute(_SCHEMA)
        connection.execute(_FACTS_SCHEMA)
        connection.execute("COMMIT")
    except BaseException:
        connection.close()
        raise
    return connection


def _chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in runs of at most :data:`_CHUNK`, for one statement each."""
    for first in range(0, len(items), _CHUNK):
        yield items[first : first + _CHUNK]


def _move_aside(path: Path) -> Path:
    """Rename a bad database (and its journal files) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    # Another process may have moved it already; either way it is gone.
    with contextlib.suppress(FileNotFoundError):
        path.rename(target)
    # A journal left beside the new, empty file would be replayed into it.
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").rename(f"{target}{suffix}")
    return target
