"""Speed and memory of the main job: prints figures, asserts nothing.

    python benchmarks/speed.py [--corpus seeds] [--draft docs/examples/draft.md] [--repeat 20]

Measures the pipeline load, the corpus analysis with a cold and a warm cache,
one draft check (median of --repeat runs), and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from factcheck.config import config_from_mapping
from factcheck.documents import load_document
from factcheck.engine import Engine
from factcheck.nlp.pipeline import load_pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="seeds")
    parser.add_argument("--draft", default="docs/examples/draft.md")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = load_pipeline()
    load_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as cache:
        config = config_from_mapping(
            {"corpus": [args.corpus], "cache-dir": cache}, source=None, root=Path.cwd()
        )
        timings = {}
        for run in ("cold cache", "warm cache"):
            engine = Engine(config, pipeline=pipeline)
            started = time.perf_counter()
            engine.facts  # noqa: B018 - building the facts is what is timed
            timings[run] = time.perf_counter() - started
        load = engine.corpus_load
        assert load is not None
        draft = load_document(args.draft)
        checks = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            engine.check_document(draft)
            checks.append(time.perf_counter() - started)

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pipeline            {pipeline.name} {pipeline.version}: loaded in {load_seconds:.2f} s")
    characters = sum(len(d.text) for d in engine.facts.documents.values())
    print(f"corpus              {load.documents} documents, {characters:,} characters")
    for run, seconds in timings.items():
        print(f"facts, {run:<12} {seconds * 1000:8.1f} ms")
    median_ms = statistics.median(checks) * 1000
    size = f"{len(draft.text):,} chars"
    print(f"check one draft     {median_ms:8.1f} ms, median of {args.repeat}, {size}")
    print(f"peak memory         {peak_mib:8.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
