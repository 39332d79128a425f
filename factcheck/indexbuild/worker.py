"""The worker side of a parallel build: load the pipeline once, analyse batches.

A worker process (of the local pool or of a Dask cluster) gets a
:class:`PipelineSpec` with every batch and loads that pipeline on its first
batch, then keeps it for the rest of its life: loading the model costs far
more than a batch. The worker must load exactly the pipeline the client
named, since the cache key says which pipeline made an analysis; if it cannot
(the model is not installed there), the batch fails with
:class:`WorkerSetupError`, whose one line says so.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.indexbuild.batches import Encoded, encoded
from factcheck.model import Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.language_data import Vocabulary
from factcheck.nlp.pipeline import RULE_BASED, LoadedPipeline, load_pipeline


class WorkerSetupError(RuntimeError):
    """A worker could not load the pipeline the build uses."""


@dataclass(frozen=True)
class PipelineSpec:
    """Which pipeline to load: its name, and the key the loaded one must have;
    and the configured word lists the extraction reads."""

    name: str
    key: str
    vocabulary: Vocabulary | None = None

    @classmethod
    def of(cls, pipeline: LoadedPipeline, vocabulary: Vocabulary | None = None) -> PipelineSpec:
        return cls(name=pipeline.name, key=pipeline.key, vocabulary=vocabulary)


# The one pipeline of this worker process, by spec.
_loaded: dict[PipelineSpec, LoadedPipeline] = {}


def worker_pipeline(spec: PipelineSpec) -> LoadedPipeline:
    """The pipeline of ``spec``, loaded on this process's first call."""
    pipeline = _loaded.get(spec)
    if pipeline is None:
        if spec.name == RULE_BASED:
            pipeline = load_pipeline(rules_only=True)
        else:
            pipeline = load_pipeline(spec.name)
        if pipeline.key != spec.key:
            raise WorkerSetupError(
                f"worker {socket.gethostname()} cannot load the pipeline {spec.key} (it has"
                f" {pipeline.key}): install the same model and version on every worker"
            )
        _loaded.clear()
        _loaded[spec] = pipeline
    return pipeline


def analyse_batch(spec: PipelineSpec, documents: Sequence[Document]) -> list[Encoded]:
    """The encoded analyses of ``documents``, made in this worker process."""
    pipeline = worker_pipeline(spec)
    analyses = analyse_many(pipeline.nlp, documents, pipeline.key, spec.vocabulary)
    return [encoded(d, a) for d, a in zip(documents, analyses, strict=True)]
