"""The SQLite fact store (factcheck/index/sqlite_store.py): a document's change
touches only its rows, and the aggregates stay what a fresh build gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck.index.blocking import word_blocks
from factcheck.index.keys import DocumentKeys
from factcheck.index.sqlite_store import SCHEMA_VERSION, SqliteFactStore, index_path
from factcheck.index.store import DocumentEntry, IndexedDocument, Stamp


def _entry(path: str, sha: str, keys: set[str], spellings: set[str]) -> DocumentEntry:
    return DocumentEntry(
        IndexedDocument(path, sha, Stamp(len(keys), 1)),
        DocumentKeys(frozenset(keys), frozenset(spellings)),
    )


A = _entry("a", "1", {"n:anna petrova", "w:anna", "w:petrova", "l:talk"}, {"Anna Petrova"})
B = _entry("b", "2", {"n:anna petrova", "w:anna", "w:petrova", "l:visit"}, {"Anna Petrova"})
B_CHANGED = _entry("b", "3", {"n:ivan sokolov", "w:ivan", "w:sokolov", "l:talk"}, {"Ivan Sokolov"})
C = _entry("c", "4", {"w:sokolov", "l:talk", "c:meeting"}, {"Sokolov"})


def _tables(store_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table with document ids replaced by paths, sorted: comparable across builds."""
    connection = sqlite3.connect(store_path)
    try:
        return {
            "documents": sorted(
                connection.execute(
                    "SELECT path, sha256, size, mtime_ns, published, keys, spellings FROM documents"
                )
            ),
            "postings": sorted(
                connection.execute(
                    "SELECT key, path FROM postings JOIN documents ON documents.id = doc_id"
                )
            ),
            "key_stats": sorted(connection.execute("SELECT key, documents FROM key_stats")),
            "spellings": sorted(connection.execute("SELECT spelling, documents FROM spellings")),
            "name_blocks": sorted(connection.execute("SELECT block, word FROM name_blocks")),
        }
    finally:
        connection.close()


def _build(path: Path, entries: list[DocumentEntry]) -> dict[str, list[tuple[object, ...]]]:
    store = SqliteFactStore(path)
    with store.writing() as writer:
        for entry in entries:
            writer.put(entry)
    store.close()
    return _tables(path)


def test_add_change_remove_keep_the_aggregates_of_a_fresh_build(tmp_path: Path) -> None:
    store = SqliteFactStore(tmp_path / "incremental.sqlite3")
    for entry in (A, B, C):
        with store.writing() as writer:
            writer.put(entry)
    with store.writing() as writer:
        writer.put(B_CHANGED)  # same path, new content
    with store.writing() as writer:
        writer.remove("a")
    store.close()
    incremental = _tables(tmp_path / "incremental.sqlite3")
    assert incremental == _build(tmp_path / "fresh.sqlite3", [B_CHANGED, C])
    # The figures themselves, not only their agreement.
    assert ("w:sokolov", 2) in incremental["key_stats"]
    assert not any(key == "w:anna" for key, _ in incremental["key_stats"])
    assert ("Ivan Sokolov", 1) in incremental["spellings"]
    assert not any(word == "petrova" for _, word in incremental["name_blocks"])
    assert {(block, "sokolov") for block in word_blocks("sokolov")} <= set(
        incremental["name_blocks"]
    )


def test_key_stats_count_the_postings(tmp_path: Path) -> None:
    tables = _build(tmp_path / "index.sqlite3", [A, B, C])
    counted: dict[object, int] = {}
    for key, _ in tables["postings"]:
        counted[key] = counted.get(key, 0) + 1
    assert {row[0]: row[1] for row in tables["key_stats"]} == counted


def test_a_failed_transaction_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    before = _build(path, [A])
    store = SqliteFactStore(path)
    with pytest.raises(RuntimeError), store.writing() as writer:
        writer.put(B)
        writer.remove("a")
        raise RuntimeError("killed")
    store.close()
    assert _tables(path) == before


def test_reads(tmp_path: Path) -> None:
    store = SqliteFactStore(tmp_path / "index.sqlite3")
    with store.writing() as writer:
        for entry in (A, B, C):
            writer.put(entry)
        writer.restamp("c", Stamp(7, 8))
    with store.reading():
        assert store.document_count() == 3
        assert store.document_frequencies(["l:talk", "w:anna", "absent"]) == {
            "l:talk": 2,
            "w:anna": 2,
        }
        ids = store.postings("c:meeting")
        assert [d.path for d in store.documents(ids).values()] == ["c"]
    assert store.stamps()["c"] == ("4", Stamp(7, 8))
    # A misspelling shares a block with the word it misspells.
    assert "sokolov" in store.words_in_blocks(word_blocks("sokolv"))
    store.close()


def test_another_schema_version_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    _build(path, [A])
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    store = SqliteFactStore(path)
    assert store.document_count() == 0
    store.close()


def test_one_index_file_per_corpus_and_analysis_key(tmp_path: Path) -> None:
    first = index_path(tmp_path, "key-1", ["/news"])
    assert first.parent == tmp_path
    assert first == index_path(tmp_path, "key-1", ["/news"])
    assert first != index_path(tmp_path, "key-2", ["/news"])
    assert first != index_path(tmp_path, "key-1", ["/sport"])


def test_an_index_opens_for_reading_while_another_connection_holds_the_write_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "index.sqlite3"
    SqliteFactStore(path).close()  # made, at this schema version
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a sync's transaction
    try:
        reader = SqliteFactStore(path, timeout=0.05)  # would wait, then raise, before
        assert reader.stamps() == {}
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_documents_words_are_stored_with_it(tmp_path: Path) -> None:
    store = SqliteFactStore(tmp_path / "index.sqlite3")
    with store.writing() as writer:
        writer.put(DocumentEntry(IndexedDocument("a", "1", Stamp(9, 1), words=412), A.keys))
        writer.put(B)
    with store.reading():
        found = store.documents([1, 2])
    store.close()
    assert {document.path: document.words for document in found.values()} == {"a": 412, "b": 0}
