"""Bringing the index in line with the corpus, reading only what changed.

Every listed file is stat-ed (the one step that grows with the corpus: no
file is read for it); a file whose size and modification time match its row
is taken as it is. New and changed files are read and hashed; a file whose
content is unchanged (touched, copied back) only gets its new stamp, the
others are analysed (the caller's ``analyse``: the analysis cache, then
spaCy) and re-indexed, a batch a transaction. Files no longer listed are
removed. A run killed halfway leaves every finished batch committed, and the
next sync finds the rest as new.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from factcheck.errors import InputError
from factcheck.index.keys import analysis_keys
from factcheck.index.store import DocumentEntry, FactStore, IndexedDocument, Stamp
from factcheck.model import Analysis, Document

# Documents read, analysed and committed together: bounded memory, and a kill
# loses at most one batch of work.
DEFAULT_BATCH = 64

Load = Callable[[Path], Document]
Analyse = Callable[[Sequence[Document]], list[Analysis]]


class SyncProgress(Protocol):
    """What a sync reports its work to (:class:`factcheck.progress.Progress` is one)."""

    def advance(self, count: int = 1, *, words: int = 0) -> None: ...

    def close(self) -> None: ...


# Called once the files to read are known, with their number.
StartProgress = Callable[[int], SyncProgress]


@dataclass(frozen=True)
class SyncResult:
    """What a sync did, and the corpus as indexed after it."""

    # (path, sha256) of each indexed corpus document, in corpus order.
    indexed: tuple[tuple[str, str], ...]
    added: int = 0  # new paths
    changed: int = 0  # same path, new content
    restamped: int = 0  # same content, new size or time
    removed: int = 0  # no longer listed, or now unreadable
    unreadable: tuple[InputError, ...] = ()


def sync_index(
    store: FactStore,
    files: Sequence[Path],
    *,
    load: Load,
    analyse: Analyse,
    batch_size: int = DEFAULT_BATCH,
    progress: StartProgress | None = None,
) -> SyncResult:
    """``progress``, when given, is started once for all the new and changed files
    (one line for the whole sync, not one a batch) and closed at the end."""
    stored = store.stamps()
    current = {path: sha for path, (sha, _) in stored.items()}
    listed = [str(path) for path in files]
    gone = sorted(set(stored) - set(listed))
    if gone:  # an unchanged corpus takes no write lock: checks never queue for it
        with store.writing() as writer:
            for gone_path in gone:
                writer.remove(gone_path)
                del current[gone_path]
    pending: list[tuple[Path, Stamp]] = []
    for path in files:
        stamp = _stamp(path)
        known = stored.get(str(path))
        if known is None or known[1] != stamp:
            pending.append((path, stamp))
    bar = progress(len(pending)) if progress is not None and pending else None
    try:
        counts = _read_pending(store, pending, current, load, analyse, batch_size, bar)
    finally:
        if bar is not None:
            bar.close()
    return SyncResult(
        indexed=tuple((path, current[path]) for path in listed if path in current),
        added=counts.added,
        changed=counts.changed,
        restamped=counts.restamped,
        removed=counts.removed + len(gone),
        unreadable=tuple(counts.unreadable),
    )


@dataclass
class _Counts:
    added: int = 0
    changed: int = 0
    restamped: int = 0
    removed: int = 0
    unreadable: list[InputError] = field(default_factory=list)


def _read_pending(
    store: FactStore,
    pending: Sequence[tuple[Path, Stamp]],
    current: dict[str, str],
    load: Load,
    analyse: Analyse,
    batch_size: int,
    bar: SyncProgress | None,
) -> _Counts:
    """Read, analyse and index the new and changed files, a batch a transaction;
    ``current`` (path -> sha256 as indexed) is kept in step."""
    counts = _Counts()
    unreadable = counts.unreadable
    for first in range(0, len(pending), batch_size):
        fresh: list[tuple[str, Document, Stamp]] = []
        touched: list[tuple[str, Stamp]] = []
        dropped: list[str] = []
        for file, stamp in pending[first : first + batch_size]:
            key = str(file)
            try:
                document = load(file)
            except InputError as error:
                unreadable.append(error)
                if key in current:
                    dropped.append(key)
                continue
            if current.get(key) == document.sha256:
                touched.append((key, stamp))
            else:
                fresh.append((key, document, stamp))
        analyses = analyse([document for _, document, _ in fresh]) if fresh else []
        with store.writing() as writer:
            for key in dropped:
                writer.remove(key)
                del current[key]
                counts.removed += 1
            for key, stamp in touched:
                writer.restamp(key, stamp)
                counts.restamped += 1
            for (key, document, stamp), analysis in zip(fresh, analyses, strict=True):
                if key in current:
                    counts.changed += 1
                else:
                    counts.added += 1
                indexed = IndexedDocument(
                    key, document.sha256, stamp, document.published, len(analysis.tokens)
                )
                writer.put(DocumentEntry(indexed, analysis_keys(analysis)))
                current[key] = document.sha256
        if bar is not None:
            batch = pending[first : first + batch_size]
            words = sum(len(document.prose.split()) for _, document, _ in fresh)
            bar.advance(len(batch), words=words)
    return counts


def _stamp(path: Path) -> Stamp:
    try:
        status = os.stat(path)
    except OSError:
        # Reading it will say why; a stamp no file has makes the next sync look again.
        return _NO_STAMP
    return Stamp(status.st_size, status.st_mtime_ns)


_NO_STAMP = Stamp(-1, -1)
