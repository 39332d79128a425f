"""The persisted fact index: which corpus documents say what, found by key.

A check reads only the documents its draft shares rare keys with, so its cost
does not grow with the archive (see docs/indexing.md). One concern per module:
``keys`` (what a document is found by), ``store`` (the one interface),
``sqlite_store`` (the default store), ``blocking`` (fuzzy name look-up keys),
``sync`` (the index in line with the corpus), ``retrieval`` (the documents for
a draft).
"""

from __future__ import annotations

from factcheck.index.keys import DocumentKeys, analysis_keys
from factcheck.index.retrieval import Selection, select_documents
from factcheck.index.sqlite_store import SqliteFactStore, index_path
from factcheck.index.store import FactStore, IndexedDocument
from factcheck.index.sync import SyncResult, sync_index

__all__ = [
    "DocumentKeys",
    "FactStore",
    "IndexedDocument",
    "Selection",
    "SqliteFactStore",
    "SyncResult",
    "analysis_keys",
    "index_path",
    "select_documents",
    "sync_index",
]
