"""The fact index written by ``factcheck index`` as its analyses come back.

The build analyses each new document where it runs (this process, a pool
worker, a Dask worker), and the worker makes the document's keys there too
(:class:`~factcheck.indexbuild.batches.Encoded`). Writing those keys now, with
the stamp the corpus listing took before the file was read, leaves the sync
that follows the build nothing to do for them: before, it read and hashed
every new file again and decoded its analysis from the cache to key it (about
25 s for 10,000 documents, 3.4 minutes at 100,000).

A document whose analysis was cached already is left to that sync, which
indexes whatever the index lacks. A file changed after the listing stamped it
has a stamp older than its content, so the next sync reads it again: the
stamp is never newer than the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.index.store import DocumentEntry, FactStore, IndexedDocument, Stamp
from factcheck.index.sync import DEFAULT_BATCH
from factcheck.indexbuild.batches import Encoded
from factcheck.model import Document
from factcheck.sources import ListedFile


@dataclass
class BuildIndexer:
    """Collects the keys of analysed documents and writes them, a batch a transaction.

    The store is opened at the first write: a build that analyses nothing (a
    corpus cached already, or empty) leaves no index file behind it."""

    open_store: Callable[[], FactStore]
    batch_size: int = DEFAULT_BATCH
    added: int = 0  # documents new to the index
    changed: int = 0  # documents whose row it replaced
    # Where the listing found each document read and not yet done with, by the
    # document's own path: as many as the build holds in flight.
    _listed: dict[str, ListedFile] = field(default_factory=dict)
    _entries: list[DocumentEntry] = field(default_factory=list)
    _store: FactStore | None = None

    def listed(self, document: Document, file: ListedFile) -> None:
        """``document`` was read from ``file`` (its stamp taken before the read)."""
        self._listed[document.path] = file

    def done(self, document: Document, result: Encoded | None) -> None:
        """The build is done with ``document`` (:data:`factcheck.indexbuild.builder.Done`)."""
        file = self._listed.pop(document.path, None)
        if file is None or result is None or result.keys is None:
            return  # not analysed here: the sync indexes it if the index lacks it
        indexed = IndexedDocument(
            file.path,
            document.sha256,
            Stamp(file.size, file.mtime_ns),
            document.published,
            result.tokens,
        )
        self._entries.append(DocumentEntry(indexed, result.keys))
        if len(self._entries) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what was collected, in one transaction."""
        if not self._entries:
            return
        if self._store is None:
            self._store = self.open_store()
        with self._store.writing() as writer:
            for entry in self._entries:
                if writer.put(entry):
                    self.changed += 1
                else:
                    self.added += 1
        self._entries.clear()

    def close(self) -> None:
        """Write what is left and let the store go."""
        try:
            self.flush()
        finally:
            if self._store is not None:
                self._store.close()
                self._store = None


__all__ = ["BuildIndexer"]
