"""``factcheck rule CODE`` prints a code's page; ``factcheck rule --all`` lists every code.

The pages ship with the package (:mod:`factcheck.code_pages`). A code that a
third-party plugin declares has no page of ours: its declaration (plugin,
severity, name, summary) is printed instead. A code nobody knows is a usage
error (exit 2) that names it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factcheck.code_pages import code_page
from factcheck.config import load_config
from factcheck.errors import ExitCode, FactcheckError
from factcheck.output.safe import escape_controls
from factcheck.plugins import PluginSet, load_plugins


def add_rule_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    rule = commands.add_parser(
        "rule", parents=[common], help="a finding code's page, or every code (--all)"
    )
    rule.add_argument("code", nargs="?", metavar="CODE", help="a code such as FC101")
    rule.add_argument(
        "--all", action="store_true", help="list every code: plugin, severity, name, summary"
    )


def run_rule(args: argparse.Namespace) -> int:
    if args.all == (args.code is not None):
        raise FactcheckError("rule: give one CODE (such as FC101) or --all")
    if args.all:
        sys.stdout.write(code_table(_plugins(args)))
        return ExitCode.OK
    code = args.code.strip().upper()
    page = code_page(code)
    if page is not None:
        sys.stdout.write(page if page.endswith("\n") else page + "\n")
        return ExitCode.OK
    # Only a code without a page of ours needs the plugins: a third party's.
    plugins = _plugins(args)
    info = plugins.codes.get(code)
    if info is None:
        raise FactcheckError(
            f"rule: unknown code {escape_controls(args.code)!r}; 'factcheck rule --all' lists them"
        )
    owner = plugins.code_owner.get(code, "")
    sys.stdout.write(
        f"# {info.code}: {escape_controls(info.name)}\n\n"
        f"- Plugin: {escape_controls(owner)}\n"
        f"- Category: {info.category.value}\n"
        f"- Default severity: {info.severity.value}\n"
        f"- Safe fix: {'yes' if info.safe_fix else 'no'}\n\n"
        f"{escape_controls(info.summary)}\n"
    )
    return ExitCode.OK


def code_table(plugins: PluginSet) -> str:
    """One line a code, in code order: ``code  plugin  severity  name  summary``."""
    # A third-party plugin's name or summary is escaped like draft text.
    rows = [
        [
            escape_controls(cell)
            for cell in (
                info.code,
                plugins.code_owner.get(code, ""),
                info.severity.value,
                info.name,
                info.summary,
            )
        ]
        for code, info in sorted(plugins.codes.items())
    ]
    if not rows:
        return ""
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]).rstrip() + "\n")
    return "".join(lines)


def _plugins(args: argparse.Namespace) -> PluginSet:
    config = load_config(args.config) if args.config else load_config(start=Path.cwd())
    plugins = load_plugins(config)
    for failure in plugins.failures:
        print(
            f"factcheck: plugin {failure.plugin} ({failure.origin}): {failure.message}",
            file=sys.stderr,
        )
    return plugins
