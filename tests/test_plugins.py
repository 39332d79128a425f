from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from factcheck import plugins
from factcheck.config import Config, config_from_mapping
from factcheck.context import CheckContext
from factcheck.engine_codes import ENGINE_CODES
from factcheck.errors import PluginError
from factcheck.hookspecs import hookimpl
from factcheck.model import Analysis, Category, CodeInfo, Document, Finding, Severity
from factcheck.plugins import (
    ENTRY_POINT_GROUP,
    PluginInfo,
    PluginSet,
    format_plugin_table,
    load_plugins,
)

FIXTURES = Path(__file__).parent / "fixtures" / "plugins"
ENGINE = {info.code for info in ENGINE_CODES}


def config(*plugin_files: str, disable: Sequence[str] = ()) -> Config:
    data: dict[str, object] = {"plugins": list(plugin_files), "disable-plugins": list(disable)}
    return config_from_mapping(data, source=None, root=FIXTURES)


def load(*plugin_files: str, disable: Sequence[str] = ()) -> PluginSet:
    return load_plugins(config(*plugin_files, disable=disable), include_entry_points=False)


def context_for(plugin_set: PluginSet, text: str) -> CheckContext:
    document = Document(path="draft.md", text=text, prose=text, kind="md")
    analysis = Analysis(path="draft.md", sha256="", pipeline="", published=None)
    return CheckContext(
        document=document,
        analysis=analysis,
        date=None,
        corpus=cast(Any, None),  # CheckContext only stores it
        codes=plugin_set.codes,
    )


def code_info(code: str) -> CodeInfo:
    return CodeInfo(code, "test-code", Category.NAME, Severity.INFO, "A test code.")


class DeclaresCodes:
    """An in-memory plugin, registered through ``extra``."""

    def __init__(self, *codes: str) -> None:
        self.__name__ = f"declares-{'-'.join(codes)}"
        self.codes = codes

    @hookimpl
    def factcheck_codes(self) -> Sequence[CodeInfo]:
        return [code_info(code) for code in self.codes]


# --- loading ------------------------------------------------------------------


def test_engine_codes_are_always_registered() -> None:
    plugin_set = load()
    assert set(plugin_set.codes) == ENGINE
    assert all(plugin_set.code_owner[code] == plugins.ENGINE_NAME for code in ENGINE)
    assert plugin_set.failures == []


def test_path_plugin_is_loaded_with_its_codes() -> None:
    plugin_set = load("good_plugin.py")
    assert plugin_set.failures == []
    assert plugin_set.codes["XY101"].name == "misspelt-john"
    assert plugin_set.code_owner["XY101"] == "good_plugin"


def test_module_plugin_is_loaded_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(FIXTURES))
    plugin_set = load("second_plugin")
    assert plugin_set.code_owner["ZZ201"] == "second_plugin"


def test_broken_plugins_become_failures_and_the_rest_loads() -> None:
    plugin_set = load("broken_import.py", "missing_file.py", "good_plugin.py")
    assert "XY101" in plugin_set.codes
    failed = {failure.plugin: failure for failure in plugin_set.failures}
    assert set(failed) == {"broken_import", "missing_file"}
    assert failed["broken_import"].message == "RuntimeError: broken on purpose"
    assert failed["broken_import"].origin == str(FIXTURES / "broken_import.py")
    assert failed["missing_file"].message.startswith("FileNotFoundError: no plugin file")


def test_missing_module_is_a_failure() -> None:
    plugin_set = load("no_such_module_here")
    [failure] = plugin_set.failures
    assert failure.plugin == "no_such_module_here"
    assert failure.message.startswith("ModuleNotFoundError:")


def test_misspelt_hook_is_reported_and_its_plugin_unregistered() -> None:
    plugin_set = load("misspelt_hook.py", "good_plugin.py")
    [failure] = plugin_set.failures
    assert failure.plugin == "misspelt_hook"
    assert "factcheck_chek" in failure.message
    assert plugin_set.manager.get_plugin("misspelt_hook") is None
    assert plugin_set.manager.get_plugin("good_plugin") is not None


