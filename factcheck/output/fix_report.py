"""What ``check --fix`` says: each fix applied, each file not fixed, what is left.

Every position refers to the file as it is after the run: a fixed file's
findings are located in its fixed text, a file that was not fixed keeps the
positions it was checked at. ``text``, ``json`` and ``jsonl`` list the applied
fixes too (``fix_applied`` in JSON); ``sarif`` and ``github``, which annotate
the files as they are, show only what is left.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.model import CodeInfo, FileReport, Finding, Report
from factcheck.output.common import finding_path, plural
from factcheck.output.json_format import JSON_VERSION, finding_to_dict, summary_to_dict
from factcheck.output.safe import escape_controls, json_safe
from factcheck.output.text import render_text, summary_line


@dataclass(frozen=True)
class FixedFile:
    """One draft after ``--fix``: the fixes written, the findings left, or why not."""

    applied: tuple[Finding, ...]
    remaining: FileReport
    problem: str | None = None  # why nothing was written; the file is as it was

    @property
    def path(self) -> str:
        return self.remaining.path


@dataclass(frozen=True)
class FixReport:
    files: tuple[FixedFile, ...]
    codes: tuple[CodeInfo, ...] = ()

    @property
    def remaining(self) -> Report:
        return Report(files=tuple(f.remaining for f in self.files), codes=self.codes)

    @property
    def applied_count(self) -> int:
        return sum(len(f.applied) for f in self.files)

    @property
    def not_fixed(self) -> tuple[FixedFile, ...]:
        return tuple(f for f in self.files if f.problem is not None)


def render_fixes(report: FixReport, fmt: str, *, color: bool = False) -> str:
    if fmt == "text":
        return _render_text(report, color=color)
    if fmt == "json":
        return _render_json(report)
    if fmt == "jsonl":
        return "".join(
            json_safe(json.dumps(d, ensure_ascii=False)) + "\n" for d in _records(report)
        )
    # Imported here: factcheck.output imports this module.
    from factcheck.output import render

    return render(report.remaining, fmt, color=color)


def fixed_line(file: FixedFile, finding: Finding) -> str:
    """``path:line:col: CODE fixed: found -> fix``, located where the fix now stands."""
    path = escape_controls(finding_path(file.remaining, finding))
    found, fix = escape_controls(finding.found), escape_controls(finding.fix or "")
    return f"{path}:{finding.line}:{finding.column}: {finding.code} fixed: {found} -> {fix}"


def _render_text(report: FixReport, *, color: bool) -> str:
    lines = [fixed_line(file, finding) for file in report.files for finding in file.applied]
    out = "".join(line + "\n" for line in lines)
    if lines:
        out += "\n"
    out += render_text(report.remaining, color=color, show_summary=False)
    left = summary_line(report.remaining).rstrip(".")
    summary = f"{plural(report.applied_count, 'finding')} fixed; {left[:1].lower()}{left[1:]}"
    if report.not_fixed:
        summary += f"; {plural(len(report.not_fixed), 'file')} not fixed"
    return out + summary + "\n"


def _records(report: FixReport) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for file in report.files:
        marked = [(f, True) for f in file.applied] + [(f, False) for f in file.remaining.findings]
        marked.sort(key=lambda pair: (pair[0].line, pair[0].column, pair[0].code))
        records.extend({**finding_to_dict(f), "fix_applied": applied} for f, applied in marked)
    return records


def _render_json(report: FixReport) -> str:
    document = {
        "version": JSON_VERSION,
        "findings": _records(report),
        "not_fixed": [{"path": f.path, "problem": f.problem} for f in report.not_fixed],
        "summary": {**summary_to_dict(report.remaining), "fixed": report.applied_count},
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
