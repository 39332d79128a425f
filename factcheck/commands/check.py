"""``factcheck check``: its options, finding the drafts and their configurations, reporting.

Each draft is checked under the configuration nearest to it, as in ruff
(``--config`` names one for all): drafts under the same configuration share
one engine, each engine is built once, and all engines share the pipeline
when they ask for the same model. A walk leaves out what the configuration
excludes, what ``.gitignore`` ignores, and the corpus itself
(:mod:`factcheck.exclusions`); a file named on the command line is checked
anyway, unless ``--force-exclude``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.commands.report_file import write_report
from factcheck.config import Config, NearestConfigs, code_prefixes, load_config
from factcheck.errors import ExitCode, FactcheckError
from factcheck.exclusions import DraftExclusions
from factcheck.fix_run import diff_drafts, fix_drafts
from factcheck.model import CodeInfo, FileReport, Report
from factcheck.output import FORMATS, render, use_color
from factcheck.output.statistics import code_counts, render_statistics
from factcheck.output.text import summary_line
from factcheck.progress import Progress, progress_wanted, terminal_progress
from factcheck.pubdate import parse_date
from factcheck.sources import STDIN_PATH, Skip, expand_paths

if TYPE_CHECKING:  # the engine (and spaCy) is imported when a check runs, not for --help
    from factcheck.engine import Engine

COLOR_CHOICES = ("auto", "always", "never")
# Fewer drafts than this never get a progress line: they are done before it would show.
PROGRESS_MIN_DRAFTS = 2


def _date(text: str) -> dt.date:
    parsed = parse_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed


def add_check_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check", parents=[common], help="check drafts")
    check.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="drafts: files, folders, globs, - (with --stdin-filename alone: standard input)",
    )  # fmt: skip
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--date", type=_date, help="the drafts' date, for 'on Monday' (YYYY-MM-DD)")
    check.add_argument(
        "--select", action="append", metavar="PREFIX",
        help="only these codes (repeatable, or a comma list: FC1,FC4)",
    )  # fmt: skip
    check.add_argument(
        "--ignore", action="append", metavar="PREFIX",
        help="not these codes (repeatable, or a comma list)",
    )  # fmt: skip
    check.add_argument("--no-ignore", action="store_true", help="show suppressed findings too")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    fixing.add_argument("--diff", action="store_true", help="print the safe fixes as a diff")
    manners = check.add_argument_group("output")
    manners.add_argument(
        "-q", "--quiet", action="store_true",
        help="only the findings: no summary line, no notice of the model loaded",
    )  # fmt: skip
    manners.add_argument(
        "--statistics", action="store_true",
        help="how many findings of each code, most frequent first, instead of the findings",
    )  # fmt: skip
    manners.add_argument(
        "--output-file", "-o", type=Path, metavar="FILE",
        help="write the report to FILE (all at once) instead of standard output",
    )  # fmt: skip
    manners.add_argument(
        "--exit-zero", action="store_true",
        help="exit 0 even with findings (usage and internal errors are still 2 and 3)",
    )  # fmt: skip
    manners.add_argument(
        "--color", choices=COLOR_CHOICES, default="auto",
        help="colour the text report: auto (a terminal, NO_COLOR unset), always, never",
    )  # fmt: skip
    drafts = check.add_argument_group("finding drafts")
    drafts.add_argument(
        "--stdin-filename", metavar="NAME",
        help="the name of the draft read from standard input: per-file settings and the "
        "configuration nearest to NAME apply, and the report names it",
    )  # fmt: skip
    drafts.add_argument(
        "--force-exclude", action="store_true",
        help="apply exclude, .gitignore and the corpus exclusion to files named explicitly too",
    )  # fmt: skip


def config_overrides(args: argparse.Namespace) -> Callable[[Config], Config]:
    """The command line's changes, applied to every configuration a run reads."""
    # index, audit and plugins share --config, --corpus, --model and --no-cache only.
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    selected = code_prefixes(select, option="--select") if select else None
    ignored = code_prefixes(ignore, option="--ignore") if ignore else None
    from_command_line: set[tuple[str, str]] = set()
    if selected:
        from_command_line.update(("select", prefix) for prefix in selected)
    if ignored:
        from_command_line.update(("ignore", prefix) for prefix in ignored)

    def apply(config: Config) -> Config:
        changes: dict[str, object] = {}
        if args.corpus:
            changes["corpus"] = tuple(str(Path(p).absolute()) for p in args.corpus)
        if args.model:
            changes["model"] = args.model
        if args.no_cache:
            changes["cache_enabled"] = False
        # Validated as the configuration's lists are; whether each prefix starts a
        # registered code is checked once the plugins are loaded (Engine).
        if selected:
            changes["select"] = selected
        if ignored:
            changes["ignore"] = config.ignore + ignored
        if from_command_line:
            changes["command_line"] = frozenset(from_command_line)
        return config.replace(**changes)

    return apply


