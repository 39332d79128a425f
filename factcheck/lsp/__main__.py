"""``python -m factcheck.lsp``: the language server on stdio."""

from factcheck.lsp import serve_stdio

serve_stdio()
