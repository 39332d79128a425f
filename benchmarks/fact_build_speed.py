"""The time to build the corpus fact base from cached analyses: prints, asserts nothing.

    python benchmarks/fact_build_speed.py CORPUS [--documents 100] [--repeat 5] [--seed 0]

A check against a large archive builds :class:`CorpusFacts` from the up to 100
documents the fact index selects; this times that build alone, for
``--documents`` documents drawn from the corpus folder ``CORPUS`` (seeded, so
every run takes the same ones), with their analyses from the analysis cache
(run it from the folder whose cache holds them; a document not in the cache is
analysed first, untimed). It prints the best of ``--repeat`` runs of the whole
build and of its parts: the build from documents' facts kept from an earlier
build (:class:`~factcheck.facts.document_pieces.DocumentFacts`, as an engine
keeps them across selections), reading those facts, the name book, the
document dates, the acronyms and the parallel-sentence index (with its
documents' facts read afresh); then the whole build again with the objects
alive before it frozen (``gc.freeze()``), which shows what the garbage
collector's passes over them cost.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.api import Checker
from factcheck.facts.corpus import CorpusFacts
from factcheck.facts.document_dates import document_dates
from factcheck.facts.names.namebook import NameBook
from factcheck.facts.parallel_sentences import ParallelSentences
from factcheck.facts.titles import organisations
from factcheck.model import Analysis, Document


def pairs_of(corpus: Path, documents: int, seed: int) -> list[tuple[Document, Analysis]]:
    """``documents`` corpus documents, drawn with ``seed``, with their cached analyses."""
    checker = Checker([str(corpus)])
    engine = checker.engine
    paths = sorted(p for p in corpus.iterdir() if p.is_file())
    chosen = sorted(random.Random(seed).sample(paths, min(documents, len(paths))))
    loaded = [engine._load_corpus_file(path) for path in chosen]
    analyses = engine._analyses(loaded, ())
    load = engine.corpus_load
    if load is not None and load.analysed:
        print(f"{load.analysed} documents were not in the cache: analysed first, untimed")
    return list(zip(loaded, analyses, strict=True))


def best_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def read_all(pairs: Sequence[tuple[Document, Analysis]]) -> None:
    from factcheck.facts.document_pieces import DocumentFacts

    for document, analysis in pairs:
        DocumentFacts(document, analysis).compute_all()


def parts(pairs: Sequence[tuple[Document, Analysis]]) -> list[tuple[str, Callable[[], object]]]:
    """The parts of the build that can be timed by themselves, on the fact base's
    own inputs (the name book and keys of one build); each reads its documents
    afresh, as a build from a new selection does."""
    facts = CorpusFacts(pairs)
    found: list[tuple[str, Callable[[], object]]] = []
    try:
        from factcheck.facts.document_pieces import DocumentFacts
    except ImportError:  # a version without per-document facts
        analyses: list[object] = [analysis for _, analysis in pairs]  # what it took then

        def parallel() -> object:
            return ParallelSentences(analyses, facts.entity_key, facts.texts)  # type: ignore[arg-type]
    else:
        kept = [DocumentFacts(document, analysis) for document, analysis in pairs]
        for piece in kept:
            piece.compute_all()
        found += [
            ("CorpusFacts, documents kept", lambda: CorpusFacts(kept)),
            ("DocumentFacts, all read", lambda: read_all(pairs)),
        ]

        def parallel() -> object:
            return ParallelSentences(
                [DocumentFacts(*p) for p in pairs], facts.entity_key, facts.texts
            )

    found += [
        (
            "NameBook.build",
            lambda: NameBook.build(
                ((a.path, m) for _, a in pairs for m in a.mentions),
                people=(claim.holder for _, a in pairs for claim in a.roles),
            ),
        ),
        ("document_dates", lambda: document_dates(pairs)),
        ("acronyms", lambda: organisations.acronyms(pairs)),
        ("ParallelSentences", parallel),
    ]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a corpus folder")
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is printed")
    parser.add_argument("--seed", type=int, default=0, help="which documents are drawn")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: not a folder")
    pairs = pairs_of(args.corpus, args.documents, args.seed)
    words = sum(len(a.tokens) for _, a in pairs)
    print(f"{len(pairs)} documents, {words:,} tokens; best of {args.repeat} runs")
    whole = best_ms(lambda: CorpusFacts(pairs), args.repeat)
    print(f"{'CorpusFacts, whole build':<28} {whole:8.1f} ms")
    for name, work in parts(pairs):
        print(f"  {name:<26} {best_ms(work, args.repeat):8.1f} ms")
    # The collector traverses every object alive (the analyses, the pipeline) as a
    # build allocates: frozen, those are not traversed again.
    gc.freeze()
    frozen = best_ms(lambda: CorpusFacts(pairs), args.repeat)
    gc.unfreeze()
    print(f"{'CorpusFacts, older objects frozen':<28} {frozen:8.1f} ms  (gc.freeze() first)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
