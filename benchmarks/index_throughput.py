"""Index build throughput against the bare spaCy pipeline (issues 8 and 9).

    python benchmarks/index_throughput.py [--external ../shared/external] [--documents 300]

On the same texts, the seeds plus the beats corpora (read from the external
data where it lies, never copied into the repository; repeated, each copy
made distinct, to about --documents documents), prints words a second of:

  (a) the bare spaCy pipeline: ``nlp.pipe`` over the texts, same model;
  (b) our extraction, ``analyse_many``, in one process;
  (c) the index build in one process, into an empty cache;
  (d) the index build with ``--workers 2``,

each with its ratio to (a). The targets: (b) >= 0.8x (issue 8), (c) >= 0.9x
and (d) >= 1.7x on two cores (issue 9). The index builds read the texts from
files in a temporary folder and write a temporary cache and fact index, as
``factcheck index`` does: the analysis, which indexes each document as it
comes back, then the sync of the fact index (its seconds printed apart: it has
nothing left to read); (d) includes starting its workers and loading the model
in each. Prints figures, asserts nothing: the
times depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text, load_document
from factcheck.engine import Engine
from factcheck.indexbuild.batches import word_count
from factcheck.indexbuild.pool import PoolAnalyser
from factcheck.indexbuild.worker import PipelineSpec
from factcheck.model import Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline

REPO = Path(__file__).resolve().parent.parent


def source_texts(external: Path) -> list[tuple[str, str]]:
    """(name, text) of the seeds and of every beat corpus found under ``external``."""
    paths = sorted((REPO / "seeds").glob("*.txt")) + sorted(external.glob("beats/*/corpus/*.txt"))
    return [(f"{p.parent.parent.name}-{p.name}", load_document(p).text) for p in paths]


def repeated(texts: Sequence[tuple[str, str]], documents: int) -> list[tuple[str, str]]:
    """About ``documents`` texts: copies of ``texts``, each with a line of its own so
    that no two are the same document to the cache."""
    copies = max(1, round(documents / len(texts)))
    return [
        (f"copy{copy:02d}-{name}", f"{text}\n\nCopy {copy}.\n")
        for copy in range(copies)
        for name, text in texts
    ]


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bare_spacy(pipeline: LoadedPipeline, documents: Sequence[Document]) -> float:
    return timed(lambda: list(pipeline.nlp.pipe(d.prose for d in documents)))


def extraction(pipeline: LoadedPipeline, documents: Sequence[Document]) -> float:
    return timed(lambda: analyse_many(pipeline.nlp, documents, pipeline.key))


def index_build(
    pipeline: LoadedPipeline, texts: Sequence[tuple[str, str]], workers: int, syncs: list[float]
) -> float:
    """Seconds of an index build from files into an empty cache and fact index, as
    ``factcheck index`` runs it; the fact index's sync alone appended to ``syncs``."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for name, text in texts:
            (corpus / name).write_text(text, encoding="utf-8")
        config = config_from_mapping(
            {"corpus": [str(corpus)], "cache-dir": str(Path(folder) / "cache")},
            source=None,
            root=Path(folder),
        )
        engine = Engine(config, pipeline=pipeline, stderr=io.StringIO())
        analyser = PoolAnalyser(PipelineSpec.of(pipeline), workers) if workers > 1 else None
        started = time.perf_counter()
        summary = engine.index_corpus(analyser)
        analysed = time.perf_counter()
        _, synced = engine.sync_index(list_corpus=True)
        assert summary.analysed == len(texts) == len(synced.indexed)
        syncs.append(time.perf_counter() - analysed)
        return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # As the tests find it: FACTCHECK_EXTERNAL, else beside the clone.
    external = os.environ.get("FACTCHECK_EXTERNAL") or REPO.parent / "shared" / "external"
    parser.add_argument("--external", type=Path, default=Path(external))
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args(argv)

    pipeline = load_pipeline()
    texts = repeated(source_texts(args.external), args.documents)
    documents = [document_from_text(name, text) for name, text in texts]
    words = sum(map(word_count, documents))
    print(f"pipeline {pipeline.key}; {len(documents)} documents, {words:,} words")
    print(f"cores {os.cpu_count()}; the machine may be shared: compare ratios of one run")
    list(pipeline.nlp.pipe(d.prose for d in documents[:8]))  # warm the pipeline up

    print(f"load average at start {os.getloadavg()[0]:.1f}")
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    syncs: list[float] = []
    runs: dict[str, Callable[[], float]] = {
        "(a) bare spaCy nlp.pipe": lambda: bare_spacy(pipeline, documents),
        "(b) extraction, analyse_many": lambda: extraction(pipeline, documents),
        "(c) factcheck index, 1 process": lambda: index_build(pipeline, texts, 1, syncs),
        "(d) factcheck index --workers 2": lambda: index_build(pipeline, texts, 2, syncs),
    }
    for label, run in runs.items():
        cpu_before = cpu_seconds()
        seconds[label] = run()
        cpu[label] = cpu_seconds() - cpu_before
    targets = {
        "(b) extraction, analyse_many": "target >= 0.8x (issue 8)",
        "(c) factcheck index, 1 process": "target >= 0.9x (issue 9)",
        "(d) factcheck index --workers 2": "target >= 1.7x on two cores (issue 9)",
    }
    bare = seconds["(a) bare spaCy nlp.pipe"]
    for label, taken in seconds.items():
        ratio = bare / taken
        print(
            f"{label:<34} {words / taken:8,.0f} words/s  {taken:6.1f} s wall"
            f" {cpu[label]:6.1f} s CPU  {ratio:5.2f}x  {targets.get(label, '')}"
        )
    print(
        "of which the fact index's sync after the analysis: "
        + ", ".join(f"{taken:.1f} s" for taken in syncs)
    )
    # On a machine others share, the wall ratio of (d) says how much of two cores
    # the run got; CPU time says what the work itself cost.
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
