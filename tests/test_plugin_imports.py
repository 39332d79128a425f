"""Checkers reach factcheck through its public API only (docs/plugins.md).

Every module of ``plugins/`` is read with ``ast``: an import of a factcheck module
outside ``PUBLIC_MODULES``, or of a name not in that module's ``__all__``, fails.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.conftest import REPO

# The modules a checker may import, and nothing deeper: the fact layer's own
# modules and the pipeline's can change without breaking a checker.
PUBLIC_MODULES = (
    "factcheck",
    "factcheck.context",
    "factcheck.facts",
    "factcheck.language",
    "factcheck.model",
)


def _public_names(module: str) -> frozenset[str]:
    names = getattr(importlib.import_module(module), "__all__", None)
    assert names is not None, f"{module} has no __all__"
    return frozenset(names)


def forbidden_imports(source: str, filename: str = "<plugin>") -> list[str]:
    """Each import of ``source`` that reaches past the public API, described."""
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "factcheck":
                    # "import factcheck.x" names a module, never an __all__ name.
                    problems.append(f"{filename}:{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            if node.module.split(".")[0] != "factcheck":
                continue
            if node.module not in PUBLIC_MODULES:
                problems.append(f"{filename}:{node.lineno}: from {node.module} (not public)")
                continue
            public = _public_names(node.module)
            for alias in node.names:
                if alias.name not in public:
                    problems.append(
                        f"{filename}:{node.lineno}: {alias.name} is not in {node.module}.__all__"
                    )
    return problems


PLUGIN_FILES = sorted((REPO / "plugins").rglob("*.py"))


@pytest.mark.parametrize("path", PLUGIN_FILES, ids=lambda path: path.name)
def test_plugins_import_only_the_public_api(path: Path) -> None:
    assert forbidden_imports(path.read_text(encoding="utf-8"), path.name) == []


def test_every_plugin_module_is_walked() -> None:
    assert {path.stem for path in PLUGIN_FILES} >= {"counts", "dates", "names", "quotes", "titles"}


def test_an_internal_module_is_refused() -> None:
    source = "from factcheck.nlp.lexicon import ROLE_GROUPS\n"
    assert forbidden_imports(source) == ["<plugin>:1: from factcheck.nlp.lexicon (not public)"]


def test_a_plain_import_of_a_factcheck_module_is_refused() -> None:
    assert forbidden_imports("import factcheck.facts.corpus\n") == [
        "<plugin>:1: import factcheck.facts.corpus"
    ]


def test_a_name_outside_all_is_refused() -> None:
    # The fact layer's own class, not re-exported: reachable, but not public.
    source = "def f():\n    from factcheck.facts import ParallelSentences\n"
    assert forbidden_imports(source) == [
        "<plugin>:2: ParallelSentences is not in factcheck.facts.__all__"
    ]


def test_public_names_and_other_packages_pass() -> None:
    source = (
        "import re\nfrom rapidfuzz import fuzz\nfrom factcheck import hookimpl\n"
        "from factcheck.facts import CorpusFacts\nfrom factcheck.language import speaker_name\n"
    )
    assert forbidden_imports(source) == []


def test_every_public_module_declares_what_it_exports() -> None:
    for module in PUBLIC_MODULES:
        assert _public_names(module)
