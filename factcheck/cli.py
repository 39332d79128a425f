"""The ``factcheck`` command: check, index, plugins, rule, audit, eval.

``main(argv) -> int`` maps every error to an exit code in one place:
0 no error or warning finding, 1 findings, 2 usage, configuration or input
error, 3 an internal error (a bug: the traceback is printed).

The engine (and with it spaCy) and the evaluation harness are imported by the
commands that use them, so that ``--version`` and ``--help`` answer at once.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from factcheck import DISTRIBUTION, __version__
from factcheck.commands.check import add_check_parser, config_overrides, run_check
from factcheck.commands.index import add_index_parser, run_index
from factcheck.commands.rule import add_rule_parser, run_rule
from factcheck.config import Config, load_config
from factcheck.errors import ExitCode, FactcheckError
from factcheck.evaluation import cli as evaluation
from factcheck.output.safe import escape_controls
from factcheck.plugins import format_plugin_table
from factcheck.progress import terminal_progress


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

    add_check_parser(commands, common)
    add_index_parser(commands, common)
    audit = commands.add_parser("audit", parents=[common], help="disagreements inside the corpus")
    audit.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("plugins", parents=[common], help="list plugins and their codes")
    commands.add_parser("lsp", help="run the language server on stdio (the 'lsp' extra)")
    add_rule_parser(commands, common)
    evaluation.register(commands)
    _add_serve_command(commands, common)
    return parser


def _config(args: argparse.Namespace) -> Config:
    """The working folder's configuration (or ``--config``), with the options' changes."""
    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    return config_overrides(args)(config)


def _index(args: argparse.Namespace) -> int:
    from factcheck.engine import Engine

    engine = Engine(_config(args), progress=terminal_progress(sys.stderr))
    return run_index(args, engine)


def _plugins(args: argparse.Namespace) -> int:
    from factcheck.engine import Engine

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
    from factcheck.engine import Engine

    engine = Engine(_config(args))
    disagreements = audit_corpus(engine)
    sys.stdout.write(render_audit(disagreements, args.format))
    return ExitCode.FINDINGS if disagreements else ExitCode.OK


def _lsp(args: argparse.Namespace) -> int:
    # Imported here: other commands, and --version, need neither pygls nor the server.
    import importlib.util

    if importlib.util.find_spec("pygls") is None:
        print(
            f"factcheck: error: the language server needs the 'lsp' extra: "
            f"pip install '{DISTRIBUTION}[lsp]'",
            file=sys.stderr,
        )
        return int(ExitCode.USAGE)
    from factcheck.lsp.server import serve_stdio

    serve_stdio()
    return ExitCode.OK


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
    "check": run_check,
    "rule": run_rule,
    "index": _index,
    "plugins": _plugins,
    "audit": _audit,
    "serve": _serve,
    "eval": evaluation.run,
    "lsp": _lsp,
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
        print(escape_controls(f"factcheck: error: {error}"), file=sys.stderr)
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
