"""The fact index under several processes: checks reading while another process
updates it (WAL), and a sync killed halfway that the next run completes."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

from factcheck.cache import cache_key
from factcheck.index import SqliteFactStore, index_path
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import REPO
from tests.index_corpora import copy_seed, write_distractors
from tests.index_engines import findings, index_engine
from tests.index_workers import check_repeatedly, update_repeatedly
from tests.test_index_sqlite_store import _tables

ROUNDS = 4


def test_checks_read_while_another_process_updates_the_index(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_distractors(corpus, 10)
    copy_seed(corpus)
    index_engine(corpus, cache, rules_pipeline).sync_index()
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    readers = [
        context.Process(target=check_repeatedly, args=(str(corpus), str(cache), ROUNDS, results))
        for _ in range(2)
    ]
    writer = context.Process(target=update_repeatedly, args=(str(corpus), str(cache), ROUNDS))
    for process in (*readers, writer):
        process.start()
    seen = [results.get(timeout=300) for _ in range(2 * ROUNDS)]
    for process in (*readers, writer):
        process.join(timeout=300)
    assert writer.exitcode == 0
    errors = [result for result in seen if isinstance(result, str)]
    assert not errors, errors
    # The distractors come and go; the misspelling's finding and evidence do not.
    expected = {
        (f.code, f.found, f.expected, f.evidence)
        for f in findings(index_engine(corpus, cache, rules_pipeline))
    }
    assert any(code == "FC101" for code, *_ in expected)
    for result in seen:
        assert isinstance(result, list)
        assert {(f.code, f.found, f.expected, f.evidence) for f in result} == expected


def test_a_sync_killed_halfway_is_completed_by_the_next_run(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_distractors(corpus, 12)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.index_workers", str(corpus), str(cache), "3"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.kill()
        child.wait(timeout=60)
    store = SqliteFactStore(index_path(cache, cache_key(rules_pipeline.key), [str(corpus)]))
    assert store.document_count() == 6  # three batches of two committed, the fourth not
    store.close()
    engine = index_engine(corpus, cache, rules_pipeline)
    resumed_store, synced = engine.sync_index()
    assert (synced.added, synced.changed) == (6, 0)
    fresh_store, _ = index_engine(corpus, tmp_path / "fresh", rules_pipeline).sync_index()
    assert _tables(Path(str(resumed_store.path))) == _tables(Path(str(fresh_store.path)))
