"""Each hook in factcheck/hookspecs.py, exercised through the real plugin manager.

The built-in checkers come in through their entry points, exactly as in a
run; small plugin objects are added through the ``extra`` argument.
tests/test_hook_docs.py requires a ``test_hook_<name>`` here for every hook.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from factcheck import hookimpl
from factcheck.config import Config, config_from_mapping
from factcheck.context import CheckContext
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Category, CodeInfo, Finding, Severity, Span
from factcheck.plugins import load_plugins

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

PROBE_CODE = CodeInfo("ZZ101", "probe", Category.NAME, Severity.INFO, "Marks the first word.")


class Probe:
    """A plugin that records what the hooks hand it and flags the first word."""

    __name__ = "probe"

    def __init__(self) -> None:
        self.contexts: list[CheckContext] = []

    @hookimpl
    def factcheck_codes(self) -> Sequence[CodeInfo]:
        return (PROBE_CODE,)

    @hookimpl
    def factcheck_check(self, context: CheckContext) -> Iterable[Finding]:
        self.contexts.append(context)
        end = context.document.text.index(" ")
        return [context.finding(PROBE_CODE.code, Span(0, end), "the first word")]


class Crashing:
    __name__ = "crashing"

    @hookimpl
    def factcheck_codes(self) -> Sequence[CodeInfo]:
        return (CodeInfo("ZZ201", "never", Category.NAME, Severity.ERROR, "Never shown."),)

    @hookimpl
    def factcheck_check(self, context: CheckContext) -> Iterable[Finding]:
        raise RuntimeError("checker bug")


def seeds_config(**extra: object) -> Config:
    return config_from_mapping(
        {"corpus": [str(SEEDS)], "cache": False, **extra}, source=None, root=REPO
    )


@pytest.fixture(scope="module")
def probe() -> Probe:
    return Probe()


@pytest.fixture(scope="module")
def engine(probe: Probe) -> Engine:
    """Built-ins from their entry points, plus the probe and a crashing plugin."""
    return Engine(seeds_config(), plugins=[probe, Crashing()])


def test_hook_factcheck_codes() -> None:
    plugin_set = load_plugins(seeds_config(), extra=[Probe()])
    declared = [info for result in plugin_set.manager.hook.factcheck_codes() for info in result]
    # Every implementation answers (not firstresult): the built-ins and the probe.
    assert {"FC101", "FC201", "FC301", "FC401", "FC501", "ZZ101"} <= {i.code for i in declared}
    assert all(isinstance(info, CodeInfo) for info in declared)
    # The registry holds each declaration once, with its owner; FC9xx is the engine's.
    assert plugin_set.codes["ZZ101"] is PROBE_CODE
    assert plugin_set.code_owner["ZZ101"] == "probe"
    assert plugin_set.code_owner["FC101"] == "names"
    assert plugin_set.code_owner["FC901"] == "factcheck"
    assert plugin_set.failures == []


def test_hook_factcheck_check(engine: Engine, probe: Probe) -> None:
    text = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"
    date = dt.date(2025, 8, 26)
    report = engine.check_document(document_from_text("draft.md", text), date=date)
    codes = [f.code for f in report.findings]
    # The built-in checker and the probe both ran on the same draft...
    assert "FC101" in codes and "ZZ101" in codes
    # ...and the crashing plugin cost only its own findings, reported as FC903.
    crash = [f for f in report.findings if f.code == "FC903"]
    assert len(crash) == 1 and "crashing" in crash[0].message and "checker bug" in crash[0].message
    (context,) = probe.contexts[-1:]
    assert context.date == date
    assert context.document.text == text
    assert context.corpus is engine.facts
    assert "ZZ101" in context.codes and "FC101" in context.codes
    located = next(f for f in report.findings if f.code == "ZZ101")
    assert (located.found, located.line, located.column) == ("His", 1, 1)


def test_check_hook_respects_the_configured_severity(probe: Probe) -> None:
    engine = Engine(seeds_config(severity={"ZZ101": "error"}), plugins=[probe])
    report = engine.check_document(document_from_text("draft.md", "Zhao Leji spoke.\n"))
    (finding,) = [f for f in report.findings if f.code == "ZZ101"]
    assert finding.severity is Severity.ERROR


class Exiting:
    __name__ = "exiting"

    @hookimpl
    def factcheck_check(self, context: CheckContext) -> Iterable[Finding]:
        raise SystemExit(0)


class Sleeping:
    __name__ = "sleeping"

    def __init__(self) -> None:
        self.release = threading.Event()  # lets the abandoned call end

    @hookimpl
    def factcheck_check(self, context: CheckContext) -> Iterable[Finding]:
        self.release.wait(60)
        return []


def test_check_hook_survives_exiting_and_sleeping_plugins(probe: Probe) -> None:
    sleeping = Sleeping()
    engine = Engine(seeds_config(**{"plugin-timeout": 0.2}), plugins=[probe, Exiting(), sleeping])
    text = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"
    report = engine.check_document(document_from_text("draft.md", text))
    codes = [f.code for f in report.findings]
    assert "FC101" in codes and "ZZ101" in codes
    failed = {f.message.split("'")[1]: f.message for f in report.findings if f.code == "FC903"}
    assert set(failed) == {"exiting", "sleeping"}
    assert "SystemExit: 0" in failed["exiting"]
    assert "did not return within 0.2 seconds" in failed["sleeping"]
    sleeping.release.set()
    for thread in threading.enumerate():
        if thread.name == "factcheck plugins":
            thread.join(5)
