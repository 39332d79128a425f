"""``--format text``: flake8-shaped lines with the draft line, carets and evidence.

Draft and corpus text is printed with its control characters escaped
(:mod:`factcheck.output.safe`), so that a draft cannot forge a line or drive
the terminal.

The first line of every finding is ``path:line:col: CODE [severity] message`` so
that editors and CI log parsers that understand flake8 can jump to it.
"""

from __future__ import annotations

from factcheck.model import Evidence, Finding, Report, Severity
from factcheck.output.common import DraftLines, Tally, finding_path, located_findings, plural
from factcheck.output.excerpt import caret_marker, clip
from factcheck.output.safe import escape_controls

LINE_WIDTH = 100  # how much of a long draft line to show around the span
QUOTE_WIDTH = 120  # how much of an evidence sentence to show
INDENT = "    "

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_GREEN = "\x1b[32m"
_SEVERITY_COLORS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}


class _Painter:
    """Wraps text in ANSI codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.enabled else text


def _source_lines(finding: Finding, lines: DraftLines) -> list[str]:
    """The draft line with carets under the part of the span that lies on it."""
    line = lines.line(finding.line)
    if line is None or finding.column < 1:
        return []
    start = min(finding.column - 1, len(line))
    # Only the first line of a multi-line span is shown: carets run to its end.
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(start, min(end, len(line)))
    # Escaped piece by piece, so that the carets still sit under the span.
    before, inside = escape_controls(line[:start]), escape_controls(line[start:end])
    line = before + inside + escape_controls(line[end:])
    start, end = len(before), len(before) + len(inside)
    excerpt = clip(line, start, end, LINE_WIDTH)
    return [INDENT + excerpt.text, INDENT + caret_marker(excerpt.text, excerpt.start, excerpt.end)]


def _shorten_quote(quote: str, finding: Finding) -> str:
    """The evidence sentence, cut around the expected value when it is long."""
    focus = finding.expected or finding.fix or ""
    where = quote.lower().find(focus.lower()) if focus else -1
    if where < 0:
        return clip(quote, 0, 0, QUOTE_WIDTH).text
    return clip(quote, where, where + len(focus), QUOTE_WIDTH).text


def _evidence_line(evidence: Evidence, finding: Finding) -> str:
    quote = _shorten_quote(" ".join(evidence.quote.split()), finding)
    agree = "document agrees" if evidence.support == 1 else "documents agree"
    where = f"{escape_controls(evidence.source)}:{evidence.line}"
    return f'  evidence: {where}: "{escape_controls(quote)}" ({evidence.support} {agree})'


def summary_line(report: Report) -> str:
    tally = Tally.of(report)
    files = plural(tally.files, "file")
    if tally.findings == 0:
        return f"No findings in {files}."
    counts = ", ".join(
        (
            plural(tally.errors, "error"),
            plural(tally.warnings, "warning"),
            plural(tally.infos, "info"),
        )
    )
    return f"{plural(tally.findings, 'finding')} ({counts}) in {files}"


def render_text(report: Report, *, color: bool = False, show_summary: bool = True) -> str:
    paint = _Painter(color)
    out: list[str] = []
    for file, lines, finding in located_findings(report):
        severity_style = _SEVERITY_COLORS[finding.severity]
        location = (
            f"{escape_controls(finding_path(file, finding))}:{finding.line}:{finding.column}:"
        )
        marker = "(suppressed) " if finding.suppressed else ""
        out.append(
            f"{paint(location, _BOLD)} {paint(escape_controls(finding.code), severity_style)} "
            f"[{paint(finding.severity.value, severity_style)}] {marker}"
            f"{escape_controls(finding.message)}"
        )
        source = _source_lines(finding, lines)
        if source:
            out.append(source[0])
            out.append(paint(source[1], severity_style))
        if finding.fix is not None:
            out.append(f"  fix: {paint(escape_controls(finding.fix), _GREEN)}")
        out.extend(paint(_evidence_line(e, finding), _DIM) for e in finding.evidence)
        out.append("")
    if show_summary:
        out.append(paint(summary_line(report), _BOLD))
    return "".join(line + "\n" for line in out)
