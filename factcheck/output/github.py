"""``--format github``: GitHub Actions workflow commands that annotate the diff.

See https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from factcheck.model import Report, Severity
from factcheck.output.common import finding_path, located_findings
from factcheck.output.safe import escape_controls

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message; "%" first so the other escapes are not re-escaped.

    Line breaks are encoded as the runner expects; the other control
    characters (terminal escapes, bidirectional overrides) are shown escaped.
    """
    encoded = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(encoded)


def escape_property(value: str) -> str:
    """Escape a ``key=value`` property, where ":" and "," are separators too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    out: list[str] = []
    for file, _lines, finding in located_findings(report):
        properties = {
            "file": finding_path(file, finding),
            "line": str(finding.line),
            "col": str(finding.column),
            "endLine": str(finding.end_line),
            "endColumn": str(finding.end_column),
            "title": finding.code,
        }
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        command = _COMMANDS[finding.severity]
        message = f"(suppressed) {finding.message}" if finding.suppressed else finding.message
        out.append(f"::{command} {joined}::{escape_data(message)}\n")
    return "".join(out)
