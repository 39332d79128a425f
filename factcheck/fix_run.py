"""``check --fix`` and ``check --diff`` over a report: file by file, as ruff does.

Each draft is fixed, or left as it was with the reason said, and the others
go on. A draft read from standard input (``-``) cannot be rewritten: with
``--fix`` its fixed text (all of it) goes to standard output and the report
to standard error; with ``--diff`` its diff is printed like any other.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from factcheck.documents import document_from_text
from factcheck.errors import ExitCode
from factcheck.fixes import fix_text, unified_diff
from factcheck.model import FileReport, Report, Severity
from factcheck.output import use_color
from factcheck.output.fix_report import FixedFile, FixReport, render_fixes
from factcheck.output.safe import escape_controls
from factcheck.rewrite import NotRewritten, write_atomically
from factcheck.sources import STDIN_PATH


def diff_drafts(report: Report, out: TextIO) -> ExitCode:
    """Print the safe fixes as a unified diff; exit 1 when findings would be left."""
    left = False
    for file in report.files:
        if file.document is None:
            left = left or _failing(file)
            continue
        result = fix_text(file.document.text, file.findings)
        left = left or any(f.severity is not Severity.INFO for f in result.remaining)
        out.write(unified_diff(file.path, file.document.text, result.text))
    return ExitCode.FINDINGS if left else ExitCode.OK


def fix_drafts(
    report: Report,
    fmt: str,
    out: TextIO,
    err: TextIO,
    *,
    stdin_path: str = STDIN_PATH,
    color: bool | None = None,
) -> ExitCode:
    """Apply the safe fixes and report, in ``fmt``, what was fixed and what is left.

    ``stdin_path`` is the name standard input's draft has in the report
    (``--stdin-filename``): that draft is printed fixed, never written to a file.
    ``color`` is ``--color``'s answer; None decides by the stream the report goes to.
    """
    from_stdin = any(file.path == stdin_path for file in report.files)
    status = ExitCode.OK
    files = []
    seen: set[str] = set()
    for file in report.files:
        if file.document is not None and file.path != stdin_path:
            # A draft named twice (or by a link too) is fixed once: a second
            # write would find it changed and refuse.
            real = os.path.realpath(file.path)
            if real in seen:
                continue
            seen.add(real)
        fixed, problem_status = _fix_file(file, out, from_stdin=file.path == stdin_path)
        if fixed.problem is not None:
            print(escape_controls(f"factcheck: {fixed.path}: {fixed.problem}"), file=err)
        status = max(status, problem_status)
        files.append(fixed)
    fix_report = FixReport(tuple(files), report.codes)
    if fix_report.remaining.failed:
        status = max(status, ExitCode.FINDINGS)
    # Standard output holds the fixed draft then: the report must not mix into it.
    stream = err if from_stdin else out
    paint = use_color(stream) if color is None else color
    stream.write(render_fixes(fix_report, fmt, color=paint))
    return status


def _fix_file(file: FileReport, out: TextIO, *, from_stdin: bool) -> tuple[FixedFile, ExitCode]:
    document = file.document
    if document is None:
        return FixedFile((), file), ExitCode.OK
    result = fix_text(document.text, file.findings)
    if from_stdin:
        out.write(result.text)  # the draft itself, not a report: written as it is
    elif not result.applied:
        return FixedFile((), file), ExitCode.OK
    else:
        try:
            write_atomically(
                Path(file.path), result.text, expected=document.text, encoding=document.encoding
            )
        except NotRewritten as error:
            # A refusal leaves findings to fix by hand; a failure is an input/output error.
            status = ExitCode.FINDINGS if error.refused else ExitCode.USAGE
            return FixedFile((), file, error.problem), status
    fixed = document_from_text(
        document.path,
        result.text,
        kind=document.kind,
        published=document.published,
        encoding=document.encoding,
    )
    return FixedFile(result.applied, FileReport(file.path, result.remaining, fixed)), ExitCode.OK


def _failing(file: FileReport) -> bool:
    return any(f.severity is not Severity.INFO for f in file.findings)
