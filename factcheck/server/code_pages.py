"""The finding codes for ``GET /api/codes``: the registry, and each code's page.

The pages ship with the package (:mod:`factcheck.code_pages`, the same text
``factcheck rule`` prints). Should a plugin's code have no page, it still has
its name, category, severity and summary from the code registry, and the
answer says that pages are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.code_pages import code_page
from factcheck.model import CodeInfo

PAGES_NOTE_MISSING = (
    "no code has a page in this copy of factcheck; "
    "each code has the name, severity and summary from the code registry"
)


def _title(page: str | None, info: CodeInfo) -> str:
    """The page's heading after the code ("# FC101: misspelt-person-name"), else the name."""
    if page:
        heading = page.split("\n", 1)[0].lstrip("#").strip()
        _code, _, title = heading.partition(":")
        if title.strip():
            return title.strip()
    return info.name


def codes_document(
    codes: Iterable[CodeInfo], page_of: Callable[[str], str | None] | None = None
) -> dict[str, object]:
    page_of = page_of or code_page
    entries = []
    for info in codes:
        page = page_of(info.code)
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
    available = any(entry["page"] is not None for entry in entries)
    return {
        "pages": available,
        "note": None if available else PAGES_NOTE_MISSING,
        "codes": entries,
    }
