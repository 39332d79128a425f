"""The ``factcheck`` command: check, index, plugins, audit.

``main(argv) -> int`` maps every error to an exit code in one place:
0 no error or warning finding, 1 findings, 2 usage, configuration or input
error, 3 an internal error (a bug: the traceback is printed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from factcheck import __version__
from factcheck.config import Config, load_config
from factcheck.engine import Engine
from factcheck.errors import ExitCode, FactcheckError
from factcheck.evaluation import cli as evaluation
from factcheck.fixes import apply_fixes, unified_diff, write_atomically
from factcheck.model import FileReport, Report, Severity
from factcheck.output import FORMATS, render, use_color
from factcheck.plugins import format_plugin_table
from factcheck.pubdate import parse_date


def _date(text: str) -> dt.date:
    parsed = parse_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check drafts against a corpus of trusted, published articles.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="a factcheck.toml or pyproject.toml")
    common.add_argument(
        "--corpus", action="append", default=None, metavar="PATH",
        help="corpus file, folder or glob (repeatable); replaces the configured corpus",
    )  # fmt: skip
    common.add_argument("--model", help="the spaCy model to try first")
    common.add_argument("--no-cache", action="store_true", help="do not read or write the cache")

    check = commands.add_parser("check", parents=[common], help="check drafts")
    check.add_argument("paths", nargs="+", metavar="PATH", help="drafts: files, folders, globs, -")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--date", type=_date, help="the drafts' date, for 'on Monday' (YYYY-MM-DD)")
    check.add_argument("--select", action="append", metavar="PREFIX", help="only these codes")
    check.add_argument("--ignore", action="append", metavar="PREFIX", help="not these codes")
    check.add_argument("--no-ignore", action="store_true", help="show suppressed findings too")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes to the files")
    fixing.add_argument("--diff", action="store_true", help="print the safe fixes as a diff")

    commands.add_parser("index", parents=[common], help="build or refresh the corpus cache")
    audit = commands.add_parser("audit", parents=[common], help="disagreements inside the corpus")
    audit.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("plugins", parents=[common], help="list plugins and their codes")
    evaluation.register(commands)
    _add_serve_command(commands, common)
    return parser


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    changes: dict[str, object] = {}
    if args.corpus:
        changes["corpus"] = tuple(str(Path(p).absolute()) for p in args.corpus)
    if args.model:
        changes["model"] = args.model
    if args.no_cache:
        changes["cache_enabled"] = False
    if getattr(args, "select", None):
        changes["select"] = tuple(args.select)
    if getattr(args, "ignore", None):
        changes["ignore"] = config.ignore + tuple(args.ignore)
    return config.replace(**changes)


def _check(args: argparse.Namespace) -> int:
    engine = Engine(_config(args), no_ignore=args.no_ignore)
    report = engine.check_paths(args.paths, date=args.date)
    if args.fix or args.diff:
        return _fix(report, args.fix)
    sys.stdout.write(render(report, args.format, color=use_color(sys.stdout)))
    return ExitCode.FINDINGS if report.failed else ExitCode.OK


def _fix(report: Report, write: bool) -> int:
    remaining = False
    for file in report.files:
        if file.document is None or file.path == "-":
            remaining = remaining or bool(file.findings)
            continue
        fixed, applied = apply_fixes(file.document.text, file.findings)
        left = [f for f in file.findings if f not in applied]
        remaining = remaining or any(f.severity is not Severity.INFO for f in left)
        if not applied:
            continue
        if write:
            write_atomically(Path(file.path), fixed)
            print(f"{file.path}: fixed {len(applied)} finding(s)", file=sys.stderr)
        else:
            sys.stdout.write(unified_diff(file.path, file.document.text, fixed))
    if write:
        # What could not be fixed is still shown, so the editor sees it.
        unfixed = Report(
            files=tuple(
                FileReport(f.path, tuple(x for x in f.findings if not x.safe_fix), f.document)
                for f in report.files
            ),
            codes=report.codes,
        )
        sys.stdout.write(render(unfixed, "text", color=use_color(sys.stdout)))
    return ExitCode.FINDINGS if remaining else ExitCode.OK


def _index(args: argparse.Namespace) -> int:
    engine = Engine(_config(args))
    facts = engine.facts
    load = engine.corpus_load
    assert load is not None
    for error in load.unreadable:
        print(f"factcheck: skipped {error}", file=sys.stderr)
    print(
        f"{load.documents} documents ({load.analysed} analysed, {load.cached} from the cache)\n"
        f"{len(facts.names.entities)} names, {len(facts.names.people())} people, "
        f"{len(facts.roles)} roles, {len(facts.events)} dated events, "
        f"{len(facts.counts)} counts, {len(facts.quotes)} quotations"
    )
    for person in facts.names.people():
        spellings = ", ".join(f"{s} ({len(d)})" for s, d in person.spellings.items())
        print(f"  person {person.canonical}: {spellings}")
    for role in facts.roles:
        print(f"  role {role.person}: {role.role} of the {role.organisation} ({role.support})")
    return ExitCode.OK


def _plugins(args: argparse.Namespace) -> int:
    engine = Engine(_config(args))
    sys.stdout.write(format_plugin_table(engine.plugins.describe()))
    for failure in engine.plugins.failures:
        print(
            f"factcheck: plugin {failure.plugin} ({failure.origin}): {failure.message}",
            file=sys.stderr,
        )
    return ExitCode.OK


def _audit(args: argparse.Namespace) -> int:
    from factcheck.audit import audit_corpus, render_audit

    engine = Engine(_config(args))
    disagreements = audit_corpus(engine)
    sys.stdout.write(render_audit(disagreements, args.format))
    return ExitCode.FINDINGS if disagreements else ExitCode.OK


def _add_serve_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    serve = commands.add_parser("serve", parents=[common], help="a local web page and JSON API")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (not loopback: needs a token)"
    )
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    serve.add_argument(
        "--token", help="API requests must send it as a bearer token (or $FACTCHECK_TOKEN)"
    )
    serve.add_argument(
        "--root", type=Path, help="drafts may be opened from this folder (default: here)"
    )
    serve.add_argument(
        "--max-body", type=int, default=1 << 20, metavar="BYTES", help="request size cap"
    )
    serve.add_argument(
        "--allow-host", action="append", metavar="NAME", help="another Host name to serve"
    )


def _serve(args: argparse.Namespace) -> int:
    # Starlette and uvicorn are loaded only to serve: other commands do without.
    from factcheck.server.command import serve

    return serve(_config(args), args)


_COMMANDS = {
    "check": _check,
    "index": _index,
    "plugins": _plugins,
    "audit": _audit,
    "serve": _serve,
    "eval": evaluation.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if exit_.code in (0, None) else ExitCode.USAGE
    try:
        return int(_COMMANDS[args.command](args))
    except FactcheckError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return int(error.exit_code)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return int(ExitCode.USAGE)
    except Exception:  # a bug: say so, with the traceback to report
        traceback.print_exc()
        print(
            "factcheck: internal error; please report it with the traceback above", file=sys.stderr
        )
        return int(ExitCode.INTERNAL)


if __name__ == "__main__":
    sys.exit(main())
