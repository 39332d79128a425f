"""Name book speed and memory: the indexed book against the all-pairs reference.

    python benchmarks/namebook_speed.py [--sizes 1000 10000 100000] [--old-cap 10000]
        [--lookups 2000]

Names are synthetic (tests/synthetic_names.py): random syllable names, people and
organisations drawn from word pools that names share, with planted variants (a
letter replaced, two swapped, one dropped or added, another romanisation,
initials, a surname alone). For each size (number of mentions) it prints the
build time, the time per look-up (entity, is_known, correct, initials_contradict
on names a draft may write) and the peak resident memory of a process that
builds and queries one book (each runs in its own forked process, so peaks do
not mix), for the indexed book and, up to --old-cap mentions, the all-pairs
one. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.facts.names.namebook import NameBook
from factcheck.model import Mention
from tests import synthetic_names
from tests.namebook_reference import AllPairsNameBook


def _measure(
    kind: type[NameBook],
    mentions: list[tuple[str, Mention]],
    names: list[str],
    results: multiprocessing.Queue[tuple[float, float, float]],
) -> None:
    """Build seconds, look-up microseconds (mean), peak resident MiB of this process."""
    started = time.perf_counter()
    book = kind.build(mentions)
    build = time.perf_counter() - started
    started = time.perf_counter()
    for name in names:
        book.entity(name)
        book.is_known(name)
        book.correct(name)
        book.initials_contradict(name)
    lookup = (time.perf_counter() - started) / len(names) * 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put((build, lookup, peak))


def _in_own_process(
    kind: type[NameBook], mentions: list[tuple[str, Mention]], names: list[str]
) -> tuple[float, float, float]:
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[tuple[float, float, float]] = context.Queue()
    process = context.Process(target=_measure, args=(kind, mentions, names, results))
    process.start()
    figures = results.get()
    process.join()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--old-cap", type=int, default=10000, help="largest size for all-pairs")
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"{'mentions':>9} {'spellings':>9} {'book':<10} {'build s':>9} "
        f"{'lookup us':>10} {'peak RSS MiB':>12}"
    )
    for size in args.sizes:
        rng = random.Random(size)
        mentions = synthetic_names.corpus_mentions(rng, size)
        names = synthetic_names.queries(rng, mentions, args.lookups)
        spellings = len({m.text for _, m in mentions})
        kinds: list[type[NameBook]] = [NameBook]
        if size <= args.old_cap:
            kinds.append(AllPairsNameBook)
        for kind in kinds:
            label = "indexed" if kind is NameBook else "all-pairs"
            build, lookup, peak = _in_own_process(kind, mentions, names)
            print(
                f"{size:>9} {spellings:>9} {label:<10} {build:>9.2f} {lookup:>10.1f} {peak:>12.1f}",
                flush=True,
            )
        if size > args.old_cap:
            print(f"{size:>9} {spellings:>9} {'all-pairs':<10} {'(skipped: over --old-cap)':>30}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
