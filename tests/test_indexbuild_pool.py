"""--workers: a pool of processes gives what one process gives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from factcheck.documents import document_from_text, load_document
from factcheck.indexbuild.batches import Encoded
from factcheck.indexbuild.local import LocalAnalyser
from factcheck.indexbuild.pool import PoolAnalyser
from factcheck.indexbuild.worker import PipelineSpec, WorkerSetupError
from factcheck.model import Document
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import SEED_FILES


def batches(documents: Sequence[Document], size: int) -> Iterator[Sequence[Document]]:
    for start in range(0, len(documents), size):
        yield documents[start : start + size]


def by_sha(results: Iterator[list[Encoded]]) -> dict[str, Encoded]:
    return {e.sha256: e for batch in results for e in batch}


def test_two_workers_give_the_results_of_one_process(pipeline: LoadedPipeline) -> None:
    corpus = [load_document(path) for path in SEED_FILES]
    corpus += [document_from_text(f"extra{i}.txt", f"Item {i} on Monday.\n") for i in range(4)]
    local = by_sha(LocalAnalyser(pipeline).run(batches(corpus, 2)))
    pooled = by_sha(PoolAnalyser(PipelineSpec.of(pipeline), 2).run(batches(corpus, 2)))
    assert pooled == local
    assert len(pooled) == len(corpus)


def test_the_pool_pulls_no_more_batches_than_it_keeps_in_flight(
    rules_pipeline: LoadedPipeline,
) -> None:
    corpus = [document_from_text(f"d{i}.txt", f"Text {i}.\n") for i in range(12)]
    pulled = 0
    most_ahead = 0
    answered = 0

    def counted() -> Iterator[Sequence[Document]]:
        nonlocal pulled, most_ahead
        for batch in batches(corpus, 1):
            pulled += 1
            most_ahead = max(most_ahead, pulled - answered)
            yield batch

    analyser = PoolAnalyser(PipelineSpec.of(rules_pipeline), 1, in_flight=3)
    for _ in analyser.run(counted()):
        answered += 1
    assert answered == len(corpus)
    assert most_ahead <= 3


def test_a_worker_that_cannot_load_the_pipeline_fails_the_build_with_its_reason() -> None:
    spec = PipelineSpec(name="no_such_model_pkg", key="no_such_model_pkg-1.0")
    with pytest.raises(WorkerSetupError, match=r"no_such_model_pkg-1\.0"):
        list(PoolAnalyser(spec, 1).run(iter([[document_from_text("a.txt", "A.\n")]])))
