"""The code pages shipped with the package (``factcheck/codes_docs/``), read as resources.

Read with :mod:`importlib.resources`, so that they work from a wheel, a zip
or an editable install alike. They are the only copy of the pages: the
repository's ``docs/codes/`` points here.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

PAGES_PACKAGE = "factcheck.codes_docs"
_CODE = re.compile(r"^[A-Z]{2}\d{3}$")


def page_codes() -> list[str]:
    """Every code that has a page, sorted."""
    folder = resources.files(PAGES_PACKAGE)
    return sorted(
        entry.name.removesuffix(".md")
        for entry in folder.iterdir()
        if entry.name.endswith(".md") and _CODE.match(entry.name.removesuffix(".md"))
    )


def code_page(code: str) -> str | None:
    """The page of ``code`` (Markdown), or None when no page is shipped for it."""
    if not _CODE.match(code):
        return None
    page = resources.files(PAGES_PACKAGE) / f"{code}.md"
    if not page.is_file():
        return None
    return page.read_text(encoding="utf-8")


def code_page_file(code: str) -> Path | None:
    """The page of ``code`` as a file on this machine, for links (an editor opens
    it); None when there is no page, or the package is not unpacked on disk."""
    if not _CODE.match(code):
        return None
    page = resources.files(PAGES_PACKAGE) / f"{code}.md"
    if not isinstance(page, Path) or not page.is_file():
        return None
    return page
