"""The worker side: the named pipeline, loaded once, or one clear line."""

from __future__ import annotations

import pytest

from factcheck.documents import load_document
from factcheck.indexbuild import worker
from factcheck.indexbuild.worker import PipelineSpec, WorkerSetupError, analyse_batch
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.storage.codec import decode_analysis
from tests.conftest import SEED_FILES


def test_a_batch_is_analysed_as_in_one_process(pipeline: LoadedPipeline) -> None:
    documents = [load_document(path) for path in SEED_FILES[:2]]
    encoded = analyse_batch(PipelineSpec.of(pipeline), documents)
    expected = analyse_many(pipeline.nlp, documents, pipeline.key)
    assert [decode_analysis(e.data) for e in encoded] == expected
    assert [e.sha256 for e in encoded] == [d.sha256 for d in documents]
    assert all(e.words > 0 for e in encoded)


def test_the_pipeline_is_loaded_once_per_process(
    monkeypatch: pytest.MonkeyPatch, rules_pipeline: LoadedPipeline
) -> None:
    loads: list[object] = []

    def load(*args: object, **kwargs: object) -> LoadedPipeline:
        loads.append(args)
        return rules_pipeline

    monkeypatch.setattr(worker, "_loaded", {})
    monkeypatch.setattr(worker, "load_pipeline", load)
    spec = PipelineSpec.of(rules_pipeline)
    for _ in range(3):
        assert worker.worker_pipeline(spec) is rules_pipeline
    assert len(loads) == 1


def test_a_worker_without_the_model_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "_loaded", {})
    spec = PipelineSpec(name="no_such_model_pkg", key="no_such_model_pkg-1.0")
    with pytest.raises(WorkerSetupError) as raised:
        worker.worker_pipeline(spec)
    message = str(raised.value)
    assert "\n" not in message
    assert "no_such_model_pkg-1.0" in message and "install" in message
