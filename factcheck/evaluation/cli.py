"""``factcheck eval``: run the evaluation suites, print the tables, write JSON.

``register`` adds the subcommand to the main parser; ``run`` carries it out.
``main`` serves ``python -m factcheck.evaluation``.

Only the arguments are defined at import: ``factcheck --help`` imports this
module, and the harness (and with it spaCy) is imported by ``run``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from factcheck.config import load_config
from factcheck.errors import ExitCode, FactcheckError

if TYPE_CHECKING:
    from factcheck.evaluation.beats import Beat
    from factcheck.evaluation.summedits import SummEditsItem

SUITES = ("injection", "loo", "frank", "beats", "summedits", "all")
# Relative to the repository (the folder of the configuration file). The
# external data is third-party text: it stays beside the clone, never in it.
DEFAULT_EXPECTED = Path("benchmarks/expected_disagreements.json")
DEFAULT_EXTERNAL = Path("../shared/external")
FRANK_FILE = "frank-cnndm-valid.jsonl"
BEATS_FOLDER = "beats"
SUMMEDITS_FILE = "summedits-news-evaluation.jsonl"
DEFAULT_FRANK = DEFAULT_EXTERNAL / FRANK_FILE


def register(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser("eval", help="measure recall and precision of the checkers")
    add_arguments(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="a factcheck.toml or pyproject.toml")
    parser.add_argument(
        "--corpus", metavar="PATH", help="corpus folder, file or glob (default: seeds)"
    )
    parser.add_argument("--suite", choices=SUITES, default="all")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write the figures as JSON")
    parser.add_argument(
        "--expected", type=Path, metavar="FILE",
        help=f"expected disagreements for leave-one-out (default: {DEFAULT_EXPECTED})",
    )  # fmt: skip
    parser.add_argument(
        "--external", type=Path, metavar="DIR",
        help=f"the external evaluation data (default: {DEFAULT_EXTERNAL})",
    )  # fmt: skip
    parser.add_argument(
        "--frank", type=Path, metavar="FILE", help=f"FRANK data (default: DIR/{FRANK_FILE})"
    )
    parser.add_argument(
        "--update-ratchet", action="store_true",
        help="write the beats and SummEdits figures of this run to benchmarks/quality.json",
    )  # fmt: skip
    parser.add_argument(
        "--limit", type=int, metavar="N", help="score only the first N FRANK summaries"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the error injection")
    parser.add_argument("--model", help="the spaCy model to try first")


def run(args: argparse.Namespace) -> int:
    from factcheck.evaluation.beats import run_beats
    from factcheck.evaluation.checking import Checker, read_corpus
    from factcheck.evaluation.expected import load_expected
    from factcheck.evaluation.frank import read_frank, run_frank
    from factcheck.evaluation.injection import run_injection
    from factcheck.evaluation.leave_one_out import run_leave_one_out
    from factcheck.evaluation.ratchet import RATCHET_FILE, figures, write_ratchet
    from factcheck.evaluation.summedits import run_summedits

    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    if args.model:
        config = config.replace(model=args.model)
    root = config.root
    suites = set(SUITES) - {"all"} if args.suite == "all" else {args.suite}
    if args.update_ratchet and not suites & {"beats", "summedits"}:
        raise FactcheckError("--update-ratchet needs --suite beats, summedits or all")
    # Before the pipeline loads and the first suite runs: a missing file must
    # not cost the minute that the suites before it take.
    inputs = _inputs(args, root, suites)
    corpus_path = Path(args.corpus) if args.corpus else root / (config.corpus or ("seeds",))[0]
    corpus = read_corpus(corpus_path) if suites & {"injection", "loo"} else []
    expected = load_expected(inputs.expected) if inputs.expected is not None else []
    checker = Checker(config)
    print(checker.pipeline.description, file=sys.stderr)
    results: dict[str, object] = {
        "date": dt.date.today().isoformat(),
        "commit": _commit(root),
        "pipeline": checker.pipeline.key,
        "seed": args.seed,
    }
    if suites & {"injection", "loo"}:
        results["corpus"] = str(corpus_path)
    runs: dict[str, Callable[[], _Suite]] = {
        "injection": lambda: run_injection(checker, corpus, expected, seed=args.seed),
        "loo": lambda: run_leave_one_out(checker, corpus, expected),
        "frank": lambda: run_frank(checker, read_frank(inputs.frank, args.limit)),
        "beats": lambda: run_beats(checker, inputs.beats),
        "summedits": lambda: run_summedits(checker, inputs.summedits),
    }
    for suite, run_suite in runs.items():
        if suite not in suites:
            continue
        started = time.perf_counter()
        outcome = run_suite()
        seconds = time.perf_counter() - started
        sys.stdout.write(outcome.report() + f"  ({suite}: {seconds:.1f} s)\n\n")
        figures_of_suite = outcome.as_json()
        figures_of_suite["seconds"] = round(seconds, 1)
        results[_RESULT_KEYS.get(suite, suite)] = figures_of_suite
    if args.update_ratchet:
        write_ratchet(root / RATCHET_FILE, figures(results))
        print(f"factcheck: quality ratchet written to {root / RATCHET_FILE}", file=sys.stderr)
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"factcheck: figures written to {args.output}", file=sys.stderr)
    return ExitCode.OK


_RESULT_KEYS = {"loo": "leave_one_out"}


class _Suite(Protocol):
    def report(self) -> str: ...

    def as_json(self) -> dict[str, object]: ...


@dataclass(frozen=True)
class _Inputs:
    """The data files the chosen suites read (read up front where that is cheap)."""

    expected: Path | None  # None: no list, so injection excuses no corpus disagreement
    frank: Path
    beats: list[Beat]
    summedits: list[SummEditsItem]


def _inputs(args: argparse.Namespace, root: Path, suites: set[str]) -> _Inputs:
    """The suites' files, or one error naming every one that is missing.

    Leave-one-out is scored against the expected disagreements: without them
    every finding is a false positive, so a missing list is an error, as is a
    list named on the command line. Injection only uses the list to excuse
    listed disagreements and runs without one on a corpus that has none.
    """
    missing: list[str] = []
    expected: Path = args.expected or root / DEFAULT_EXPECTED
    needs_expected = "loo" in suites or (args.expected is not None and "injection" in suites)
    if needs_expected and not expected.exists():
        missing.append(f"expected disagreements {expected} (give --expected FILE)")
    external: Path = args.external or root / DEFAULT_EXTERNAL
    frank: Path = args.frank or external / FRANK_FILE
    if "frank" in suites and not frank.exists():
        missing.append(f"FRANK data {frank} (give --frank FILE, or another --suite)")
    beats_folder = external / BEATS_FOLDER
    if "beats" in suites and not beats_folder.is_dir():
        missing.append(f"beats data {beats_folder} (give --external DIR, or another --suite)")
    summedits = external / SUMMEDITS_FILE
    if "summedits" in suites and not summedits.exists():
        missing.append(f"SummEdits data {summedits} (give --external DIR, or another --suite)")
    if missing:
        raise FactcheckError(f"missing input for eval: {'; '.join(missing)}")
    from factcheck.evaluation.beats import find_beats
    from factcheck.evaluation.summedits import read_summedits

    return _Inputs(
        expected=expected if expected.exists() else None,
        frank=frank,
        beats=find_beats(beats_folder) if "beats" in suites else [],
        summedits=read_summedits(summedits) if "summedits" in suites else [],
    )


def _commit(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck eval", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except FactcheckError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return int(error.exit_code)
