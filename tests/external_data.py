"""Where the tests find the external evaluation data (third-party text, never in the repo).

Beside the clone, as CI lays it out (``<repo>/../shared/external``), or where
``FACTCHECK_EXTERNAL`` says (a worktree elsewhere). Tests that need it skip
with the path they looked at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXTERNAL = Path(os.environ.get("FACTCHECK_EXTERNAL") or REPO.parent / "shared" / "external")


def external(*parts: str) -> Path:
    """``EXTERNAL/parts``, or a skip naming where it was looked for."""
    path = EXTERNAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"external evaluation data not found: {path} (set FACTCHECK_EXTERNAL)")
    return path
