"""``--format jsonl``: one finding per line, for streaming into other tools."""

from __future__ import annotations

import json

from factcheck.model import Report
from factcheck.output.json_format import finding_to_dict
from factcheck.output.safe import json_safe


def render_jsonl(report: Report) -> str:
    # No summary line: every line has the same shape, so consumers need no special case.
    return "".join(
        json_safe(json.dumps(finding_to_dict(f), ensure_ascii=False)) + "\n"
        for f in report.findings
    )
