"""``factcheck lsp``: a Language Server on the same engine as ``factcheck check``.

Needs the ``lsp`` extra (pygls). Modules: ``server`` (set-up and handlers),
``checking`` (the engine, configured from the workspace root), ``diagnostics``,
``actions`` and ``hover`` (findings in LSP terms), ``positions`` (offsets to
LSP positions), ``debounce``.
"""

from __future__ import annotations


def serve_stdio() -> None:
    from factcheck.lsp.server import serve_stdio as serve

    serve()
