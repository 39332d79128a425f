"""A check against a growing archive: prints figures, asserts nothing.

    python benchmarks/archive_scale.py [--sizes 100 1000 10000] [--huge]
        [--external ../shared/external] [--workdir DIR] [--words 150]

The archive is generated at run time in a temporary folder (``--workdir`` to
keep it): the five seed articles (the draft's story) and variants of base
texts (the seeds, and the beats corpora under ``--external`` when present,
read at run time and never copied into the repository) with every capitalised
word that is not a common word replaced by an invented name, and numbers,
weekdays and months drawn again, per variant, from word pools; each variant is
cut to about ``--words`` words. ``--huge`` adds 100,000 documents.

For each size: the index build (the first check: it reads, hashes and
analyses every new document, through the analysis cache, and indexes it, 64
documents a transaction; with ``--factcheck-index``, ``factcheck index`` is
run and timed first: it analyses into the cache and syncs the fact index),
the warm ``factcheck check`` of a ~300-word draft (wall time and the peak
resident size the process reports of itself at exit, Linux's VmHWM: a child's
``ru_maxrss`` would count this process's memory at the fork), and the warm API
(``factcheck.api.Checker`` built once, in a process of its own)
next to spaCy's parse of the same draft, three ways: "unseen", with everything
the engine keeps in memory between checks forgotten (a draft on a story the
process has not checked before: its documents are decoded from the cache and
their facts built); "seen", with only the fact bases forgotten (the decoded
documents kept, as for another draft on a recent story); and "same", the same
selection again. Then the ratios issue 9 judges (the API target on "unseen"),
the warm check's peak memory above a process that only loads the pipeline,
and, over fifty more new-story checks (as many as factcheck.frozen_heap
freezes the heap between two thaws, so that one thaw and its full collection
are in them), their mean time and how much the API process grows (a
long-lived server's memory must stay flat: what a check drops is freed).
Last, other new stories: each of the beats' 40 drafts (read from
``--external``) checked with nothing kept from the one before, less its own
parse, best of two checks and three parses: their mean and the worst, so that
the one draft's figure can be judged against stories of other beats and
lengths whose selections differ.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"\b\d{1,4}\b")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
SYLLABLES = (
    "ka", "ro", "vin", "sel", "ma", "tor", "li", "den", "sha", "gor", "pe", "nik",
    "ul", "bra", "zan", "te", "mo", "rek", "sa", "fi", "dov", "an", "lu", "tsk",
)  # fmt: skip


def base_texts(external: Path) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    beats = external / "beats"
    if beats.is_dir():
        texts += [
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(beats.glob("*/corpus/*"))
            if path.is_file()
        ]
    return texts


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def variant(base: str, number: int, words: int) -> str:
    """``base`` with its names, numbers, weekdays and months drawn again, cut short."""
    rng = random.Random(number)
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in WEEKDAYS:
            return rng.choice(WEEKDAYS)
        if word in MONTHS:
            return rng.choice(MONTHS)
        if word.lower() in STOP_WORDS:
            return word
        return names.setdefault(word, invented_name(rng))

    text = CAPITALISED.sub(rename, base)
    text = NUMBER.sub(lambda _: str(rng.randint(2, 2030)), text)
    kept: list[str] = []
    count = 0
    for paragraph in text.split("\n"):
        if count >= words:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(kept) + "\n"


def draft_text() -> str:
    """About 300 words of the seeds' story, with a misspelt name."""
    words = SEEDS[1].read_text(encoding="utf-8").replace("Volodin", "Volodim").split(" ")
    return " ".join(words[:300]) + "\n"


