"""The plugin manager: the loaded plugins, their code registry, running their checks.

A plugin that cannot be imported, registered or run, or that returns what
factcheck cannot use, is recorded as a :class:`PluginFailure` and the run goes
on without it (the engine reports it as FC902 or FC903). Loading (entry points
one at a time, config-named modules) is :mod:`factcheck.plugin_loading`.
Every call into a plugin goes through :mod:`factcheck.plugin_calls`: its output goes to standard
error, ``SystemExit`` is a failure like any other, and hooks have a time limit.
What it returns is checked by :mod:`factcheck.plugin_validation`.
"""

from __future__ import annotations

import importlib.metadata
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import pluggy

from factcheck import hookspecs
from factcheck.model import CodeInfo, Finding
from factcheck.plugin_calls import HookCall, PluginCallFailed, PluginRaised, call_hooks
from factcheck.plugin_loading import ENGINE_NAME, Loader, PluginFailure, PluginManager
from factcheck.plugin_validation import InvalidResult, check_finding, short_repr

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.context import CheckContext

__all__ = [
    "ENGINE_NAME",
    "ENTRY_POINT_GROUP",
    "PluginFailure",
    "PluginInfo",
    "PluginSet",
    "format_plugin_table",
    "list_entry_points",
    "load_plugins",
]

ENTRY_POINT_GROUP = "factcheck"


@dataclass(frozen=True)
class PluginInfo:
    """One loaded plugin, as ``factcheck plugins`` shows it."""

    name: str
    version: str | None
    origin: str
    codes: tuple[str, ...]
    hooks: tuple[str, ...]


def list_entry_points() -> list[importlib.metadata.EntryPoint]:
    """The installed ``factcheck`` entry points (tests replace this function)."""
    return list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))


class PluginSet:
    """The registered plugins, the failures met loading them, and their codes."""

    def __init__(
        self,
        manager: pluggy.PluginManager,
        failures: list[PluginFailure],
        codes: dict[str, CodeInfo],
        code_owner: dict[str, str],
        origins: dict[str, str],
        versions: dict[str, str | None],
        timeout: float,
    ) -> None:
        self.manager = manager
        self.failures = failures
        self.codes = codes
        self.code_owner = code_owner
        self.timeout = timeout  # seconds a hook call may take
        self._origins = origins
        self._versions = versions
        # Plugins whose check overran once: calling them again would cost every
        # later draft the whole time limit, and leave one more thread behind.
        self._overran: set[str] = set()

    def describe(self) -> list[PluginInfo]:
        infos = []
        for name, plugin in self.manager.list_name_plugin():
            if plugin is None:  # a blocked name
                continue
            callers = self.manager.get_hookcallers(plugin) or []
            infos.append(
                PluginInfo(
                    name=name,
                    version=self._versions.get(name),
                    origin=self._origins.get(name, ""),
                    codes=tuple(sorted(c for c, o in self.code_owner.items() if o == name)),
                    hooks=tuple(sorted(caller.name for caller in callers)),
                )
            )
        return infos

    def run_checks(self, context: CheckContext) -> tuple[list[Finding], list[PluginFailure]]:
        """Call every ``factcheck_check`` on its own, so one failure spares the others."""
        findings: list[Finding] = []
        failures: list[PluginFailure] = []
        text_length = len(context.document.text)
        impls = self.manager.hook.factcheck_check.get_hookimpls()
        calls = [
            _check_call(impl.plugin_name, impl.function, impl.argnames, context)
            for impl in impls
            if impl.plugin_name not in self._overran
        ]
        outcomes = dict(
            zip((call.plugin for call in calls), call_hooks(calls, self.timeout), strict=True)
        )
        for impl in impls:
            name = impl.plugin_name
            if name not in outcomes:
                failures.append(self._failure(name, self._skipped_message()))
                continue
            failed = outcomes[name].failure
            if failed is not None:
                if not isinstance(failed, PluginRaised):
                    self._overran.add(name)
                failures.append(self._failure(name, _describe_failed_call(failed)))
                continue
            for item in cast("list[object]", outcomes[name].value):
                problem = self._problem_with(name, item, text_length)
                if problem is None:
                    findings.append(cast(Finding, item))
                    continue
                failure = self._failure(name, problem)
                if failure not in failures:  # one report per kind of mistake, not per finding
                    failures.append(failure)
        findings.sort(key=lambda f: (f.span.start, f.code))
        return findings, failures

    def _problem_with(self, name: str, item: object, text_length: int) -> str | None:
        if type(item) is not Finding:  # see plugin_validation: no subclasses
            return f"returned a {type(item).__name__}, not a Finding; it was dropped"
        try:
            check_finding(item, text_length)
        except InvalidResult as invalid:
            return f"returned an invalid finding: {invalid}; it was dropped"
        if self.code_owner.get(item.code) != name:
            return f"returned code {item.code!r}, which it did not declare; the finding was dropped"
        return None

    def _skipped_message(self) -> str:
        return (
            f"factcheck_check skipped: it did not return within {self.timeout:g} seconds "
            "on an earlier draft"
        )

    def _failure(self, name: str, message: str) -> PluginFailure:
        return PluginFailure(name, self._origins.get(name, ""), message)


