"""Hover over a finding: what was found, what the corpus expects, and the evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from factcheck.lsp.diagnostics import evidence_message
from factcheck.lsp.positions import PositionMap
from factcheck.model import Finding

_BACKTICKS = re.compile(r"`+")
# Characters that Markdown would read as markup at the start of, or inside, a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def code_span(text: str) -> str:
    """``text`` as inline code, on one line, whatever backticks it holds."""
    flat = " ".join(text.split())
    fence = "`" * (max((len(m.group()) for m in _BACKTICKS.finditer(flat)), default=0) + 1)
    padding = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{padding}{flat}{padding}{fence}"


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def finding_markdown(finding: Finding) -> str:
    lines = [f"**{finding.code}** ({finding.severity.value}): {escape(finding.message)}", ""]
    lines.append(f"- found: {code_span(finding.found)}")
    if finding.expected is not None:
        lines.append(f"- expected: {code_span(finding.expected)}")
    if finding.fix is not None:
        safety = "safe fix" if finding.safe_fix else "fix, check before applying"
        lines.append(f"- {safety}: {code_span(finding.fix)}")
    if finding.evidence:
        lines += ["", "Evidence:"]
        for evidence in finding.evidence:
            lines.append(f"- {escape(evidence.source)}, line {evidence.line}:")
            lines.append(f"  > {escape(evidence_message(evidence))}")
    return "\n".join(lines)


def hover(
    findings: Sequence[Finding], positions: PositionMap, position: types.Position
) -> types.Hover | None:
    offset = positions.offset(position)
    here = [f for f in findings if f.span.start <= offset <= f.span.end]
    if not here:
        return None
    start = min(f.span.start for f in here)
    end = max(f.span.end for f in here)
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown,
            value="\n\n---\n\n".join(finding_markdown(f) for f in here),
        ),
        range=positions.range(start, end),
    )