def write_archive(folder: Path, pool: Path, size: int, texts: list[str], words: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pool.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS:
        if not (folder / seed.name).exists():
            os.link(seed, folder / seed.name)
    for number in range(size - len(SEEDS)):
        source = pool / f"v{number:06d}.txt"
        if not source.exists():
            source.write_text(variant(texts[number % len(texts)], number, words), "utf-8")
        target = folder / source.name
        if not target.exists():
            os.link(source, target)


# Runs a Python command (``-m module ...`` or ``-c code ...``) and, at exit, writes
# the process's own peak resident size to standard error. Not ``ru_maxrss``: a
# child's counts the memory of the process it was forked from (this one, which
# grows as the benchmark runs), so every later figure read too high.
_PEAK_MARK = "archive-scale-peak-kib "
_PEAK_WRAPPER = f"""
import atexit, runpy, sys

def _peak():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("{_PEAK_MARK}" + str(kib) + "\\n")

atexit.register(_peak)
kind, target, *rest = sys.argv[1:]
sys.argv = [target, *rest]
if kind == "-m":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    exec(compile(target, "<benchmark>", "exec"), {{"__name__": "__main__"}})
"""


def run(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak resident MiB and standard output of one Python subprocess;
    ``command`` is what follows ``python`` (``-m factcheck check ...``, ``-c ...``)."""
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, *command], cwd=cwd, capture_output=True, check=False
    )
    # 0 or 1 (findings) is a run that did its job; anything else is no figure.
    if child.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed with exit status {child.returncode}:"
            f" {child.stderr.decode('utf-8', 'replace')[-2000:]}"
        )
    errors = child.stderr.decode("utf-8", "replace")
    peaks = [int(line.split()[-1]) for line in errors.splitlines() if line.startswith(_PEAK_MARK)]
    return time.perf_counter() - started, peaks[-1] // 1024, child.stdout.decode("utf-8", "replace")


class ApiFigures(NamedTuple):
    """Milliseconds, best of three each, and the codes the check found."""

    parse: float  # spaCy's parse of the draft alone
    unseen: float  # a check with nothing kept in memory from earlier checks
    seen: float  # a check whose documents were decoded for an earlier one
    same: float  # the same selection again
    unseen_mean: float  # the mean of THAW_EVERY more "unseen" checks, one thaw among them
    growth: float  # MiB resident the process grew over those checks
    codes: str
    # Other new stories: each of the beats' drafts checked with nothing kept, less
    # its own parse (best of two and of three): their mean and the worst of them.
    stories: int = 0
    stories_mean: float = float("nan")
    stories_worst: float = float("nan")


def api_figures(workdir: Path, corpus: str, external: Path) -> ApiFigures:
    """The API's figures, measured in a process of their own, as a server's are."""
    _, _, output = run(["-c", _API_CHILD, str(workdir), corpus, str(external)], workdir)
    return ApiFigures(**json.loads(output.strip().splitlines()[-1]))


# What the child of :func:`api_figures` runs: the Checker built once, then timed.
_API_CHILD = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from archive_scale import measure_api
print(json.dumps(measure_api(sys.argv[1], sys.argv[2], sys.argv[3])._asdict()))
"""


def story_drafts(external: Path) -> list[str]:
    """The beats' drafts (read where they are, never copied): stories other than the
    benchmark's draft, of other lengths, whose selections differ."""
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((external / "beats").glob("*/*.md"))
    ]


def measure_api(workdir: str, corpus: str, external: str) -> ApiFigures:
    from factcheck.api import Checker  # here: the benchmark's own process stays small
    from factcheck.frozen_heap import THAW_EVERY

    os.chdir(workdir)
    draft = (Path(workdir) / "draft.md").read_text(encoding="utf-8")
    checker = Checker([corpus])
    report = checker.check_text(draft)  # the sync and the first fact base
    engine = checker.engine
    nlp = engine.pipeline.nlp
    parse = min(_timed(lambda: nlp(draft)) for _ in range(3))

    def after(forget: object) -> float:
        forget()  # type: ignore[operator]
        return _timed(lambda: checker.check_text(draft))

    unseen = min(after(engine.forget_selections) for _ in range(3))
    seen = min(after(engine._selected_facts.clear) for _ in range(3))
    same = min(_timed(lambda: checker.check_text(draft)) for _ in range(3))
    before = _resident_mib()
    times = [after(engine.forget_selections) for _ in range(THAW_EVERY)]
    growth = _resident_mib() - before
    codes = ",".join(sorted({f.code for f in report.findings}))
    mean = sum(times) / len(times)
    # Above its own parse, each story checked as a new one: nothing kept between them.
    above = []
    for story in story_drafts(Path(external)):
        story_parse = min(_timed(lambda story=story: nlp(story)) for _ in range(3))
        checks = []
        for _ in range(2):
            engine.forget_selections()
            checks.append(_timed(lambda story=story: checker.check_text(story)))
        above.append((min(checks) - story_parse) * 1000)
    return ApiFigures(
        parse * 1000,
        unseen * 1000,
        seen * 1000,
        same * 1000,
        mean * 1000,
        growth,
        codes,
        len(above),
        sum(above) / len(above) if above else float("nan"),
        max(above, default=float("nan")),
    )


def _resident_mib() -> float:
    """This process's resident size now (Linux), or its peak where /proc is missing."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--huge", action="store_true", help="add 100,000 documents")
    # As `factcheck eval`: beside the clone, relative to the working folder.
    parser.add_argument("--external", type=Path, default=Path("../shared/external"))
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--words", type=int, default=150, help="words per variant")
    parser.add_argument(
        "--factcheck-index", action="store_true", help="time `factcheck index` first"
    )
    parser.add_argument(
        "--index-workers", type=int, default=1, help="`factcheck index --workers N`"
    )
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([100_000] if args.huge else [])))
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-archive-"))).absolute()
    external = args.external.absolute()
    workdir.mkdir(parents=True, exist_ok=True)
    texts = base_texts(external)
    draft = draft_text()
    (workdir / "draft.md").write_text(draft, encoding="utf-8")
    factcheck = ["-m", "factcheck"]
    print(f"archive in {workdir}: {len(texts)} base texts, ~{args.words} words a variant")
    print(f"draft: {len(draft.split())} words")
    load = "from factcheck.nlp.pipeline import load_pipeline; load_pipeline()"
    _, pipeline_mib, _ = run(["-c", load], workdir)
    print(f"a process that only loads the pipeline: peak {pipeline_mib} MiB")
    header = (
        f"{'documents':>10} {'fc index s':>10} {'build s':>8} {'check s':>8} {'check MiB':>9}"
        f" {'parse ms':>8} {'API unseen':>10} {'mean':>6} {'API seen':>8} {'API same':>8}"
        f" {'build MiB':>9} {'API +MiB':>8}  codes"
    )
    rows: dict[int, tuple[float, ApiFigures]] = {}
    memory: dict[int, int] = {}
    print(header)
    for size in sizes:
        corpus = f"archive-{size}"
        write_archive(workdir / corpus, workdir / "pool", size, texts, args.words)
        index_s, index_mib = float("nan"), 0
        if args.factcheck_index:
            build = [*factcheck, "index", "--corpus", corpus, "--workers", str(args.index_workers)]
            index_s, index_mib, _ = run(build, workdir)
        check = [*factcheck, "check", "--corpus", corpus, "draft.md"]
        first_s, first_mib, _ = run(check, workdir)
        warm = [run(check, workdir) for _ in range(2)]
        check_s = min(seconds for seconds, _, _ in warm)
        check_mib = max(mib for _, mib, _ in warm)
        api = api_figures(workdir, corpus, external)
        rows[size] = (check_s, api)
        memory[size] = check_mib
        print(
            f"{size:>10} {index_s:>10.1f} {first_s:>8.1f} {check_s:>8.2f} {check_mib:>9}"
            f" {api.parse:>8.1f} {api.unseen:>10.1f} {api.unseen_mean:>6.0f} {api.seen:>8.1f}"
            f" {api.same:>8.1f} {max(index_mib, first_mib):>9} {api.growth:>8.0f}  {api.codes}",
            flush=True,
        )
    smallest = min(rows)
    print(f"\nwarm CLI check at n / at {smallest} documents (target <= 1.3 at 10,000):")
    for size, (check_s, api) in rows.items():
        print(
            f"  {size:>7}: {check_s / rows[smallest][0]:.2f}x;"
            f" API minus parse (target <= 50 ms, judged unseen): {api.unseen - api.parse:.0f} ms"
            f" unseen (best of 3), {api.unseen_mean - api.parse:.0f} ms unseen (mean of 50),"
            f" {api.seen - api.parse:.0f} ms seen, {api.same - api.parse:.0f} ms same;"
            f" check memory above the pipeline: {memory[size] - pipeline_mib} MiB"
            " (target <= 300 MiB at 100,000);"
            f" API growth over fifty new-story checks: {api.growth:.0f} MiB;"
            f" {api.stories} other new stories (the beats' drafts) above their parse:"
            f" mean {api.stories_mean:.0f} ms, worst {api.stories_worst:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
