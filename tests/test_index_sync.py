"""Sync (factcheck/index/sync.py): adding, changing and removing corpus documents
update the index to what a fresh one holds, and a check reports the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.nlp.pipeline import LoadedPipeline
from tests.index_corpora import copy_seed, write_distractors
from tests.index_engines import Seen, findings, index_engine
from tests.test_index_sqlite_store import _tables


def _fresh_and_incremental(
    corpus: Path, cache: Path, fresh_cache: Path, pipeline: LoadedPipeline
) -> tuple[list[Seen], list[Seen]]:
    incremental = index_engine(corpus, cache, pipeline)
    fresh = index_engine(corpus, fresh_cache, pipeline)
    result = findings(incremental), findings(fresh)
    store, _ = incremental.sync_index()
    fresh_store, _ = fresh.sync_index()
    assert _tables(Path(str(store.path))) == _tables(Path(str(fresh_store.path)))
    return result


def test_add_change_remove_give_the_findings_of_a_fresh_index(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus = tmp_path / "corpus"
    cache = tmp_path / "cache"
    write_distractors(corpus, 8)
    seed = copy_seed(corpus)
    first = findings(index_engine(corpus, cache, rules_pipeline))
    assert any(f[0] == "FC101" for f in first)

    seed.unlink()  # removed: the misspelling has nothing to be a misspelling of
    incremental, fresh = _fresh_and_incremental(corpus, cache, tmp_path / "f1", rules_pipeline)
    assert incremental == fresh
    assert not any(f[0] == "FC101" for f in incremental)

    added = corpus / "added.txt"  # added: the name is back, from another document
    added.write_text(
        "Vyacheslav Volodin, chairman of the State Duma, visited Beijing.\n\n"
        "Volodin met Zhao Leji on Monday.\n",
        encoding="utf-8",
    )
    incremental, fresh = _fresh_and_incremental(corpus, cache, tmp_path / "f2", rules_pipeline)
    assert incremental == fresh
    evidence = [e for f in incremental if f[0] == "FC101" for e in f[4]]
    assert evidence and all(source.endswith("added.txt") for source, _, _ in evidence)

    # Changed: same path, another name.
    added.write_text(added.read_text().replace("Volodin", "Volodina"), encoding="utf-8")
    incremental, fresh = _fresh_and_incremental(corpus, cache, tmp_path / "f3", rules_pipeline)
    assert incremental == fresh
    assert all(f[2] != "Vyacheslav Volodin" for f in incremental)


def test_only_what_changed_is_read(tmp_path: Path, rules_pipeline: LoadedPipeline) -> None:
    corpus = tmp_path / "corpus"
    cache = tmp_path / "cache"
    paths = write_distractors(corpus, 5)
    first = index_engine(corpus, cache, rules_pipeline).sync_index()[1]
    assert first.added == 5
    unchanged = index_engine(corpus, cache, rules_pipeline).sync_index()[1]
    assert (unchanged.added, unchanged.changed, unchanged.restamped, unchanged.removed) == (
        0, 0, 0, 0,
    )  # fmt: skip
    status = os.stat(paths[0])
    os.utime(paths[0], ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))  # touched
    paths[1].write_text("Anna Petrova arrived in Kazan.\n", encoding="utf-8")  # changed
    paths[2].unlink()
    write_distractors(corpus, 1, first=50)
    engine = index_engine(corpus, cache, rules_pipeline)
    synced = engine.sync_index()[1]
    assert (synced.added, synced.changed, synced.restamped, synced.removed) == (1, 1, 1, 1)
    assert engine.corpus_load is not None and engine.corpus_load.documents == 5


def test_an_unreadable_corpus_file_is_said_and_left_out(
    tmp_path: Path, rules_pipeline: LoadedPipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_distractors(corpus, 3)
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    engine = index_engine(corpus, tmp_path / "cache", rules_pipeline)
    _, synced = engine.sync_index()
    assert len(synced.indexed) == 3
    assert "binary.txt" in capsys.readouterr().err


def test_an_unreadable_index_file_is_rebuilt(
    tmp_path: Path, rules_pipeline: LoadedPipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_distractors(corpus, 4)
    copy_seed(corpus)
    store, _ = index_engine(corpus, cache, rules_pipeline).sync_index()
    path = Path(str(store.path))
    store.close()
    path.write_bytes(b"not a database" * 100)
    engine = index_engine(corpus, cache, rules_pipeline)
    assert any(f.code == "FC101" for f in findings(engine))
    assert "was unreadable" in capsys.readouterr().err
    rebuilt, synced = engine.sync_index()
    assert rebuilt.path == path and synced.added == 5


class _Line:
    """A progress line that records what it was told."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, total
        self.done = self.words = 0
        self.closed = False

    def advance(self, count: int = 1, *, words: int = 0) -> None:
        self.done += count
        self.words += words

    def close(self) -> None:
        self.closed = True


