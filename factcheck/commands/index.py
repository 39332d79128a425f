"""``factcheck index``: analyse the corpus into the cache, streamed and resumable.

In this process by default, in ``--workers N`` processes, or on a Dask
cluster (``--scheduler ADDRESS``, ``--cluster local:N``). Documents are read
and analysed in batches of ``--batch-size``, each batch committed as it is
done: memory stays bounded whatever the archive's size, and a run that was
stopped resumes where it stopped. The fact base is not built: the summary is
what the build did, with its speed and peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
from collections.abc import Iterator
from typing import Any

from factcheck.errors import ExitCode, FactcheckError
from factcheck.indexbuild.batches import Analyser
from factcheck.indexbuild.builder import DEFAULT_BATCH_SIZE, BuildSummary
from factcheck.output.safe import escape_controls


def add_index_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    index = commands.add_parser(
        "index",
        parents=[common],
        help="build or refresh the corpus cache (streamed, resumable, parallel)",
        description=(
            "Analyse every corpus document the cache lacks, in committed batches: a run that"
            " is stopped resumes where it stopped. The corpus is --corpus (a folder, a glob or"
            " a file; repeatable) or the configured one."
        ),
    )
    index.add_argument(
        "--workers", type=_positive, default=1, metavar="N",
        help="analyse in N processes on this machine (default 1)",
    )  # fmt: skip
    index.add_argument(
        "--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE, metavar="N",
        help=f"documents analysed and committed together (default {DEFAULT_BATCH_SIZE})",
    )  # fmt: skip
    where = index.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="analyse on a Dask cluster (tcp://host:8786; the 'cluster' extra)",
    )  # fmt: skip
    where.add_argument(
        "--cluster", metavar="local:N", help="analyse on a local Dask cluster of N processes"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def run_index(args: argparse.Namespace, engine: Any) -> int:
    """Build the index with ``engine`` (a :class:`~factcheck.engine.Engine`)."""
    if args.workers > 1 and (args.scheduler or args.cluster):
        raise FactcheckError("index: --workers is for this machine; a cluster has its own")
    with _analyser(args, engine) as analyser:
        summary: BuildSummary = engine.index_corpus(analyser, batch_size=args.batch_size)
    print(summary_line(summary, worker_processes=args.workers > 1))
    if engine.uses_index:
        # The fact index is brought in line now, from the analyses just cached, so
        # that the first check after indexing reads only its own documents.
        _, synced = engine.sync_index(list_corpus=True)
        print(fact_index_line(synced, summary))
    if summary.unreadable:
        files = "file" if len(summary.unreadable) == 1 else "files"
        print(f"{len(summary.unreadable)} corpus {files} skipped:")
        for error in summary.unreadable:
            print(escape_controls(f"  skipped {error}"))
    return ExitCode.OK


def summary_line(summary: BuildSummary, *, worker_processes: bool = False) -> str:
    own, workers = peak_memory_mib()
    memory = f"peak memory {own:,.0f} MiB"
    if worker_processes:
        memory += f" (largest worker process {workers:,.0f} MiB)"
    return (
        f"{summary.documents} documents ({summary.analysed} analysed,"
        f" {summary.cached} from the cache); {summary.words:,} words analysed in"
        f" {summary.seconds:.1f} s ({summary.words_per_second:,.0f} words/s); {memory}"
    )


def fact_index_line(synced: Any, built: BuildSummary | None = None) -> str:
    """What the fact index took in: the documents the build indexed as it analysed
    them (``built``), and the sync after it (a :class:`~factcheck.index.SyncResult`)."""
    added = synced.added + (built.index_added if built is not None else 0)
    changed = synced.changed + (built.index_changed if built is not None else 0)
    return (
        f"fact index: {len(synced.indexed)} documents ({added} added,"
        f" {changed} changed, {synced.removed} removed)"
    )


def peak_memory_mib() -> tuple[float, float]:
    """The largest resident size of this process, and of the worker processes it
    waited for (those of ``--workers``; a Dask cluster's are not its children)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is in KiB on Linux (bytes on macOS, where this reads high).
    return own / 1024, workers / 1024


@contextlib.contextmanager
def _analyser(args: argparse.Namespace, engine: Any) -> Iterator[Analyser | None]:
    if args.scheduler is None and args.cluster is None:
        if args.workers == 1:
            yield None  # the engine's own, in this process
            return
        from factcheck.indexbuild.pool import PoolAnalyser
        from factcheck.indexbuild.worker import PipelineSpec

        yield PoolAnalyser(PipelineSpec.of(engine.pipeline, engine.vocabulary), args.workers)
        return
    from factcheck.indexbuild.cluster import DaskAnalyser, connect
    from factcheck.indexbuild.worker import PipelineSpec

    client, cluster = connect(args.scheduler, args.cluster)
    try:
        yield DaskAnalyser(client, PipelineSpec.of(engine.pipeline, engine.vocabulary))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
