"""Child processes for the fact index concurrency and kill tests."""

from __future__ import annotations

import multiprocessing.queues
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.cache import cache_key
from factcheck.documents import load_document
from factcheck.index import SqliteFactStore, index_path, sync_index
from factcheck.model import Analysis, Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import load_pipeline
from factcheck.sources import list_files
from tests.index_corpora import write_distractors
from tests.index_engines import findings, index_engine


def check_repeatedly(
    corpus: str, cache: str, rounds: int, results: multiprocessing.queues.Queue[object]
) -> None:
    """Check the misspelt draft ``rounds`` times, a new engine (and sync) each time."""
    pipeline = load_pipeline(rules_only=True)
    try:
        for _ in range(rounds):
            results.put(findings(index_engine(Path(corpus), Path(cache), pipeline)))
    except BaseException as error:  # reported to the test, not lost in the child
        results.put(f"{type(error).__name__}: {error}")


def update_repeatedly(corpus: str, cache: str, rounds: int) -> None:
    """Add and remove distractors, syncing the index after each change."""
    pipeline = load_pipeline(rules_only=True)
    for round_number in range(rounds):
        (added,) = write_distractors(Path(corpus), 1, first=1000 + round_number)
        index_engine(Path(corpus), Path(cache), pipeline).sync_index()
        if round_number % 2:
            added.unlink()
            index_engine(Path(corpus), Path(cache), pipeline).sync_index()


def sync_until_killed(corpus: str, cache: str, batches_before_hanging: int) -> None:
    """Sync two documents a batch; before analysing batch ``batches_before_hanging + 1``
    say "ready" and wait to be killed."""
    pipeline = load_pipeline(rules_only=True)
    folder = Path(corpus)
    store = SqliteFactStore(index_path(Path(cache), cache_key(pipeline.key), [str(folder)]))
    batches = 0

    def analyse(documents: Sequence[Document]) -> list[Analysis]:
        nonlocal batches
        if batches == batches_before_hanging:
            print("ready", flush=True)
            time.sleep(120)
        batches += 1
        return analyse_many(pipeline.nlp, documents, pipeline.key)

    files = list_files([str(folder)], Path.cwd())
    sync_index(store, files, load=lambda p: load_document(p), analyse=analyse, batch_size=2)


if __name__ == "__main__":
    sync_until_killed(sys.argv[1], sys.argv[2], int(sys.argv[3]))
