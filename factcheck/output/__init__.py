"""One formatter per ``--format``; :func:`render` picks one by name.

Every formatter returns the whole output as one string that ends with a newline
(or is empty when there is nothing to say), so callers write it as it is.
"""

from __future__ import annotations

import os
from typing import TextIO

from factcheck.model import Report
from factcheck.output.concise import render_concise
from factcheck.output.github import render_github
from factcheck.output.json_format import finding_to_dict, render_json
from factcheck.output.jsonl import render_jsonl
from factcheck.output.sarif import render_sarif
from factcheck.output.text import render_text

FORMATS: tuple[str, ...] = ("text", "concise", "json", "jsonl", "sarif", "github")

__all__ = ["FORMATS", "finding_to_dict", "render", "use_color"]


def render(report: Report, fmt: str, *, color: bool = False, show_summary: bool = True) -> str:
    """The report in format ``fmt``; ``color`` and ``show_summary`` affect ``text`` only."""
    if fmt == "text":
        return render_text(report, color=color, show_summary=show_summary)
    if fmt == "concise":
        return render_concise(report)
    if fmt == "json":
        return render_json(report)
    if fmt == "jsonl":
        return render_jsonl(report)
    if fmt == "sarif":
        return render_sarif(report)
    if fmt == "github":
        return render_github(report)
    raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}")


def use_color(stream: TextIO) -> bool:
    """Whether to colour output written to ``stream``.

    NO_COLOR (https://no-color.org) wins over FORCE_COLOR (https://force-color.org),
    as in pytest: a reader who asked for no colour is never shown any. Both count
    only when set to a non-empty value.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # a closed stream
        return False
