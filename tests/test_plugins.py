from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from factcheck import plugin_validation, plugins
from factcheck.cli import main
from factcheck.config import Config, config_from_mapping
from factcheck.context import CheckContext
from factcheck.engine_codes import ENGINE_CODES
from factcheck.errors import ConfigError
from factcheck.hookspecs import hookimpl
from factcheck.model import Analysis, Category, CodeInfo, Document, Finding, Severity, Span
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


def test_hooks_are_found_by_name_without_the_marker_as_in_pytest() -> None:
    plugin_set = load("unmarked_hooks.py", "unmarked_misspelt_hook.py")
    assert plugin_set.code_owner["UM101"] == "unmarked_hooks"
    findings, _ = plugin_set.run_checks(context_for(plugin_set, "text"))
    assert [f.code for f in findings] == ["UM101"]
    [failure] = plugin_set.failures
    assert failure.plugin == "unmarked_misspelt_hook"
    assert "factcheck_chek" in failure.message


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
    assert failure.message == "KeyError: 'no codes today'; the plugin was disabled"
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


# --- misbehaving plugins -------------------------------------------------------


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    """Tests release their sleeping plugins; wait for the abandoned workers to end."""
    yield
    for thread in threading.enumerate():
        if thread.name == "factcheck plugins":
            thread.join(5)
            assert not thread.is_alive(), "a test left a plugin call running"


def load_with(*plugin_files: str, **settings: object) -> PluginSet:
    data: dict[str, object] = {"plugins": list(plugin_files), **settings}
    return load_plugins(
        config_from_mapping(data, source=None, root=FIXTURES), include_entry_points=False
    )


