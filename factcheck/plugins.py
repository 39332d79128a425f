"""The plugin manager: entry points one at a time, config-named modules, the code registry.

A plugin that cannot be imported, registered or run, or that returns what
factcheck cannot use, is recorded as a :class:`PluginFailure` and the run goes
on without it (the engine reports it as FC902 or FC903). Every call into a
plugin goes through :mod:`factcheck.plugin_calls`: its output goes to standard
error, ``SystemExit`` is a failure like any other, and hooks have a time limit.
What it returns is checked by :mod:`factcheck.plugin_validation`.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import inspect
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

import pluggy

from factcheck import hookspecs
from factcheck.engine_codes import ENGINE_CODES
from factcheck.model import CodeInfo, Finding
from factcheck.plugin_calls import PluginCallFailed, PluginRaised, call_hook, call_plugin
from factcheck.plugin_validation import InvalidResult, check_finding, checked_codes, short_repr

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.context import CheckContext

ENTRY_POINT_GROUP = "factcheck"
ENGINE_NAME = "factcheck"  # the owner of the FC9xx codes in ``code_owner``


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be loaded or that failed while checking."""

    plugin: str
    origin: str  # distribution and version, and the module's file, where known
    message: str  # the exception type and text


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
        for impl in self.manager.hook.factcheck_check.get_hookimpls():
            name = impl.plugin_name
            if name in self._overran:
                failures.append(self._failure(name, self._skipped_message()))
                continue
            try:
                returned = self._call_check(name, impl.function, impl.argnames, context)
            except PluginCallFailed as failed:
                if not isinstance(failed, PluginRaised):
                    self._overran.add(name)
                failures.append(self._failure(name, _describe_failed_call(failed)))
                continue
            for item in returned:
                problem = self._problem_with(name, item, text_length)
                if problem is None:
                    findings.append(cast(Finding, item))
                    continue
                failure = self._failure(name, problem)
                if failure not in failures:  # one report per kind of mistake, not per finding
                    failures.append(failure)
        findings.sort(key=lambda f: (f.span.start, f.code))
        return findings, failures

    def _call_check(
        self,
        name: str,
        function: Callable[..., object],
        argnames: Sequence[str],
        context: CheckContext,
    ) -> list[object]:
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

        return call_hook(name, "factcheck_check", check, self.timeout)

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
    manager = _PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for name in config.disable_plugins:
        manager.set_blocked(name)
    loader = _Loader(manager)
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


class _PluginManager(pluggy.PluginManager):
    """Takes every ``factcheck_*`` function as a hook implementation, marked or not.

    As pytest does with ``pytest_*``: a forgotten ``@hookimpl`` would leave the
    hook silently uncalled, and ``check_pending`` then catches a misspelt name
    whether it was marked or not.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        opts = super().parse_hookimpl_opts(plugin, name)
        if opts is not None or not name.startswith(f"{self.project_name}_"):
            return opts
        # Static lookup, as pluggy's: properties and descriptors are not run.
        if not inspect.isfunction(inspect.getattr_static(plugin, name, None)):
            return None
        return pluggy.HookimplOpts(
            wrapper=False,
            hookwrapper=False,
            optionalhook=False,
            tryfirst=False,
            trylast=False,
            specname=None,
        )


class _Loader:
    """Collects plugins, their origins and the failures met along the way."""

    def __init__(self, manager: _PluginManager) -> None:
        self.manager = manager
        self.failures: list[PluginFailure] = []
        self.origins: dict[str, str] = {}
        self.versions: dict[str, str | None] = {}

    def load_entry_point(self, entry_point: importlib.metadata.EntryPoint) -> None:
        if self.manager.is_blocked(entry_point.name):
            return  # blocked plugins are not even imported, as with pytest's -p no:NAME
        dist = getattr(entry_point, "dist", None)
        version = dist.version if dist is not None else None
        package = f"{dist.name} {version}" if dist is not None else ""
        try:
            plugin = call_plugin(entry_point.name, entry_point.load)
        except PluginRaised as raised:
            origin = ", ".join(filter(None, [package, entry_point.value]))
            self._fail(entry_point.name, origin, str(raised))
            return
        module = sys.modules.get(entry_point.module)
        where = getattr(module, "__file__", None) or entry_point.value
        self.register(entry_point.name, plugin, ", ".join(filter(None, [package, where])), version)

    def load_module(self, module_name: str) -> None:
        if self.manager.is_blocked(module_name):
            return
        try:
            module = call_plugin(module_name, lambda: importlib.import_module(module_name))
        except PluginRaised as raised:
            self._fail(module_name, f"module {module_name}", str(raised))
            return
        self.register(module_name, module, module.__file__ or module_name, _version_of(module))

    def load_path(self, path: Path) -> None:
        name = path.stem
        if self.manager.is_blocked(name):
            return
        try:
            module = call_plugin(
                name, lambda: _import_file(path, f"factcheck_local_plugins.{name}")
            )
        except PluginRaised as raised:
            self._fail(name, str(path), str(raised))
            return
        self.register(name, module, str(path), _version_of(module))

    def register(self, name: str, plugin: object, origin: str, version: str | None) -> None:
        try:
            # Registering reads the plugin's attributes, which can run its code.
            registered = call_plugin(name, lambda: self.manager.register(plugin, name=name))
        except PluginRaised as raised:
            # pluggy before 1.6 could leave a half-registered plugin behind.
            if self.manager.get_plugin(name) is plugin:
                self.manager.unregister(name=name)
            self._fail(name, origin, str(raised))
            return
        if registered is not None:
            self.origins[name] = origin
            self.versions[name] = version

    def drop_unknown_hooks(self) -> None:
        """A misspelt hook would never be called: report and unregister its plugin."""
        while True:
            try:
                self.manager.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self.manager.get_name(exc.plugin)
                if name is None:
                    raise  # not one of ours: nothing sensible to unregister
                self.manager.unregister(name=name)
                self.failures.append(PluginFailure(name, self.origins.get(name, ""), str(exc)))

    def build_registry(self, timeout: float) -> tuple[dict[str, CodeInfo], dict[str, str]]:
        """Every plugin's codes; a plugin whose declaration is unusable is disabled."""
        codes = {info.code: info for info in ENGINE_CODES}
        owner = dict.fromkeys(codes, ENGINE_NAME)
        for impl in self.manager.hook.factcheck_codes.get_hookimpls():
            name = impl.plugin_name
            try:
                declared = call_hook(name, "factcheck_codes", impl.function, timeout)
                infos = checked_codes(declared, owner)
            except PluginRaised as raised:
                problem = str(raised)
            except (PluginCallFailed, InvalidResult) as invalid:
                problem = str(invalid)
            else:
                codes.update((info.code, info) for info in infos)
                owner.update((info.code, name) for info in infos)
                continue
            # Without its codes every finding of the plugin would be dropped.
            self.manager.unregister(name=name)
            self._fail(name, self.origins.get(name, ""), f"{problem}; the plugin was disabled")
        return codes, owner

    def _fail(self, name: str, origin: str, message: str) -> None:
        self.failures.append(PluginFailure(name, origin, message))


def _import_file(path: Path, module_name: str) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"no plugin file {path}")
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    # In sys.modules during execution, as for a normal import (dataclasses need it).
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _version_of(module: ModuleType) -> str | None:
    version = getattr(module, "__version__", None)
    return version if type(version) is str else None


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
