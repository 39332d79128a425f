"""``--format concise``: one line a finding, ``path:line:col: CODE message``, and nothing else.

For editors, ``grep`` and scripts that want flake8's shape without the draft
line, the carets, the evidence or a summary. Draft text in a message or a path
is escaped as in the text format (:mod:`factcheck.output.safe`), so a draft
cannot forge a line.
"""

from __future__ import annotations

from factcheck.model import Report
from factcheck.output.common import finding_path, located_findings
from factcheck.output.safe import escape_controls


def render_concise(report: Report) -> str:
    lines = []
    for file, _lines, finding in located_findings(report):
        marker = "(suppressed) " if finding.suppressed else ""
        lines.append(
            f"{escape_controls(finding_path(file, finding))}:{finding.line}:{finding.column}: "
            f"{escape_controls(finding.code)} {marker}{escape_controls(finding.message)}\n"
        )
    return "".join(lines)
