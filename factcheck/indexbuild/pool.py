"""The analyser of ``--workers N``: a pool of processes on this machine.

Why a process pool, and not ``nlp.pipe(n_process=N)``: spaCy's
multiprocessing runs the pipeline's components in the workers but sends every
``Doc`` back to the parent, where our extraction (names, roles, dates,
counts, quotations: as long as the parse itself) would still run in one
process, and the ``Doc`` serialisation costs more than the encoded analysis.
Here each worker loads the pipeline once, runs the parse *and* the extraction,
and sends back only the compact encoded analyses; the parent just reads files
and writes the cache. It is also exactly what a Dask worker does
(:mod:`factcheck.indexbuild.cluster`), so both parallel paths share one worker.
"""

from __future__ import annotations

import concurrent.futures as futures
import multiprocessing
from collections.abc import Iterator, Sequence
from functools import partial

from factcheck.indexbuild.batches import Encoded
from factcheck.indexbuild.worker import PipelineSpec, analyse_batch
from factcheck.model import Document


class PoolAnalyser:
    def __init__(self, spec: PipelineSpec, workers: int, *, in_flight: int | None = None) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._spec = spec
        self.workers = workers
        # Two batches a worker: one being analysed, one waiting, so that no
        # worker idles while the parent stores a result.
        self.in_flight = in_flight if in_flight is not None else 2 * workers

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]:
        # Spawned, not forked: a fork copies the parent's threads' locks, and
        # is not available everywhere; each worker imports and loads afresh.
        context = multiprocessing.get_context("spawn")
        analyse = partial(analyse_batch, self._spec)
        with futures.ProcessPoolExecutor(self.workers, mp_context=context) as executor:
            running: set[futures.Future[list[Encoded]]] = set()
            pending = iter(batches)
            exhausted = False
            while running or not exhausted:
                while not exhausted and len(running) < self.in_flight:
                    batch = next(pending, None)
                    if batch is None:
                        exhausted = True
                    else:
                        running.add(executor.submit(analyse, batch))
                if not running:
                    break
                done, running = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                try:
                    for future in done:
                        yield future.result()
                except BaseException:
                    # A failed batch or a stopped build: what has not started never will.
                    for future in running:
                        future.cancel()
                    raise