@pytest.fixture()
def small_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a one-file corpus, a draft and no plugins configured yet."""
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.txt").write_text("Vyacheslav Volodin arrived in Beijing.\n")
    (tmp_path / "draft.md").write_text("Volodin arrived in Beijing.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def configure(project: Path, *plugin_files: str) -> None:
    paths = ", ".join(f'"{FIXTURES / name}"' for name in plugin_files)
    (project / "factcheck.toml").write_text(
        f'corpus = ["archive"]\ncache = false\nplugins = [{paths}]\n'
    )


def test_plugin_prints_go_to_stderr_and_json_stays_valid(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(small_project, "noisy_plugin.py")
    assert main(["check", "--format", "json", "draft.md"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [f["code"] for f in data["findings"]] == ["NP101"]
    for line in ("noisy: imported", "noisy: declaring codes", "noisy: checking draft.md"):
        assert f"[plugin noisy_plugin] {line}\n" in captured.err


def test_sys_exit_in_a_plugin_is_reported_and_the_run_goes_on(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(small_project, "exits_on_import.py", "exits_in_check.py", "noisy_plugin.py")
    assert main(["check", "--format", "json", "draft.md"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_code = {f["code"]: f for f in findings}
    assert set(by_code) == {"FC902", "FC903", "NP101"}
    assert "plugin 'exits_on_import'" in by_code["FC902"]["message"]
    assert "SystemExit: 0" in by_code["FC902"]["message"]
    assert "plugin 'exits_in_check'" in by_code["FC903"]["message"]
    assert "SystemExit: 0" in by_code["FC903"]["message"]


def test_keyboard_interrupt_in_a_plugin_still_interrupts() -> None:
    class Interrupting:
        @hookimpl
        def factcheck_check(self) -> None:
            raise KeyboardInterrupt

    plugin_set = load_plugins(config(), include_entry_points=False, extra=[Interrupting()])
    with pytest.raises(KeyboardInterrupt):
        plugin_set.run_checks(context_for(plugin_set, "text"))


def test_ill_typed_findings_are_fc903_and_the_good_one_counts() -> None:
    plugin_set = load("ill_typed_findings.py")
    text = "Some words in a draft."
    findings, failures = plugin_set.run_checks(context_for(plugin_set, text))
    assert [(f.code, f.span) for f in findings] == [("IT101", Span(0, 4))]
    assert all(f.plugin == "ill_typed_findings" for f in failures)
    messages = [f.message for f in failures]
    for problem in (
        "span must be a Span, got (0, 4)",
        "code must be a str, got 101",
        "severity must be a Severity, got 'warning'",
        "message must be a str, got None",
        "evidence must be a tuple of Evidence, got [Evidence(",
        f"span 0..{len(text) + 5} is outside the draft, which has {len(text)} characters",
        "evidence[0].line must be an int, got '1'",
    ):
        assert any(problem in message for message in messages), problem
    assert len(messages) == 7
    assert all(m.startswith("returned an invalid finding: ") for m in messages)


def test_subclasses_of_the_model_records_are_refused() -> None:
    @dataclass(frozen=True)
    class MySpan(Span):
        pass

    @dataclass(frozen=True)
    class MyFinding(Finding):
        pass

    class Subclassing:
        __name__ = "subclassing"

        @hookimpl
        def factcheck_codes(self) -> Sequence[CodeInfo]:
            return [code_info("SU101")]

        @hookimpl
        def factcheck_check(self, context: CheckContext) -> list[Finding]:
            good = context.finding("SU101", Span(0, 1), "mine")
            mine = MyFinding(**{f.name: getattr(good, f.name) for f in fields(good)})
            return [good, mine, dataclasses.replace(good, span=MySpan(0, 1))]

    plugin_set = load_plugins(config(), include_entry_points=False, extra=[Subclassing()])
    findings, failures = plugin_set.run_checks(context_for(plugin_set, "text"))
    assert [f.span for f in findings if f.message == "mine"] == [Span(0, 1)]
    subclass, span = (f.message for f in failures)
    assert subclass == "returned a MyFinding, not a Finding; it was dropped"
    assert span.startswith("returned an invalid finding: span must be a Span, got ")
    assert span.endswith("MySpan(start=0, end=1); it was dropped")


def test_the_finding_check_covers_every_field_of_finding() -> None:
    assert set(plugin_validation.FINDING_FIELD_TYPES) == {f.name for f in fields(Finding)}


@pytest.mark.parametrize(
    ("returned", "shown"),
    [(5, "5"), ("XY101", "'XY101'"), (Finding, "<class 'factcheck.model.Finding'>")],
)
def test_a_check_that_returns_no_iterable_of_findings_is_fc903(
    returned: object, shown: str
) -> None:
    class ReturnsJunk:
        __name__ = "junk"

        @hookimpl
        def factcheck_check(self) -> object:
            return returned

    plugin_set = load_plugins(config(), include_entry_points=False, extra=[ReturnsJunk()])
    [failure] = plugin_set.run_checks(context_for(plugin_set, "text"))[1]
    assert failure.message == f"factcheck_check must return or yield Findings, got {shown}"


def test_a_check_that_returns_one_finding_instead_of_a_list_is_fc903() -> None:
    class ReturnsOne:
        __name__ = "one"

        @hookimpl
        def factcheck_check(self, context: CheckContext) -> object:
            return context.finding("XY101", Span(0, 1), "one")

    plugin_set = load_plugins(
        config("good_plugin.py"), include_entry_points=False, extra=[ReturnsOne()]
    )
    [failure] = plugin_set.run_checks(context_for(plugin_set, "text"))[1]
    assert failure.plugin == "one"
    assert failure.message.startswith("factcheck_check must return or yield Findings, got Finding(")


def test_a_sleeping_check_is_abandoned_after_the_time_limit() -> None:
    plugin_set = load_with("sleeping_check.py", "good_plugin.py", **{"plugin-timeout": 0.2})
    findings, failures = plugin_set.run_checks(context_for(plugin_set, "Jonh"))
    assert [f.code for f in findings] == ["XY101"]
    [failure] = failures
    assert failure.plugin == "sleeping_check"
    assert failure.message.startswith("factcheck_check did not return within 0.2 seconds")
    # Not called again: each draft would cost the whole time limit.
    _, failures = plugin_set.run_checks(context_for(plugin_set, "Jonh"))
    [failure] = failures
    assert "skipped" in failure.message
    sleeping = sys.modules["factcheck_local_plugins.sleeping_check"]
    assert sleeping.CALLS == ["draft.md"]
    sleeping.RELEASE.set()


@pytest.mark.parametrize("value", [0, -1, "30", True])
def test_plugin_timeout_must_be_a_positive_number(value: object) -> None:
    with pytest.raises(ConfigError, match="'plugin-timeout' must be a number of seconds"):
        config_from_mapping({"plugin-timeout": value}, source=None, root=FIXTURES)


class DeclaresAnything:
    """An in-memory plugin whose ``factcheck_codes`` returns whatever it is given."""

    def __init__(self, name: str, declared: object) -> None:
        self.__name__ = name
        self.declared = declared

    @hookimpl
    def factcheck_codes(self) -> object:
        return self.declared


@pytest.mark.parametrize(
    ("declared", "problem"),
    [
        ("XY101", "factcheck_codes must return a list of CodeInfo, got 'XY101'"),
        (None, "factcheck_codes must return a list of CodeInfo, got None"),
        (["XY101"], "declared 'XY101', which is not a CodeInfo"),
        ([code_info("xy101")], "declared code 'xy101': a code is two capital letters"),
        ([code_info("FC9001")], "declared code 'FC9001': a code is two capital letters"),
        ([code_info("FC950")], "declared code FC950: FC9xx is reserved"),
        ([code_info("FC901")], "declared code FC901: FC9xx is reserved"),
        ([code_info("GA101"), code_info("GA101")], "declared code GA101 twice"),
        (
            [CodeInfo("XY101", "n", "name", Severity.INFO, "s")],  # type: ignore[arg-type]
            "declared code XY101 whose category must be a Category, got 'name'",
        ),
    ],
)
def test_garbage_codes_disable_only_that_plugin(declared: object, problem: str) -> None:
    garbage = DeclaresAnything("garbage", declared)
    plugin_set = load_plugins(config("good_plugin.py"), include_entry_points=False, extra=[garbage])
    [failure] = plugin_set.failures
    assert failure.plugin == "garbage"
    assert problem in failure.message
    assert failure.message.endswith("; the plugin was disabled")
    assert plugin_set.manager.get_plugin("garbage") is None
    assert plugin_set.code_owner["XY101"] == "good_plugin"
    assert "xy101" not in plugin_set.codes


def test_code_declared_twice_disables_the_second_plugin_naming_both() -> None:
    plugin_set = load("good_plugin.py", "duplicate_code.py")
    [failure] = plugin_set.failures
    assert failure.plugin == "duplicate_code"
    assert failure.message == (
        "declared code XY101, which plugin 'good_plugin' declared already; the plugin was disabled"
    )
    assert plugin_set.code_owner["XY101"] == "good_plugin"
    assert plugin_set.codes["XY101"].name == "misspelt-john"
    assert plugin_set.manager.get_plugin("duplicate_code") is None


def test_a_plugin_with_one_bad_code_registers_none_of_its_codes() -> None:
    plugin = DeclaresAnything("half", [code_info("HA101"), code_info("bad")])
    plugin_set = load_plugins(config(), include_entry_points=False, extra=[plugin])
    assert "HA101" not in plugin_set.codes
    assert [f.plugin for f in plugin_set.failures] == ["half"]


def test_a_sleeping_codes_hook_is_abandoned() -> None:
    release = threading.Event()

    class Sleepy:
        __name__ = "sleepy"

        @hookimpl
        def factcheck_codes(self) -> Sequence[CodeInfo]:
            release.wait(60)
            return []

    data = {"plugin-timeout": 0.2}
    plugin_set = load_plugins(
        config_from_mapping(data, source=None, root=FIXTURES),
        include_entry_points=False,
        extra=[Sleepy()],
    )
    [failure] = plugin_set.failures
    assert failure.plugin == "sleepy"
    assert failure.message.startswith("factcheck_codes did not return within 0.2 seconds")
    assert plugin_set.manager.get_plugin("sleepy") is None
    release.set()


def test_an_abandoned_call_that_prints_later_still_prints_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    woke = threading.Event()

    class LatePrinter:
        __name__ = "late"

        @hookimpl
        def factcheck_check(self) -> None:
            time.sleep(0.3)
            print("late: awake")
            woke.set()

    data = {"plugin-timeout": 0.05}
    plugin_set = load_plugins(
        config_from_mapping(data, source=None, root=FIXTURES),
        include_entry_points=False,
        extra=[LatePrinter()],
    )
    real_stdout = sys.stdout
    [failure] = plugin_set.run_checks(context_for(plugin_set, "text"))[1]
    assert "did not return within 0.05 seconds" in failure.message
    assert sys.stdout is not real_stdout  # the abandoned call may still print
    print("factcheck's own output")
    assert woke.wait(5)
    # The abandoned call has returned: the real stdout comes back by itself.
    for _ in range(500):
        if sys.stdout is real_stdout:
            break
        time.sleep(0.01)
    assert sys.stdout is real_stdout
    captured = capsys.readouterr()
    assert captured.out == "factcheck's own output\n"
    assert "[plugin late] late: awake\n" in captured.err
