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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.config import load_config
from factcheck.errors import ExitCode, FactcheckError

SUITES = ("injection", "loo", "frank", "all")
# Relative to the repository (the folder of the configuration file).
DEFAULT_EXPECTED = Path("benchmarks/expected_disagreements.json")
DEFAULT_FRANK = Path("../shared/external/frank-cnndm-valid.jsonl")


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
        "--frank", type=Path, metavar="FILE", help=f"FRANK data (default: {DEFAULT_FRANK})"
    )
    parser.add_argument(
        "--limit", type=int, metavar="N", help="score only the first N FRANK summaries"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the error injection")
    parser.add_argument("--model", help="the spaCy model to try first")


def run(args: argparse.Namespace) -> int:
    from factcheck.evaluation.checking import Checker, read_corpus
    from factcheck.evaluation.expected import load_expected
    from factcheck.evaluation.frank import read_frank, run_frank
    from factcheck.evaluation.injection import run_injection
    from factcheck.evaluation.leave_one_out import run_leave_one_out

    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    if args.model:
        config = config.replace(model=args.model)
    root = config.root
    suites = {"injection", "loo", "frank"} if args.suite == "all" else {args.suite}
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
        if "injection" in suites:
            injection = run_injection(checker, corpus, expected, seed=args.seed)
            sys.stdout.write(injection.report())
            results["injection"] = injection.as_json()
        if "loo" in suites:
            loo = run_leave_one_out(checker, corpus, expected)
            sys.stdout.write(loo.report())
            results["leave_one_out"] = loo.as_json()
    if "frank" in suites:
        frank = run_frank(checker, read_frank(inputs.frank, args.limit))
        sys.stdout.write(frank.report())
        results["frank"] = frank.as_json()
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"factcheck: figures written to {args.output}", file=sys.stderr)
    return ExitCode.OK


@dataclass(frozen=True)
class _Inputs:
    """The data files the chosen suites read."""

    expected: Path | None  # None: no list, so injection excuses no corpus disagreement
    frank: Path


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
    frank: Path = args.frank or root / DEFAULT_FRANK
    if "frank" in suites and not frank.exists():
        missing.append(f"FRANK data {frank} (give --frank FILE, or another --suite)")
    if missing:
        raise FactcheckError(f"missing input for eval: {'; '.join(missing)}")
    return _Inputs(expected=expected if expected.exists() else None, frank=frank)


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
