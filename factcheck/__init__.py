"""factcheck: check drafts against a corpus of trusted, published articles."""

from __future__ import annotations

from factcheck.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]
