"""factcheck: check drafts against a corpus of trusted, published articles.

``check_text`` and ``Checker`` are imported lazily, so that importing
``factcheck`` (as every plugin does, for ``hookimpl``) does not load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.hookspecs import hookimpl

if TYPE_CHECKING:
    from factcheck.api import Checker, check_text

__version__ = "0.1.0"

# The name factcheck is installed and published under (``pip install``,
# ``importlib.metadata``), which is not the import name: "factcheck" on the
# package index is an unrelated library.
DISTRIBUTION = "factcheck-newsroom"

__all__ = ["DISTRIBUTION", "Checker", "__version__", "check_text", "hookimpl"]


def __getattr__(name: str) -> Any:
    if name in {"Checker", "check_text"}:
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
