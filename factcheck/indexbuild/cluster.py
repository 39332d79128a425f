"""The analyser of ``--scheduler ADDRESS`` and ``--cluster local:N``: Dask distributed.

Why Dask rather than Ray: it is pure Python and a light install (``pip
install distributed``, no runtime of its own to build or ship), it gives a
``LocalCluster`` of real processes for tests and one-machine runs, and it runs
on the deployments a newsroom already has (SSH, Kubernetes, HPC job queues,
through dask-ssh, dask-kubernetes and dask-jobqueue) with nothing of ours to
install but this package and the model.

The client (this process) expands the paths and reads the documents, and
keeps at most ``in_flight`` batches on the cluster; each worker loads the
pipeline once (:mod:`factcheck.indexbuild.worker`) and returns encoded analyses,
which the builder writes into the local cache as they complete. The cache
never leaves this machine, so SQLite's single writer holds.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from typing import Any

from factcheck import DISTRIBUTION
from factcheck.errors import FactcheckError
from factcheck.indexbuild.batches import Encoded
from factcheck.indexbuild.worker import PipelineSpec, WorkerSetupError, analyse_batch
from factcheck.model import Document

LOCAL_PREFIX = "local:"
# A local cluster listens on loopback only, its dashboard on a free port (a
# fixed one would clash with another local cluster).
LOCAL_ONLY = {"host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}


class ClusterError(FactcheckError):
    """The cluster cannot be reached, or a worker cannot do the work."""


def require_distributed() -> None:
    """A one-line error, not a traceback, when the ``cluster`` extra is missing."""
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(
            f"a cluster build needs Dask distributed: pip install '{DISTRIBUTION}[cluster]'"
        )


def local_workers(spec: str) -> int:
    """N of ``local:N``; a usage error for anything else."""
    count = spec[len(LOCAL_PREFIX) :] if spec.startswith(LOCAL_PREFIX) else ""
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"--cluster {spec!r}: expected local:N, N workers (1 or more)")
    return int(count)


class DaskAnalyser:
    """Batches analysed on the workers of a Dask client."""

    def __init__(self, client: Any, spec: PipelineSpec, *, in_flight: int | None = None) -> None:
        self._client = client
        self._spec = spec
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.in_flight = in_flight if in_flight is not None else 2 * workers

    def run(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Encoded]]:
        pending = iter(batches)
        completed = _distributed().as_completed(with_results=False)
        # pure=False: a batch resubmitted after a failure is analysed again,
        # never answered from a result the scheduler remembers.
        for batch in _take(pending, self.in_flight):
            completed.add(self._submit(batch))
        try:
            for future in completed:
                yield self._result(future)
                following = next(pending, None)
                if following is not None:
                    completed.add(self._submit(following))
        except BaseException:
            self._client.cancel(list(completed.futures))
            raise

    def _submit(self, batch: Sequence[Document]) -> Any:
        return self._client.submit(analyse_batch, self._spec, list(batch), pure=False)

    def _result(self, future: Any) -> list[Encoded]:
        try:
            result: list[Encoded] = future.result()
        except WorkerSetupError as error:
            raise ClusterError(str(error)) from None
        return result


def _distributed() -> Any:
    # Imported by name, typed as Any: only the cluster build needs it, and its
    # annotations are partial (mypy --strict would reject every call).
    return importlib.import_module("distributed")


def _take(items: Iterator[Sequence[Document]], count: int) -> Iterator[Sequence[Document]]:
    for _ in range(count):
        item = next(items, None)
        if item is None:
            return
        yield item


def connect(scheduler: str | None, cluster: str | None) -> tuple[Any, Any]:
    """A Dask client on ``scheduler``'s address or a new local cluster, and that cluster."""
    require_distributed()
    distributed = _distributed()
    if cluster is not None:
        workers = local_workers(cluster)
        # Processes, one thread each: spaCy holds the GIL through most of a parse.
        local = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, **LOCAL_ONLY
        )
        return distributed.Client(local), local
    try:
        return distributed.Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
