"""Expected disagreements inside a corpus: the list that leave-one-out is scored against.

The file (``benchmarks/expected_disagreements.json``) lists, per corpus
document, the findings that checking it against the other documents must
produce: line, category (or several acceptable ones), optional code prefix and
the text found. Anything else flagged is a false positive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import Finding


@dataclass(frozen=True)
class ExpectedDisagreement:
    document: str
    line: int | None
    categories: tuple[str, ...]
    code: str  # a code prefix; "" accepts any code of the categories
    found: str
    why: str = ""

    @property
    def category(self) -> str:
        """The category it is scored under: the first listed."""
        return self.categories[0]

    def matches(self, document: str, finding: Finding) -> bool:
        """The finding reports this disagreement, on the listed line."""
        if self.line is not None and finding.line != self.line:
            return False
        return self.matches_anywhere(document, finding)

    def matches_anywhere(self, document: str, finding: Finding) -> bool:
        """The same, on any line: for a sentence checked on its own."""
        if document != self.document or finding.category.value not in self.categories:
            return False
        if not finding.code.startswith(self.code):
            return False
        found, wanted = _normal(finding.found), _normal(self.found)
        # A finding may cover a little more or less than the listed words
        # ("Yacheslav Volodin" or "Yacheslav"), but it must be about them.
        return bool(found) and (found in wanted or wanted in found)

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "line": self.line,
            "category": list(self.categories),
            "code": self.code,
            "found": self.found,
        }


def load_expected(path: Path) -> list[ExpectedDisagreement]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(str(path), f"cannot read the expected disagreements: {error}") from None
    items = data.get("disagreements") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(str(path), "expected an object with a 'disagreements' list")
    return [_entry(path, item) for item in items]


def _entry(path: Path, item: object) -> ExpectedDisagreement:
    if not isinstance(item, dict) or not {"document", "category", "found"} <= item.keys():
        raise InputError(str(path), f"each disagreement needs document, category, found: {item!r}")
    raw = item["category"]
    categories = (raw,) if isinstance(raw, str) else tuple(str(c) for c in raw)
    line = item.get("line")
    return ExpectedDisagreement(
        document=str(item["document"]),
        line=int(line) if line is not None else None,
        categories=categories,
        code=str(item.get("code", "")),
        found=str(item["found"]),
        why=str(item.get("why", "")),
    )


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())
