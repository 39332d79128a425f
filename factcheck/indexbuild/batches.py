"""What travels between the builder and an analyser: batches in, encoded analyses out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from factcheck.model import Analysis, Document
from factcheck.storage.codec import encode_analysis

if TYPE_CHECKING:  # the keys import the name book, and with it spaCy: not for parsing
    from factcheck.index.keys import DocumentKeys


@dataclass(frozen=True)
class Encoded:
    """One analysis as the cache stores it, with what the progress line counts and
    what the fact index stores of it (made where it was analysed: the build then
    indexes the document without decoding its analysis again)."""

    sha256: str
    path: str
    data: bytes  # factcheck.storage.codec's form: what the cache row holds
    words: int
    keys: DocumentKeys | None = None  # its retrieval keys (factcheck.index.keys)
    tokens: int = 0  # its analysis's tokens, as the index counts a document's words
    # Its own facts as the cache stores them (factcheck.facts.stored_pieces), and the
    # fingerprint of the facts code that read them: the worker's, whatever the
    # builder's process runs.
    facts: bytes | None = None
    facts_code: str = ""


def word_count(document: Document) -> int:
    """Words of prose, as the progress line and the throughput benchmark count them."""
    return len(document.prose.split())


def encoded(document: Document, analysis: Analysis) -> Encoded:
    # Here, not at the top: `factcheck index --help` imports this module, and the
    # keys import spaCy; whoever calls this has loaded it already.
    from factcheck.facts.document_pieces import DocumentFacts
    from factcheck.facts.stored_pieces import encode_pieces, facts_fingerprint
    from factcheck.index.keys import analysis_keys

    return Encoded(
        analysis.sha256,
        analysis.path,
        encode_analysis(analysis),
        word_count(document),
        analysis_keys(analysis),
        len(analysis.tokens),
        # Read where the document was analysed (a pool or cluster worker), so that
        # the first check that selects it reads them instead (about 1.3 ms a
        # document, against spaCy's tens of milliseconds).
        encode_pieces(DocumentFacts(document, analysis)),
        facts_fingerprint(),
    )


class Analyser(Protocol):
    """Turns batches of documents into batches of encoded analyses.

    It pulls the next batch only when it has room for it, so that the
    documents held at once are bounded by the batches it keeps in flight,
    whatever the archive's size. Result batches may come back in any order.
    """

    in_flight: int  # batches held at most at once

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]: ...
