"""Building the corpus cache: streamed, batched, resumable, on one or many processes.

:mod:`~factcheck.indexbuild.builder` reads documents lazily, skips those already
cached, hands the rest to an analyser in batches and commits each batch of
results in one transaction. The analysers (:mod:`~factcheck.indexbuild.local`,
:mod:`~factcheck.indexbuild.pool`, :mod:`~factcheck.indexbuild.cluster`) differ only in
where a batch is analysed: in this process, in a pool of worker processes on
this machine, or on the workers of a Dask cluster. Each worker loads the
pipeline once (:mod:`~factcheck.indexbuild.worker`) and sends back the encoded
analyses, which the builder stores as they are.
"""
