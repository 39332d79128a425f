"""The streaming build: bounded batches, one commit each, cached documents skipped."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from factcheck.cache import DATABASE_NAME, AnalysisCache
from factcheck.documents import document_from_text, load_document
from factcheck.errors import InputError
from factcheck.facts.document_pieces import DocumentFacts
from factcheck.facts.stored_pieces import decode_pieces, facts_fingerprint
from factcheck.indexbuild.batches import Encoded, word_count
from factcheck.indexbuild.builder import build_index
from factcheck.indexbuild.local import LocalAnalyser
from factcheck.model import Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import SEED_FILES


def documents(count: int) -> list[Document]:
    return [
        document_from_text(f"d{i}.txt", f"Document number {i} was filed.\n") for i in range(count)
    ]


class Ledger:
    """Counts documents read and stored, to see how many are held at once."""

    def __init__(self) -> None:
        self.read = 0
        self.stored = 0
        self.most_held = 0

    def source(self, items: Sequence[Document | InputError]) -> Iterator[Document | InputError]:
        for item in items:
            self.read += 1
            self.most_held = max(self.most_held, self.read - self.stored)
            yield item


class FakeStore:
    def __init__(self, ledger: Ledger, cached: frozenset[str] = frozenset()) -> None:
        self.ledger = ledger
        self.cached = set(cached)
        self.commits: list[list[str]] = []
        self._open: list[str] | None = None

    def has(self, sha256: str) -> bool:
        return sha256 in self.cached

    def put_encoded(self, sha256: str, path: str, data: bytes) -> None:
        assert self._open is not None, "a put outside a transaction"
        self._open.append(path)
        self.ledger.stored += 1

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self._open = []
        yield
        self.commits.append(self._open)
        self._open = None


class FakeAnalyser:
    """Keeps ``in_flight`` batches before answering the oldest, as a pool would."""

    def __init__(self, in_flight: int) -> None:
        self.in_flight = in_flight
        self.batches: list[list[str]] = []

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]:
        held: list[Sequence[Document]] = []
        for batch in batches:
            self.batches.append([d.path for d in batch])
            held.append(batch)
            if len(held) == self.in_flight:
                yield self._answer(held.pop(0))
        while held:
            yield self._answer(held.pop(0))

    @staticmethod
    def _answer(batch: Sequence[Document]) -> list[Encoded]:
        return [Encoded(d.sha256, d.path, b"x", word_count(d)) for d in batch]


@pytest.mark.parametrize(("batch_size", "in_flight"), [(1, 1), (4, 1), (4, 3), (7, 2)])
def test_the_build_holds_at_most_the_batches_in_flight(batch_size: int, in_flight: int) -> None:
    ledger = Ledger()
    store = FakeStore(ledger)
    analyser = FakeAnalyser(in_flight)
    corpus = documents(50)
    summary = build_index(ledger.source(corpus), store, analyser, batch_size=batch_size)
    assert summary.analysed == summary.documents == 50
    assert all(len(batch) <= batch_size for batch in analyser.batches)
    # The batches in flight, and the one being gathered.
    assert ledger.most_held <= batch_size * (in_flight + 1)
    # Every batch stored in a transaction of its own, and every document once.
    assert sorted(map(len, store.commits)) == sorted(map(len, analyser.batches))
    assert sorted(p for commit in store.commits for p in commit) == sorted(d.path for d in corpus)


def test_cached_documents_are_not_analysed() -> None:
    ledger = Ledger()
    corpus = documents(10)
    store = FakeStore(ledger, cached=frozenset(d.sha256 for d in corpus[:6]))
    analyser = FakeAnalyser(1)
    summary = build_index(ledger.source(corpus), store, analyser, batch_size=3)
    assert (summary.documents, summary.cached, summary.analysed) == (10, 6, 4)
    assert [p for batch in analyser.batches for p in batch] == [d.path for d in corpus[6:]]


def test_the_same_text_twice_in_a_batch_is_analysed_once() -> None:
    twice = [document_from_text("a.txt", "Same.\n"), document_from_text("b.txt", "Same.\n")]
    analyser = FakeAnalyser(1)
    summary = build_index(iter(twice), None, analyser, batch_size=8)
    assert (summary.analysed, summary.cached) == (1, 1)


@pytest.mark.parametrize("in_flight", [1, 3])
def test_each_readable_document_is_done_once_after_its_result_is_stored(in_flight: int) -> None:
    ledger = Ledger()
    corpus = documents(7)
    # The text of d2 again, in d2's batch: analysed once.
    corpus.insert(3, document_from_text("again.txt", "Document number 2 was filed.\n"))
    store = FakeStore(ledger, cached=frozenset({corpus[0].sha256}))
    done: list[tuple[str, str | None, int]] = []

    def on_done(document: Document, result: Encoded | None) -> None:
        # Told only once the result is in the store, and of the document it is for.
        done.append((document.path, result.path if result else None, ledger.stored))

    problem = InputError("scan.md", "binary file, not text")
    build_index(
        ledger.source([problem, *corpus]),
        store,
        FakeAnalyser(in_flight),
        batch_size=3,
        on_done=on_done,
    )
    assert sorted(path for path, _, _ in done) == sorted(d.path for d in corpus)
    results = {path: result for path, result, _ in done}
    # The cached one and the repeated text were not analysed; every other was, for itself.
    assert results.pop("d0.txt") is None
    assert results.pop("again.txt") is None
    assert all(result == path for path, result in results.items())
    stored_before = {path: stored for path, result, stored in done if result is not None}
    stored_paths = [p for commit in store.commits for p in commit]
    for path, stored in stored_before.items():
        assert path in stored_paths[:stored]


def test_unreadable_files_are_counted_and_kept() -> None:
    problem = InputError("scan.md", "binary file, not text")
    summary = build_index(iter([problem, *documents(2)]), None, FakeAnalyser(1), batch_size=8)
    assert summary.unreadable == [problem]
    assert summary.documents == 2


def test_words_are_counted_for_what_was_analysed() -> None:
    corpus = documents(3)
    summary = build_index(iter(corpus), None, FakeAnalyser(1), batch_size=2)
    assert summary.words == sum(len(d.prose.split()) for d in corpus)


def test_a_batch_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        build_index(iter(()), None, FakeAnalyser(1), batch_size=0)


def test_the_built_cache_holds_the_analyses_and_facts_the_engine_would_make(
    tmp_path: Path, pipeline: LoadedPipeline
) -> None:
    corpus = [load_document(path) for path in SEED_FILES]
    with AnalysisCache(tmp_path, key="k") as cache:
        build_index(iter(corpus), cache, LocalAnalyser(pipeline), batch_size=2)
        expected = analyse_many(pipeline.nlp, corpus, pipeline.key)
        assert [cache.get(d.sha256) for d in corpus] == expected
        # Each document's own facts beside its analysis, as a check would read them.
        stored = cache.get_facts([d.sha256 for d in corpus], cache.facts_key(facts_fingerprint()))
        assert set(stored) == {d.sha256 for d in corpus}
        for document, analysis in zip(corpus, expected, strict=True):
            restored = decode_pieces(stored[document.sha256], document, analysis)
            computed = DocumentFacts(document, analysis)
            assert restored.anchored == computed.anchored
            assert restored.title_phrases == computed.title_phrases
    with sqlite3.connect(tmp_path / DATABASE_NAME) as raw:
        (rows,) = raw.execute("SELECT count(*) FROM analyses").fetchone()
    assert rows == len(corpus)