def test_disabled_plugin_is_neither_imported_nor_reported() -> None:
    plugin_set = load(
        "broken_import.py", "good_plugin.py", disable=["broken_import", "good_plugin"]
    )
    assert plugin_set.failures == []
    assert "XY101" not in plugin_set.codes
    assert plugin_set.describe() == []


def test_plugin_whose_codes_raise_is_a_failure_and_unregistered() -> None:
    plugin_set = load("raising_codes.py")
    [failure] = plugin_set.failures
    assert failure.plugin == "raising_codes"
    assert failure.message == "KeyError: 'no codes today'"
    assert plugin_set.manager.get_plugin("raising_codes") is None


def test_registering_the_same_name_twice_is_a_failure() -> None:
    plugin_set = load_plugins(
        config("good_plugin.py"),
        include_entry_points=False,
        extra=[SimpleNamespace(__name__="good_plugin")],
    )
    [failure] = plugin_set.failures
    assert failure.plugin == "good_plugin"
    assert failure.message.startswith("ValueError: Plugin name already registered")


# --- the code registry ---------------------------------------------------------


def test_code_declared_twice_names_both_plugins() -> None:
    with pytest.raises(PluginError) as caught:
        load("good_plugin.py", "duplicate_code.py")
    assert str(caught.value) == (
        "code XY101 is declared twice: by plugin 'good_plugin' and by plugin 'duplicate_code'"
    )


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("FC9001", "a code is two capital letters and three digits"),
        ("xy101", "a code is two capital letters and three digits"),
        ("FC950", "FC9xx is reserved"),
        ("FC901", "FC9xx is reserved"),
    ],
)
def test_bad_codes_stop_the_start_up(code: str, fragment: str) -> None:
    plugin = DeclaresCodes(code)
    with pytest.raises(PluginError, match=fragment) as caught:
        load_plugins(config(), include_entry_points=False, extra=[plugin])
    assert plugin.__name__ in str(caught.value)


def test_declaration_that_is_not_a_code_info_stops_the_start_up() -> None:
    class NotCodeInfo:
        @hookimpl
        def factcheck_codes(self) -> list[str]:
            return ["XY101"]

    with pytest.raises(PluginError, match="'XY101', which is not a CodeInfo"):
        load_plugins(config(), include_entry_points=False, extra=[NotCodeInfo()])


# --- entry points --------------------------------------------------------------


@dataclass
class FakeEntryPoint:
    """Stands in for an installed entry point, with its distribution."""

    name: str
    value: str
    dist: object = None

    @property
    def module(self) -> str:
        return self.value.split(":")[0]

    def load(self) -> object:
        return importlib.metadata.EntryPoint(self.name, self.value, ENTRY_POINT_GROUP).load()


