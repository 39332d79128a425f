"""The fact layer's modules import one way: no loop, not even for type hints.

A loop (``corpus`` importing ``events`` and ``events`` importing ``corpus`` for
its type hints) means neither module can be read, tested or typed without the
other; a module that needs what ``CorpusFacts`` knows while it is built takes a
``Protocol`` instead (``events.KnownPeople``).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

FACTS = REPO / "factcheck" / "facts"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Module -> the modules of ``sources`` it imports, type-checking imports included."""
    graph: dict[str, set[str]] = {name: set() for name in sources}
    for name, source in sources.items():
        for node in ast.walk(ast.parse(source)):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
                # "from factcheck.facts.titles import organisations" imports the submodule.
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            graph[name].update(t for t in targets if t in sources and t != name)
    return graph


def find_loop(graph: dict[str, set[str]]) -> list[str] | None:
    """One import loop of ``graph``, as the modules along it, or None."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str] | None:
        path.append(module)
        on_path.add(module)
        for target in sorted(graph[module]):
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done and (loop := visit(target)) is not None:
                return loop
        path.pop()
        on_path.discard(module)
        done.add(module)
        return None

    for module in sorted(graph):
        if module not in done and (loop := visit(module)) is not None:
            return loop
    return None


def test_the_fact_layer_has_no_import_loop() -> None:
    sources = {_module_name(p): p.read_text(encoding="utf-8") for p in FACTS.rglob("*.py")}
    assert "factcheck.facts.corpus" in sources and "factcheck.facts.events" in sources
    assert find_loop(import_graph(sources)) is None


def test_a_loop_through_type_hints_is_found() -> None:
    sources = {
        "factcheck.facts.corpus": "from factcheck.facts.events import sentence_events\n",
        "factcheck.facts.events": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from factcheck.facts.corpus import CorpusFacts\n"
        ),
    }
    assert find_loop(import_graph(sources)) == [
        "factcheck.facts.corpus",
        "factcheck.facts.events",
        "factcheck.facts.corpus",
    ]


def test_a_module_importing_its_package_api_is_a_loop() -> None:
    sources = {
        "factcheck.facts": "from factcheck.facts.series import same_series\n",
        "factcheck.facts.series": "from factcheck.facts import CorpusFacts\n",
        "factcheck.facts.titles": "",
        "factcheck.facts.titles.organisations": "",
        "factcheck.facts.corpus": "from factcheck.facts.titles import organisations\n",
    }
    graph = import_graph(sources)
    assert graph["factcheck.facts.corpus"] == {
        "factcheck.facts.titles",
        "factcheck.facts.titles.organisations",
    }
    assert find_loop(graph) == ["factcheck.facts", "factcheck.facts.series", "factcheck.facts"]
