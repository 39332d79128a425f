"""docs/hooks.md and the tests against factcheck/hookspecs.py, as datasette does.

Every hook must be documented under its exact signature, and every hook must
have a ``test_hook_<name>`` somewhere under tests/.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import hookspecs

REPO = Path(__file__).resolve().parent.parent
HOOKS_DOC = REPO / "docs" / "hooks.md"
TESTS = Path(__file__).resolve().parent


def hooks() -> dict[str, Callable[..., object]]:
    """The hook specs: the functions of hookspecs.py that pluggy marks as specs."""
    marker = f"{hookspecs.PROJECT_NAME}_spec"
    return {
        name: function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, marker)
    }


def signature(function: Callable[..., object]) -> str:
    """``name(arg: Type) -> Return`` as written in the source.

    hookspecs.py uses ``from __future__ import annotations``, so annotations
    are the source strings; they are shown as they are, never evaluated.
    """
    spec = inspect.signature(function)
    params = ", ".join(
        f"{p.name}: {p.annotation}" if p.annotation is not inspect.Parameter.empty else p.name
        for p in spec.parameters.values()
    )
    returned = spec.return_annotation
    arrow = "" if returned is inspect.Signature.empty else f" -> {returned}"
    return f"{function.__name__}({params}){arrow}"


def documented() -> set[str]:
    text = HOOKS_DOC.read_text(encoding="utf-8")
    return set(re.findall(r"^## `(.+)`$", text, flags=re.MULTILINE))


HOOKS = hooks()


def test_hooks_are_found() -> None:
    # Guards the parametrised tests: no hooks found would make them vacuous.
    assert {"factcheck_codes", "factcheck_check"} <= set(HOOKS)


def test_signature_is_written_as_in_the_source() -> None:
    assert signature(HOOKS["factcheck_check"]) == (
        "factcheck_check(context: CheckContext) -> Iterable[Finding]"
    )


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_hook_is_documented_under_its_signature(name: str) -> None:
    expected = signature(HOOKS[name])
    assert expected in documented(), f"docs/hooks.md needs a section '## `{expected}`'"


def test_hooks_doc_documents_only_real_hooks() -> None:
    real = {signature(function) for function in HOOKS.values()}
    assert documented() <= real


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_hook_has_a_test(name: str) -> None:
    pattern = re.compile(rf"^\s*def test_hook_{name}\b", re.MULTILINE)
    found = [
        path.name
        for path in TESTS.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found, f"no test_hook_{name} under tests/"
