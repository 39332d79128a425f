"""The audit as text for an editor or as JSON for tools."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from factcheck.audit.sides import CATEGORY_ORDER, Disagreement
from factcheck.model import Category, Evidence
from factcheck.output.common import plural
from factcheck.output.excerpt import clip
from factcheck.output.safe import escape_controls

AUDIT_FORMATS = ("text", "json")
JSON_VERSION = 1
QUOTE_WIDTH = 120


def render_audit(disagreements: Sequence[Disagreement], fmt: str) -> str:
    if fmt == "text":
        return _render_text(disagreements)
    if fmt == "json":
        return _render_json(disagreements)
    raise ValueError(f"unknown audit format {fmt!r}; expected one of {', '.join(AUDIT_FORMATS)}")


def _render_text(disagreements: Sequence[Disagreement]) -> str:
    out: list[str] = []
    for disagreement in disagreements:
        out.append(f"{disagreement.category.value}: {disagreement.subject}")
        for side in disagreement.sides:
            out.append(f'  "{side.value}": {plural(side.support, "document")}')
            out.extend(f"    {_evidence_line(e, side.value)}" for e in side.evidence)
        out.append("")
    out.append(_summary(disagreements))
    # Corpus text is third-party text: it must not drive the terminal either.
    return "".join(escape_controls(line) + "\n" for line in out)


def _evidence_line(evidence: Evidence, value: str) -> str:
    quote = " ".join(evidence.quote.split())
    # Keep the value in view when the sentence states it as the audit writes it.
    where = quote.lower().find(value.lower())
    start, end = (where, where + len(value)) if where >= 0 else (0, 0)
    excerpt = clip(quote, start, end, QUOTE_WIDTH)
    return f'{evidence.source}:{evidence.line}: "{excerpt.text}"'


def _summary(disagreements: Sequence[Disagreement]) -> str:
    if not disagreements:
        return "No disagreements in the corpus."
    by_category: dict[Category, int] = defaultdict(int)
    for disagreement in disagreements:
        by_category[disagreement.category] += 1
    kinds = ", ".join(
        f"{count} {category.value}"
        for category, count in sorted(by_category.items(), key=lambda item: CATEGORY_ORDER[item[0]])
    )
    return f"{plural(len(disagreements), 'disagreement')} in the corpus ({kinds})"


def _render_json(disagreements: Sequence[Disagreement]) -> str:
    payload = {
        "version": JSON_VERSION,
        "disagreements": [
            {
                "category": d.category.value,
                "subject": d.subject,
                "sides": [
                    {
                        "value": side.value,
                        "support": side.support,
                        "evidence": [
                            {
                                "source": e.source,
                                "line": e.line,
                                "quote": e.quote,
                                "support": e.support,
                            }
                            for e in side.evidence
                        ],
                    }
                    for side in d.sides
                ],
            }
            for d in disagreements
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