@dataclass(frozen=True)
class Draft:
    """One draft to check: a file, or standard input (under a name, or ``-``)."""

    path: Path | None  # None: standard input
    config: Config
    stdin_name: str = STDIN_PATH


class DraftFinder:
    """The drafts named by the arguments, each with the configuration that governs it."""

    def __init__(self, args: argparse.Namespace) -> None:
        adjust = config_overrides(args)
        if args.config:
            fixed = adjust(load_config(args.config))
            self.config_for: Callable[[Path], Config] = lambda _path: fixed
        else:
            nearest = NearestConfigs(adjust(load_config(start=Path.cwd())), adjust)
            self.config_for = nearest.for_path
        self._exclusions = DraftExclusions(self.config_for)
        self._force_exclude = bool(args.force_exclude)
        self._stdin_name: str | None = args.stdin_filename

    def drafts(self, arguments: Sequence[str]) -> list[Draft]:
        found: list[Draft] = []
        for argument in arguments:
            if argument == STDIN_PATH:
                found.extend(self._stdin())
                continue
            # A walk and a glob filter what they find; a path named is filtered
            # only under --force-exclude, a folder as a whole, a file as itself.
            if self._force_exclude and self._excluded_as_named(argument):
                continue
            for path in expand_paths([argument], Path.cwd(), skip=self._skip_for(argument)):
                found.append(Draft(path, self.config_for(path)))
        return found

    def _stdin(self) -> list[Draft]:
        if self._stdin_name is None:
            return [Draft(None, self.config_for(Path.cwd() / STDIN_PATH))]
        named = Path(self._stdin_name)
        if self._force_exclude and self._exclusions.excluded(named):
            return []
        return [Draft(None, self.config_for(named), self._stdin_name)]

    def _skip_for(self, argument: str) -> Skip:
        if any(c in argument for c in "*?["):
            # A glob's matches are files, met without a walk down to them: a file
            # inside an excluded folder is excluded with it.
            return lambda path, is_dir: self._exclusions.excluded(path, is_dir=is_dir)
        return self._exclusions.walk_skip

    def _excluded_as_named(self, argument: str) -> bool:
        named = Path(argument)
        if any(c in argument for c in "*?[") or not named.exists():
            return False  # a glob is filtered match by match; a missing path is an error
        return self._exclusions.excluded(named, is_dir=named.is_dir())


class Engines:
    """One engine per configuration, built on first use; one pipeline per model."""

    def __init__(self, args: argparse.Namespace, stderr: TextIO) -> None:
        self._no_ignore = bool(args.no_ignore)
        self._quiet = bool(args.quiet)
        self._stderr = stderr
        self._progress = terminal_progress(stderr)
        self._engines: dict[Config, Engine] = {}

    def for_config(self, config: Config) -> Engine:
        from factcheck.engine import Engine

        if config not in self._engines:
            shared = next(
                (e.pipeline for c, e in self._engines.items() if c.model == config.model), None
            )
            self._engines[config] = Engine(
                config,
                pipeline=shared,
                no_ignore=self._no_ignore,
                stderr=self._stderr,
                progress=self._progress,
                announce_pipeline=not self._quiet,
            )
        return self._engines[config]

    def report(self, files: Sequence[FileReport]) -> Report:
        """One report: the files in order, each engine's plugin failures once."""
        if not self._engines:
            return Report(files=tuple(files))
        reports = [engine.report(()) for engine in self._engines.values()]
        failures: list[FileReport] = []
        for report in reports:
            failures.extend(f for f in report.files if f not in failures)
        codes: dict[str, CodeInfo] = {}
        for report in reports:
            for info in report.codes:
                codes.setdefault(info.code, info)
        return Report(files=(*failures, *files), codes=tuple(codes.values()))