def test_entry_points_load_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(FIXTURES))
    dist = SimpleNamespace(name="xy-checkers", version="1.2.3")
    points = [
        FakeEntryPoint("missing", "no_such_plugin_module", dist),
        FakeEntryPoint("good", "good_plugin", dist),
        FakeEntryPoint("blocked", "broken_import"),
        importlib.metadata.EntryPoint("second", "second_plugin", ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(plugins, "list_entry_points", lambda: points)
    plugin_set = load_plugins(config(disable=["blocked"]))

    [failure] = plugin_set.failures  # the missing one; the blocked one is not imported
    assert failure.plugin == "missing"
    assert failure.origin == "xy-checkers 1.2.3, no_such_plugin_module"
    assert failure.message.startswith("ModuleNotFoundError:")
    assert plugin_set.code_owner["XY101"] == "good"
    assert plugin_set.code_owner["ZZ201"] == "second"

    infos = {info.name: info for info in plugin_set.describe()}
    assert set(infos) == {"good", "second"}
    assert infos["good"] == PluginInfo(
        name="good",
        version="1.2.3",
        origin=f"xy-checkers 1.2.3, {FIXTURES / 'good_plugin.py'}",
        codes=("XY101",),
        hooks=("factcheck_check", "factcheck_codes"),
    )
    assert infos["second"].version is None
    assert infos["second"].origin == str(FIXTURES / "second_plugin.py")


def test_entry_points_are_skipped_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> list[importlib.metadata.EntryPoint]:
        raise AssertionError("entry points were listed")

    monkeypatch.setattr(plugins, "list_entry_points", fail)
    assert load_plugins(config(), include_entry_points=False).failures == []


def test_list_entry_points_reads_the_factcheck_group() -> None:
    assert all(point.group == ENTRY_POINT_GROUP for point in plugins.list_entry_points())


# --- running checks ------------------------------------------------------------


def test_findings_of_all_plugins_are_sorted_by_position() -> None:
    plugin_set = load("good_plugin.py", "second_plugin.py")
    findings, failures = plugin_set.run_checks(context_for(plugin_set, "Jonh was LOUD, Jonh"))
    assert failures == []
    assert [(f.code, f.span.start, f.found) for f in findings] == [
        ("XY101", 0, "Jonh"),
        ("ZZ201", 9, "LOUD"),
        ("XY101", 15, "Jonh"),
    ]
    assert findings[0].safe_fix is True


def test_a_crashing_check_is_reported_and_the_others_still_run() -> None:
    plugin_set = load("crashing_check.py", "good_plugin.py")
    findings, failures = plugin_set.run_checks(context_for(plugin_set, "Jonh"))
    assert [f.code for f in findings] == ["XY101"]
    [failure] = failures
    assert failure.plugin == "crashing_check"
    assert failure.origin == str(FIXTURES / "crashing_check.py")
    assert failure.message.startswith("ValueError: boom in draft.md (at ")
    assert failure.message.endswith(f"{FIXTURES / 'crashing_check.py'}:19)")


def test_undeclared_codes_and_non_findings_are_dropped_and_reported() -> None:
    plugin_set = load("good_plugin.py", "sloppy_plugin.py")
    findings, failures = plugin_set.run_checks(context_for(plugin_set, "no names here"))
    assert [f.code for f in findings] == ["SL101"]
    assert [(f.plugin, f.message) for f in failures] == [
        (
            "sloppy_plugin",
            "returned code 'XY101', which it did not declare; the finding was dropped",
        ),
        ("sloppy_plugin", "returned a str, not a Finding; it was dropped"),
    ]


def test_an_implementation_may_take_no_arguments_and_return_none() -> None:
    class Quiet:
        @hookimpl
        def factcheck_check(self) -> None:
            return None

    plugin_set = load_plugins(config(), include_entry_points=False, extra=[Quiet()])
    assert plugin_set.run_checks(context_for(plugin_set, "text")) == ([], [])


def test_findings_are_plain_findings() -> None:
    plugin_set = load("good_plugin.py")
    findings, _ = plugin_set.run_checks(context_for(plugin_set, "Jonh"))
    assert isinstance(findings[0], Finding)
    assert findings[0].expected == "John"


# --- the plugin table ----------------------------------------------------------


def test_plugin_table_lists_name_version_origin_codes_and_hooks() -> None:
    infos = [
        PluginInfo("names", "0.1.0", "factcheck 0.1.0, /x/names.py", ("FC101", "FC102"), ("a",)),
        PluginInfo("local", None, "/y/local.py", (), ()),
    ]
    assert format_plugin_table(infos) == (
        "names 0.1.0 (factcheck 0.1.0, /x/names.py): FC101, FC102\n"
        "    hooks: a\n"
        "local (/y/local.py): no codes\n"
        "    hooks: none"
    )
    assert format_plugin_table([]) == "no plugins loaded"
