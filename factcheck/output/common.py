"""What several formatters share: draft lines, the per-file walk and the tally."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.model import FileReport, Finding, Report, Severity
from factcheck.positions import LineIndex


@dataclass(frozen=True)
class Tally:
    """How many files and findings of each severity a report holds."""

    files: int
    findings: int
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, report: Report) -> Tally:
        return cls(
            files=len(report.files),
            findings=len(report.findings),
            errors=report.count(Severity.ERROR),
            warnings=report.count(Severity.WARNING),
            infos=report.count(Severity.INFO),
        )


class DraftLines:
    """The lines of one draft, looked up by 1-based number (without line ending)."""

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._index = LineIndex(text) if text is not None else None

    def line(self, number: int) -> str | None:
        """The line's text, or None when the draft is unknown or too short."""
        if self._text is None or self._index is None:
            return None
        if not 1 <= number <= self._index.line_count:
            return None
        start, end = self._index.line_span(number)
        # Defensive: LineIndex once marked the last line's end as -1 ("to the end").
        line = self._text[start:] if end < 0 else self._text[start:end]
        # A CRLF draft keeps its "\r" before the "\n"; it is not part of the line.
        return line.removesuffix("\r")


def finding_path(file: FileReport, finding: Finding) -> str:
    """The finding's own path, or its file's when the engine left it empty."""
    return finding.path or file.path


def located_findings(report: Report) -> Iterator[tuple[FileReport, DraftLines, Finding]]:
    """Every finding with its file and that file's lines, in report order."""
    for file in report.files:
        lines = DraftLines(file.document.text if file.document is not None else None)
        for finding in file.findings:
            yield file, lines, finding


def plural(count: int, noun: str) -> str:
    """ "1 document", "3 documents": a count with its noun."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
