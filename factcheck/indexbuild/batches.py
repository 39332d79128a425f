"""What travels between the builder and an analyser: batches in, encoded analyses out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from factcheck.model import Analysis, Document
from factcheck.storage.codec import encode_analysis


@dataclass(frozen=True)
class Encoded:
    """One analysis as the cache stores it, with what the progress line counts."""

    sha256: str
    path: str
    data: bytes  # factcheck.storage.codec's form: what the cache row holds
    words: int


def word_count(document: Document) -> int:
    """Words of prose, as the progress line and the throughput benchmark count them."""
    return len(document.prose.split())


def encoded(document: Document, analysis: Analysis) -> Encoded:
    return Encoded(analysis.sha256, analysis.path, encode_analysis(analysis), word_count(document))


class Analyser(Protocol):
    """Turns batches of documents into batches of encoded analyses.

    It pulls the next batch only when it has room for it, so that the
    documents held at once are bounded by the batches it keeps in flight,
    whatever the archive's size. Result batches may come back in any order.
    """

    in_flight: int  # batches held at most at once

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]: ...
