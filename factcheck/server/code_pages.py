"""The finding codes for ``GET /api/codes``: the registry, and each code's page.

The pages live in ``docs/codes/`` of the source tree, which is not package
data: they are found next to the package when factcheck runs from a checkout
(an editable install), and are missing from an installed wheel. Then each code
still has its name, category, severity and summary from the code registry,
and the answer says that the pages are not available.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import factcheck
from factcheck.model import CodeInfo

PAGES_NOTE_MISSING = (
    "the code pages (docs/codes/*.md) are not installed with this copy of factcheck; "
    "each code has the name, severity and summary from the code registry"
)


def code_pages_folder() -> Path | None:
    """``docs/codes`` of the checkout this package runs from, if there is one."""
    folder = Path(factcheck.__file__).resolve().parent.parent / "docs" / "codes"
    return folder if folder.is_dir() else None


def _page(folder: Path | None, code: str) -> str | None:
    if folder is None:
        return None
    try:
        return (folder / f"{code}.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _title(page: str | None, info: CodeInfo) -> str:
    """The page's heading after the code ("# FC101: misspelt-person-name"), else the name."""
    if page:
        heading = page.split("\n", 1)[0].lstrip("#").strip()
        _code, _, title = heading.partition(":")
        if title.strip():
            return title.strip()
    return info.name


def codes_document(codes: Iterable[CodeInfo], folder: Path | None) -> dict[str, object]:
    entries = []
    for info in codes:
        page = _page(folder, info.code)
        entries.append(
            {
                "code": info.code,
                "name": info.name,
                "title": _title(page, info),
                "category": info.category.value,
                "severity": info.severity.value,
                "summary": info.summary,
                "safe_fix": info.safe_fix,
                "page": page,
            }
        )
    available = folder is not None and any(entry["page"] is not None for entry in entries)
    return {
        "pages": available,
        "note": None if available else PAGES_NOTE_MISSING,
        "codes": entries,
    }
