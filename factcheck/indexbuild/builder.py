"""Streaming the corpus into the cache: bounded memory, one commit per batch.

Documents are read one at a time; a document whose analysis the cache holds
is counted and dropped; the others are gathered into batches of
``batch_size``, which the analyser pulls only when it has room, and each
batch of results is written in one transaction as it comes back. So the
documents held at once are at most ``batch_size`` times the analyser's
batches in flight (plus the one being gathered), a kill loses at most the
batches in flight, and a re-run skips everything committed before it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from factcheck.errors import InputError
from factcheck.indexbuild.batches import Analyser, Encoded
from factcheck.model import Document
from factcheck.progress import Progress

DEFAULT_BATCH_SIZE = 32

# Told of each readable document when the build is done with it (see build_index).
Done = Callable[[Document, Encoded | None], None]


class BuildStore(Protocol):
    """Where the analyses go: :class:`~factcheck.cache.AnalysisCache` is one."""

    def has(self, sha256: str) -> bool: ...

    def put_encoded(self, sha256: str, path: str, data: bytes) -> None: ...

    def facts_key(self, code: str) -> str: ...

    def put_facts(self, rows: Iterable[tuple[str, bytes]], key: str) -> bool: ...

    def transaction(self) -> contextlib.AbstractContextManager[None]: ...


@dataclass
class BuildSummary:
    """What one build did, for the summary line."""

    documents: int = 0  # readable documents seen
    analysed: int = 0  # analysed in this build
    cached: int = 0  # already in the store (or repeated within a batch)
    words: int = 0  # words of the documents analysed in this build
    seconds: float = 0.0
    unreadable: list[InputError] = field(default_factory=list)
    # Documents the build itself wrote to the fact index (new to it, or replacing
    # an older row), as their analyses came back; the sync after it does the rest.
    index_added: int = 0
    index_changed: int = 0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


def build_index(
    items: Iterable[Document | InputError],
    store: BuildStore | None,
    analyser: Analyser,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    on_done: Done | None = None,
) -> BuildSummary:
    """Analyse and store every document of ``items`` that ``store`` lacks.

    ``on_done``, when given, is told of every readable document once the build is
    done with it: with its result once that is stored, or with None if it was not
    analysed (its analysis was stored already, or its text came earlier in the
    batch)."""
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    summary = BuildSummary()
    started = time.perf_counter()
    done: Done = on_done if on_done is not None else _nothing
    # The documents of the batches handed to the analyser, until their results
    # are stored: as many as the analyser holds, whatever the archive's size.
    in_flight: dict[tuple[str, str], Document] = {}
    batches = _uncached_batches(items, store, batch_size, summary, progress, done, in_flight)
    try:
        for results in analyser.run(batches):
            if store is not None:
                with store.transaction():
                    for result in results:
                        store.put_encoded(result.sha256, result.path, result.data)
                    _put_facts(store, results)
            for result in results:
                done(in_flight.pop((result.sha256, result.path)), result)
            words = sum(result.words for result in results)
            summary.analysed += len(results)
            summary.words += words
            if progress is not None:
                progress.advance(len(results), words=words)
    finally:
        if progress is not None:
            progress.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _put_facts(store: BuildStore, results: Sequence[Encoded]) -> None:
    """The documents' own facts, under the key of the facts code that read them."""
    by_code: dict[str, list[tuple[str, bytes]]] = {}
    for result in results:
        if result.facts is not None:
            by_code.setdefault(result.facts_code, []).append((result.sha256, result.facts))
    for code, rows in by_code.items():
        store.put_facts(rows, store.facts_key(code))


def _uncached_batches(
    items: Iterable[Document | InputError],
    store: BuildStore | None,
    batch_size: int,
    summary: BuildSummary,
    progress: Progress | None,
    done: Done,
    in_flight: dict[tuple[str, str], Document],
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    in_batch: set[str] = set()  # the same text twice in a batch is analysed once
    for item in items:
        if isinstance(item, InputError):
            summary.unreadable.append(item)
            _skipped(progress)
            continue
        summary.documents += 1
        if item.sha256 in in_batch or (store is not None and store.has(item.sha256)):
            summary.cached += 1
            _skipped(progress)
            done(item, None)
            continue
        batch.append(item)
        in_batch.add(item.sha256)
        if len(batch) >= batch_size:
            in_flight.update(((d.sha256, d.path), d) for d in batch)
            yield batch
            batch, in_batch = [], set()
    if batch:
        in_flight.update(((d.sha256, d.path), d) for d in batch)
        yield batch


def _nothing(_document: Document, _result: Encoded | None) -> None:
    pass


def _skipped(progress: Progress | None) -> None:
    if progress is not None:
        progress.advance(1)
