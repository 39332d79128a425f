"""``--statistics``: how many findings of each code, most frequent first, as ruff prints them.

``  7 FC101 misspelt-person-name``: the count right-aligned to the widest one,
the code, and its name from the run's code registry (a code the registry does
not know, such as one from a plugin that failed, is printed without a name).
"""

from __future__ import annotations

from collections import Counter

from factcheck.model import Report
from factcheck.output.safe import escape_controls


def code_counts(report: Report) -> list[tuple[str, int]]:
    """(code, count) pairs, the most frequent first, ties in code order."""
    counts = Counter(finding.code for finding in report.findings)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def render_statistics(report: Report) -> str:
    counts = code_counts(report)
    if not counts:
        return ""
    names = {info.code: info.name for info in report.codes}
    width = len(str(counts[0][1]))
    lines = []
    for code, count in counts:
        name = names.get(code)
        label = (
            f"{escape_controls(code)} {escape_controls(name)}" if name else escape_controls(code)
        )
        lines.append(f"{count:>{width}} {label}\n")
    return "".join(lines)
