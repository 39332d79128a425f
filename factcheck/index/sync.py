"""Bringing the index in line with the corpus, reading only what changed.

Every listed file is stat-ed, once, by the listing itself
(:func:`factcheck.sources.list_files`: the one step that grows with the
corpus, and no file is read for it); a file whose size and modification time
match its row is taken as it is. New and changed files are read and hashed; a file whose
content is unchanged (touched, copied back) only gets its new stamp, the
others are analysed (the caller's ``analyse``: the analysis cache, then
spaCy) a few at a time and re-indexed, a batch a transaction: only the keys
of a batch are held until its commit. Files no longer listed are removed. A
run killed halfway leaves every finished batch committed (the analyses
themselves are in the cache already), and the next sync finds the rest as
new.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from factcheck.collector import collection_paused
from factcheck.errors import InputError
from factcheck.index.keys import analysis_keys
from factcheck.index.store import DocumentEntry, FactStore, IndexedDocument, Stamp
from factcheck.model import Analysis, Document
from factcheck.sources import ListedFile

# Documents committed together. A commit writes every page of the index the
# batch touched (its postings land all over the key order), so small commits
# wrote the same pages over and over: syncing 10,000 documents from the cache
# took 19.0 s in commits of 64 and 16.1 s in commits of 1,024. Only keys are
# held for them, and a kill loses only this index work: the analyses are cached.
DEFAULT_BATCH = 1024
# Documents read and analysed (or decoded from the cache) together: what is
# held in memory at once, documents and analyses, whatever the batch.
ANALYSED_TOGETHER = 64

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

    @functools.cached_property
    def positions(self) -> Mapping[str, int]:
        """Where each indexed path stands in corpus order: made once, so that each
        check puts its few documents in that order without a pass over the corpus."""
        return {path: position for position, (path, _) in enumerate(self.indexed)}


def sync_index(
    store: FactStore,
    files: Sequence[ListedFile],
    *,
    load: Load,
    analyse: Analyse,
    batch_size: int = DEFAULT_BATCH,
    progress: StartProgress | None = None,
) -> SyncResult:
    """``files`` as :func:`factcheck.sources.list_files` gives them, stamped by its
    listing; ``progress``, when given, is started once for all the new and changed
    files (one line for the whole sync, not one a batch) and closed at the end."""
    stored = store.stamps()
    current = {path: sha for path, (sha, _) in stored.items()}
    listed = [file.path for file in files]
    gone = sorted(set(stored) - set(listed))
    if gone:  # an unchanged corpus takes no write lock: checks never queue for it
        with store.writing() as writer:
            for gone_path in gone:
                writer.remove(gone_path)
                del current[gone_path]
    pending: list[tuple[Path, Stamp]] = []
    for file in files:
        known = stored.get(file.path)
        # A stamp is a (size, mtime) tuple: compared as one, made only when needed. A
        # file the listing could not stat has (-1, -1): reading it will say why.
        if known is None or known[1] != file[1:]:
            pending.append((Path(file.path), Stamp(file.size, file.mtime_ns)))
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
    step = min(batch_size, ANALYSED_TOGETHER)
    for first in range(0, len(pending), batch_size):
        batch = _Batch()
        for start in range(first, min(first + batch_size, len(pending)), step):
            part = pending[start : min(start + step, first + batch_size)]
            # One pause of the cyclic collector for the part: what it decodes is
            # freed by reference counting when it ends, where each decode's own
            # pause, ending, had the collector walk all of them again (10,000
            # documents in commits of 64: 24.9 s before, 19.0 s after).
            with collection_paused():
                words = _read_part(part, current, load, analyse, batch, counts)
            if bar is not None:
                bar.advance(len(part), words=words)
        _commit(store, batch, current, counts)
    return counts


@dataclass
class _Batch:
    """What one transaction writes: documents' keys, new stamps, dropped paths."""

    entries: list[DocumentEntry] = field(default_factory=list)
    touched: list[tuple[str, Stamp]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _read_part(
    part: Sequence[tuple[Path, Stamp]],
    current: dict[str, str],
    load: Load,
    analyse: Analyse,
    batch: _Batch,
    counts: _Counts,
) -> int:
    """Files read and analysed into ``batch`` as keys; the words of those analysed."""
    fresh: list[tuple[str, Document, Stamp]] = []
    for file, stamp in part:
        key = str(file)
        try:
            document = load(file)
        except InputError as error:
            counts.unreadable.append(error)
            if key in current:
                batch.dropped.append(key)
            continue
        if current.get(key) == document.sha256:
            batch.touched.append((key, stamp))
        else:
            fresh.append((key, document, stamp))
    analyses = analyse([document for _, document, _ in fresh]) if fresh else []
    for (key, document, stamp), analysis in zip(fresh, analyses, strict=True):
        indexed = IndexedDocument(
            key, document.sha256, stamp, document.published, len(analysis.tokens)
        )
        batch.entries.append(DocumentEntry(indexed, analysis_keys(analysis)))
    return sum(len(document.prose.split()) for _, document, _ in fresh)


def _commit(store: FactStore, batch: _Batch, current: dict[str, str], counts: _Counts) -> None:
    with store.writing() as writer:
        for key in batch.dropped:
            writer.remove(key)
            del current[key]
            counts.removed += 1
        for key, stamp in batch.touched:
            writer.restamp(key, stamp)
            counts.restamped += 1
        for entry in batch.entries:
            if writer.put(entry):
                counts.changed += 1
            else:
                counts.added += 1
            current[entry.document.path] = entry.document.sha256
