"""The analyser of one process: each batch through the loaded pipeline, in order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factcheck.indexbuild.batches import Encoded, encoded
from factcheck.model import Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.language_data import Vocabulary
from factcheck.nlp.pipeline import LoadedPipeline


class LocalAnalyser:
    in_flight = 1

    def __init__(self, pipeline: LoadedPipeline, vocabulary: Vocabulary | None = None) -> None:
        self._pipeline = pipeline
        self._vocabulary = vocabulary

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]:
        nlp, key = self._pipeline.nlp, self._pipeline.key
        for batch in batches:
            analyses = analyse_many(nlp, batch, key, self._vocabulary)
            yield [encoded(d, a) for d, a in zip(batch, analyses, strict=True)]