def run_check(args: argparse.Namespace) -> int:
    paths = list(args.paths)
    if not paths:
        # As ruff: naming standard input's file is enough to mean standard input.
        if args.stdin_filename is None:
            raise FactcheckError("check: give at least one PATH (a file, a folder, a glob, or -)")
        paths = [STDIN_PATH]
    finder = DraftFinder(args)
    drafts = finder.drafts(paths)
    if not drafts:
        print("factcheck: warning: no drafts to check (all were excluded)", file=sys.stderr)
    engines = Engines(args, sys.stderr)
    files = _check_all(drafts, engines, args)
    report = engines.report(files)
    status = _write(report, args)
    if args.exit_zero and status == ExitCode.FINDINGS:
        return ExitCode.OK
    return status


def _check_all(
    drafts: Sequence[Draft], engines: Engines, args: argparse.Namespace
) -> list[FileReport]:
    shown = progress_wanted(sys.stderr) and len(drafts) >= PROGRESS_MIN_DRAFTS
    if shown:
        # The corpus is indexed before the line for the drafts starts, so that
        # the two lines never draw over each other. (Without a line, a run whose
        # drafts are all unreadable never needs the corpus.)
        for draft in drafts:
            engines.for_config(draft.config).prepare()
    progress = Progress("checking drafts", len(drafts), sys.stderr, enabled=shown)
    files: list[FileReport] = []
    for draft in progress.track(drafts):
        engine = engines.for_config(draft.config)
        if draft.path is None:
            files.append(engine.check_stdin(name=draft.stdin_name, date=args.date))
        else:
            files.append(engine.check_file(draft.path, date=args.date))
    return files


def _write(report: Report, args: argparse.Namespace) -> int:
    to_file = args.output_file is not None
    out: TextIO = io.StringIO() if to_file else sys.stdout
    status = _render(report, args, out)
    if to_file:
        assert isinstance(out, io.StringIO)
        write_report(args.output_file, out.getvalue())
    return status


def _render(report: Report, args: argparse.Namespace, out: TextIO) -> int:
    color = _color(args.color, out)
    if args.fix:
        # With "auto", the stream the fix report goes to decides (stderr for "-").
        chosen = None if args.color == "auto" else color
        return fix_drafts(
            report, args.format, out, sys.stderr, stdin_path=_stdin_name(args), color=chosen
        )
    if args.diff:
        return diff_drafts(report, out)
    if args.statistics:
        out.write(_statistics(report, args.format, color=color, quiet=args.quiet))
    else:
        out.write(render(report, args.format, color=color, show_summary=not args.quiet))
    return ExitCode.FINDINGS if report.failed else ExitCode.OK


def _stdin_name(args: argparse.Namespace) -> str:
    return str(args.stdin_filename) if args.stdin_filename else STDIN_PATH


def _statistics(report: Report, fmt: str, *, color: bool, quiet: bool) -> str:
    if fmt in ("json", "jsonl"):
        names = {info.code: info.name for info in report.codes}
        rows = [
            {"code": code, "name": names.get(code), "count": count}
            for code, count in code_counts(report)
        ]
        return json.dumps(rows, indent=2 if fmt == "json" else None) + "\n"
    text = render_statistics(report)
    if quiet:
        return text
    summary = summary_line(report)
    return text + (f"\x1b[1m{summary}\x1b[0m\n" if color else f"{summary}\n")


def _color(choice: str, out: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return use_color(out)
