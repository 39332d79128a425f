"""``factcheck index`` indexes each document it analyses as the analysis comes
back (factcheck/index/from_build.py): the index is the one a sync alone would
make, and the sync after the build reads none of those files again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from factcheck.engine import Engine
from factcheck.indexbuild.batches import Encoded
from factcheck.indexbuild.local import LocalAnalyser
from factcheck.model import Document
from factcheck.nlp.pipeline import LoadedPipeline
from tests.index_corpora import copy_seed, write_distractors
from tests.index_engines import count_cache_reads, index_engine
from tests.test_index_sqlite_store import _tables


def _index_tables(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    store, _ = engine.sync_index(list_corpus=True)
    path = Path(str(store.path))
    tables = _tables(path)
    connection = sqlite3.connect(path)
    try:
        tables["words"] = sorted(connection.execute("SELECT path, words FROM documents"))
    finally:
        connection.close()
    return tables


def _fresh_tables(corpus: Path, cache: Path, pipeline: LoadedPipeline) -> dict[str, object]:
    """The index a sync alone makes of ``corpus``, with its own analysis cache."""
    return dict(_index_tables(index_engine(corpus, cache, pipeline)))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_distractors(folder, 7)
    copy_seed(folder)
    return folder


def test_the_build_indexes_what_it_analyses_and_leaves_the_sync_nothing_to_read(
    corpus: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = index_engine(corpus, tmp_path / "built", rules_pipeline)
    summary = engine.index_corpus(batch_size=3)
    assert (summary.analysed, summary.index_added, summary.index_changed) == (8, 8, 0)
    decoded = count_cache_reads(monkeypatch)
    loaded: list[Path] = []
    load = engine._load_corpus_file

    def counting_load(path: Path) -> Document:
        loaded.append(path)
        return load(path)

    monkeypatch.setattr(engine, "_load_corpus_file", counting_load)
    _, synced = engine.sync_index(list_corpus=True)
    assert (synced.added, synced.changed, synced.restamped) == (0, 0, 0)
    assert len(synced.indexed) == 8
    assert (loaded, decoded) == ([], [])
    monkeypatch.undo()
    assert _index_tables(engine) == _fresh_tables(corpus, tmp_path / "fresh", rules_pipeline)


def test_a_changed_file_is_replaced_by_the_build_and_a_cached_copy_left_to_the_sync(
    corpus: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    cache = tmp_path / "cache"
    first = index_engine(corpus, cache, rules_pipeline)
    first.index_corpus()
    first.sync_index(list_corpus=True)
    changed = corpus / "distractor_0001.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n")
    # Another name for a text already analysed: the build has nothing to analyse.
    copy = corpus / "a_copy.txt"
    copy.write_bytes((corpus / "distractor_0002.txt").read_bytes())
    again = index_engine(corpus, cache, rules_pipeline)
    summary = again.index_corpus()
    assert (summary.analysed, summary.index_added, summary.index_changed) == (1, 0, 1)
    _, synced = again.sync_index(list_corpus=True)
    assert (synced.added, synced.changed) == (1, 0)  # the copy, from the cache
    assert _index_tables(again) == _fresh_tables(corpus, tmp_path / "fresh", rules_pipeline)


class _StopsAfter:
    """The local analyser, stopped (as by Ctrl-C) after ``batches`` batches."""

    in_flight = 1

    def __init__(self, pipeline: LoadedPipeline, batches: int) -> None:
        self._inner = LocalAnalyser(pipeline)
        self._batches = batches

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]:
        for number, results in enumerate(self._inner.run(batches)):
            if number == self._batches:
                raise KeyboardInterrupt
            yield results


def test_a_stopped_build_keeps_what_it_indexed_and_the_next_sync_does_the_rest(
    corpus: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    cache = tmp_path / "cache"
    stopped = index_engine(corpus, cache, rules_pipeline)
    with pytest.raises(KeyboardInterrupt):
        stopped.index_corpus(_StopsAfter(rules_pipeline, 2), batch_size=2)
    resumed = index_engine(corpus, cache, rules_pipeline)
    store = resumed._open_index(resumed._index_patterns())
    assert store.document_count() == 4  # two batches of two came back before the stop
    store.close()
    _, synced = resumed.sync_index(list_corpus=True)
    assert (synced.added, len(synced.indexed)) == (4, 8)
    assert _index_tables(resumed) == _fresh_tables(corpus, tmp_path / "fresh", rules_pipeline)


def test_a_build_that_analyses_nothing_opens_no_index(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    from factcheck.errors import InputError

    empty = tmp_path / "empty"
    empty.mkdir()
    cache = tmp_path / "cache"
    with pytest.raises(InputError, match="no readable corpus document"):
        index_engine(empty, cache, rules_pipeline).index_corpus()
    assert list(cache.glob("index-*")) == []