def test_a_sync_draws_one_progress_line_for_all_its_batches(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    from factcheck.config import config_from_mapping
    from factcheck.engine import Engine

    corpus = tmp_path / "corpus"
    write_distractors(corpus, 150)  # read in three parts of 64
    lines: list[_Line] = []

    def start(label: str, total: int) -> _Line:
        lines.append(_Line(label, total))
        return lines[-1]

    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache-dir": str(tmp_path / "cache")},
        source=None,
        root=tmp_path,
    )
    engine = Engine(config, pipeline=rules_pipeline, progress=start)  # type: ignore[arg-type]
    engine.sync_index()
    assert [(line.label, line.total, line.done) for line in lines] == [
        ("indexing the corpus", 150, 150)
    ]
    assert lines[0].closed and lines[0].words > 150 * 20
    # An unchanged corpus has nothing to read: no line at all.
    Engine(config, pipeline=rules_pipeline, progress=start).sync_index()  # type: ignore[arg-type]
    assert len(lines) == 1


def test_with_sync_on_check_off_a_check_trusts_the_index_and_reads_changes_as_they_are(
    tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.engine as engine_module
    from factcheck.config import config_from_mapping
    from factcheck.engine import Engine

    corpus = tmp_path / "corpus"
    write_distractors(corpus, 4)
    seed = copy_seed(corpus)
    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache-dir": str(tmp_path / "cache"), "sync-on-check": False},
        source=None,
        root=tmp_path,
    )
    # An empty index is synced in full even so: there is nothing to trust yet.
    first = Engine(config, pipeline=rules_pipeline)
    assert any(f[0] == "FC101" for f in findings(first))
    assert len(first.sync_index()[1].indexed) == 5

    (corpus / "late.txt").write_text("Vyacheslav Volodin arrived in Kazan.\n", encoding="utf-8")
    seed.write_text(seed.read_text(encoding="utf-8").replace("Volodin", "Volodarsky"), "utf-8")

    def no_listing(*args: object, **kwargs: object) -> list[Path]:
        raise AssertionError("the corpus was listed")

    monkeypatch.setattr(engine_module, "expand_paths", no_listing)
    trusting = Engine(config, pipeline=rules_pipeline)
    _, synced = trusting.sync_index()
    assert len(synced.indexed) == 5  # the new file is not seen...
    # ...but the changed one is read as it is now: nothing left to misspell.
    assert not any(f[0] == "FC101" for f in findings(trusting))

    monkeypatch.undo()
    listing = Engine(config, pipeline=rules_pipeline)
    _, synced = listing.sync_index(list_corpus=True)  # what `factcheck index` does
    assert len(synced.indexed) == 6


def test_a_sync_commits_whole_batches_and_analyses_a_few_at_a_time_with_the_collector_off(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    import contextlib
    import gc
    from collections.abc import Iterator, Sequence

    from factcheck.documents import load_document
    from factcheck.index import SqliteFactStore, sync_index
    from factcheck.index.sync import ANALYSED_TOGETHER
    from factcheck.model import Analysis, Document
    from factcheck.nlp.extract import analyse_many
    from factcheck.sources import list_files

    write_distractors(tmp_path / "corpus", 2 * ANALYSED_TOGETHER + 5)
    files = list_files(["corpus"], tmp_path)
    store = SqliteFactStore(tmp_path / "index.sqlite3")
    commits: list[int] = []
    writing = store.writing

    @contextlib.contextmanager
    def counted_writing() -> Iterator[object]:
        before = store.document_count()
        with writing() as writer:
            yield writer
        commits.append(store.document_count() - before)

    store.writing = counted_writing  # type: ignore[method-assign,assignment]
    parts: list[tuple[int, bool]] = []

    def analyse(documents: Sequence[Document]) -> list[Analysis]:
        parts.append((len(documents), gc.isenabled()))
        return analyse_many(rules_pipeline.nlp, documents, rules_pipeline.key)

    assert gc.isenabled()
    batch = ANALYSED_TOGETHER + 10
    synced = sync_index(store, files, load=load_document, analyse=analyse, batch_size=batch)
    assert synced.added == len(files) == store.document_count()
    # Two commits, of a batch and of the rest, whatever the parts analysed.
    assert commits == [batch, len(files) - batch]
    assert [size for size, _ in parts] == [ANALYSED_TOGETHER, 10, len(files) - batch]
    assert not any(enabled for _, enabled in parts) and gc.isenabled()
    store.close()
