"""The document_facts table of the analysis cache: a document's own facts stored
beside its analysis, read back by key, never waited for, never in the way."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from factcheck.cache import DATABASE_NAME, AnalysisCache
from tests.test_cache import KEY, analysis

SHA_A, SHA_B, SHA_C = "a" * 64, "b" * 64, "c" * 64


def test_stored_facts_are_read_back_under_their_key_only(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        current = cache.facts_key("code1")
        assert cache.put_facts([(SHA_A, b"facts of a"), (SHA_B, b"facts of b")], current)
    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.get_facts([SHA_A, SHA_B, SHA_C], current) == {
            SHA_A: b"facts of a",
            SHA_B: b"facts of b",
        }
        assert cache.get_facts([SHA_A], cache.facts_key("code2")) == {}
    with AnalysisCache(tmp_path, key=KEY + "|vocabulary-x") as cache:
        # Another analysis key (another configuration's word lists): none of them.
        assert cache.get_facts([SHA_A], cache.facts_key("code1")) == {}


def _rows(folder: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(folder / DATABASE_NAME) as connection:
        return sorted(connection.execute("SELECT sha256, key FROM document_facts"))


def test_facts_stored_by_new_code_replace_the_old_codes_of_that_document(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY + "|vocabulary-x") as elsewhere:
        theirs = elsewhere.facts_key("code1")
        assert elsewhere.put_facts([(SHA_A, b"another key's facts")], theirs)
    with AnalysisCache(tmp_path, key=KEY) as cache:
        old, new = cache.facts_key("code1"), cache.facts_key("code2")
        assert cache.put_facts([(SHA_A, b"old a"), (SHA_B, b"old b")], old)
        assert cache.put_facts([(SHA_A, b"new a")], new)
        assert cache.get_facts([SHA_A, SHA_B], new) == {SHA_A: b"new a"}
        assert cache.get_facts([SHA_A, SHA_B], old) == {SHA_B: b"old b"}  # not stored again yet
    # One row a document and analysis key; the other key's row is left alone.
    assert _rows(tmp_path) == sorted([(SHA_A, theirs), (SHA_A, new), (SHA_B, old)])


def test_many_documents_are_read_in_chunks(tmp_path: Path) -> None:
    shas = [f"{i:064x}" for i in range(1203)]
    with AnalysisCache(tmp_path, key=KEY) as cache:
        key = cache.facts_key("code")
        assert cache.put_facts([(sha, sha.encode()) for sha in shas], key)
        found = cache.get_facts(shas, key)
    assert len(found) == 1203 and found[shas[-1]] == shas[-1].encode()


def test_a_write_lock_held_elsewhere_skips_the_facts_at_once(tmp_path: Path) -> None:
    with (
        AnalysisCache(tmp_path, key=KEY) as holder,
        AnalysisCache(tmp_path, key=KEY, timeout=5.0) as checker,
    ):
        key = checker.facts_key("code")
        with holder.transaction():
            holder.put(analysis(SHA_A))
            started = time.perf_counter()
            assert not checker.put_facts([(SHA_A, b"facts")], key)
            assert time.perf_counter() - started < 1.0, "waited for the lock"
        assert checker.notice is None, "a busy writer is no failure to report"
        assert checker.get_facts([SHA_A], key) == {}
        assert checker.put_facts([(SHA_A, b"facts")], key)  # the lock is free again
        assert holder.get_facts([SHA_A], key) == {SHA_A: b"facts"}
        # and the lock timeout is the connection's again
        assert checker._connection.execute("PRAGMA busy_timeout").fetchone() == (5000,)


def _file_from_before_the_table(folder: Path) -> None:
    with AnalysisCache(folder, key=KEY) as cache:
        cache.put(analysis(SHA_A))
    raw = sqlite3.connect(folder / DATABASE_NAME)
    raw.execute("DROP TABLE document_facts")
    raw.commit()
    raw.close()


def test_a_file_from_before_the_table_keeps_its_analyses_and_gains_it(tmp_path: Path) -> None:
    _file_from_before_the_table(tmp_path)
    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.get(SHA_A) == analysis(SHA_A)
        key = cache.facts_key("code")
        assert cache.put_facts([(SHA_A, b"facts")], key)
        assert cache.get_facts([SHA_A], key) == {SHA_A: b"facts"}


def test_a_file_from_before_the_table_opened_while_another_writes(tmp_path: Path) -> None:
    _file_from_before_the_table(tmp_path)
    writer = sqlite3.connect(tmp_path / DATABASE_NAME, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.perf_counter()
        with AnalysisCache(tmp_path, key=KEY, timeout=5.0) as cache:
            assert time.perf_counter() - started < 1.0, "waited for the lock to add the table"
            assert cache.get(SHA_A) == analysis(SHA_A)  # the analyses read as before
            key = cache.facts_key("code")
            assert cache.get_facts([SHA_A], key) == {}
            assert not cache.put_facts([(SHA_A, b"facts")], key)
            assert cache.notice is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_pruning_a_document_drops_its_stored_facts(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        for sha in (SHA_A, SHA_B):
            cache.put(analysis(sha))
        key = cache.facts_key("code")
        cache.put_facts([(SHA_A, b"a"), (SHA_B, b"b")], key)
        with AnalysisCache(tmp_path, key=KEY + "|vocabulary-x") as other:
            other_key = other.facts_key("code")
            other.put_facts([(SHA_B, b"another key's")], other_key)
        assert cache.prune([SHA_A]) == 1
        assert cache.get_facts([SHA_A, SHA_B], key) == {SHA_A: b"a"}
        assert cache.get_facts([SHA_B], other_key) == {SHA_B: b"another key's"}