def load_plugins(
    config: Config, *, include_entry_points: bool = True, extra: Sequence[object] = ()
) -> PluginSet:
    """Register entry points, the config's ``plugins`` and ``extra``; build the registry."""
    manager = PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for name in config.disable_plugins:
        manager.set_blocked(name)
    loader = Loader(manager)
    if include_entry_points:
        for entry_point in list_entry_points():
            loader.load_entry_point(entry_point)
    for spec in config.plugins:
        if spec.endswith(".py"):
            loader.load_path(config.root / spec)
        else:
            loader.load_module(spec)
    for obj in extra:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        loader.register(name, obj, getattr(obj, "__file__", None) or "Python API", None)
    loader.drop_unknown_hooks()
    codes, owner = loader.build_registry(config.plugin_timeout)
    return PluginSet(
        manager, loader.failures, codes, owner, loader.origins, loader.versions,
        config.plugin_timeout,
    )  # fmt: skip


def _check_call(
    name: str, function: Callable[..., object], argnames: Sequence[str], context: CheckContext
) -> HookCall:
    # pluggy lets an implementation take fewer arguments than the spec.
    args = [{"context": context}[arg] for arg in argnames]

    def check() -> list[object]:
        returned = function(*args)
        if returned is None:
            return []
        if not isinstance(returned, Iterable) or isinstance(returned, str | bytes | Finding):
            raise InvalidResult(
                f"factcheck_check must return or yield Findings, got {short_repr(returned)}"
            )
        # Inside the call: a generator's body runs only when it is iterated.
        return list(returned)

    return HookCall(name, "factcheck_check", check)


def _describe_failed_call(failed: PluginCallFailed) -> str:
    """What went wrong, and for an exception the plugin's file and line where it was raised."""
    if not isinstance(failed, PluginRaised):
        return str(failed)
    if isinstance(failed.error, InvalidResult):
        return str(failed.error)  # raised by factcheck on the plugin's behalf
    frames = traceback.extract_tb(failed.error.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{failed}{where}"


def format_plugin_table(infos: Sequence[PluginInfo]) -> str:
    """``name version (origin): codes``, then the hooks, one plugin after another."""
    if not infos:
        return "no plugins loaded"
    lines: list[str] = []
    for info in infos:
        head = " ".join(filter(None, [info.name, info.version, f"({info.origin})"]))
        lines.append(f"{head}: {', '.join(info.codes) or 'no codes'}")
        lines.append(f"    hooks: {', '.join(info.hooks) or 'none'}")
    return "\n".join(lines)
