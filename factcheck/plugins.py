"""The plugin manager: entry points one at a time, config-named modules, the code registry.

A plugin that cannot be imported, registered or run is recorded as a
:class:`PluginFailure` and the run goes on without it (the engine reports it
as FC902 or FC903). Only plugins that cannot work together, such as two that
declare the same code, stop the start-up with a :class:`PluginError`.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import re
import sys
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

import pluggy

from factcheck import hookspecs
from factcheck.engine_codes import ENGINE_CODES
from factcheck.errors import PluginError
from factcheck.model import CodeInfo, Finding

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.context import CheckContext

ENTRY_POINT_GROUP = "factcheck"
ENGINE_NAME = "factcheck"  # the owner of the FC9xx codes in ``code_owner``

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_ENGINE_HUNDRED = "FC9"


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
    ) -> None:
        self.manager = manager
        self.failures = failures
        self.codes = codes
        self.code_owner = code_owner
        self._origins = origins
        self._versions = versions

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
        """Call every ``factcheck_check`` on its own, so one crash spares the others."""
        findings: list[Finding] = []
        failures: list[PluginFailure] = []
        for impl in self.manager.hook.factcheck_check.get_hookimpls():
            name = impl.plugin_name
            try:
                # pluggy lets an implementation take fewer arguments than the spec.
                args = [{"context": context}[arg] for arg in impl.argnames]
                returned = list(cast("Iterable[object]", impl.function(*args) or ()))
            except Exception as exc:
                failures.append(self._failure(name, _describe_crash(exc)))
                continue
            for item in returned:
                if isinstance(item, Finding) and self.code_owner.get(item.code) == name:
                    findings.append(item)
                    continue
                failure = self._failure(name, _why_dropped(item))
                if failure not in failures:  # one report per kind of mistake, not per finding
                    failures.append(failure)
        findings.sort(key=lambda f: (f.span.start, f.code))
        return findings, failures

    def _failure(self, name: str, message: str) -> PluginFailure:
        return PluginFailure(name, self._origins.get(name, ""), message)


def load_plugins(
    config: Config, *, include_entry_points: bool = True, extra: Sequence[object] = ()
) -> PluginSet:
    """Register entry points, the config's ``plugins`` and ``extra``; build the registry."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
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
    codes, owner = loader.build_registry()
    return PluginSet(manager, loader.failures, codes, owner, loader.origins, loader.versions)


class _Loader:
    """Collects plugins, their origins and the failures met along the way."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
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
            plugin = entry_point.load()
        except Exception as exc:
            origin = ", ".join(filter(None, [package, entry_point.value]))
            self._fail(entry_point.name, origin, exc)
            return
        module = sys.modules.get(entry_point.module)
        where = getattr(module, "__file__", None) or entry_point.value
        self.register(entry_point.name, plugin, ", ".join(filter(None, [package, where])), version)

    def load_module(self, module_name: str) -> None:
        if self.manager.is_blocked(module_name):
            return
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            self._fail(module_name, f"module {module_name}", exc)
            return
        self.register(module_name, module, module.__file__ or module_name, _version_of(module))

    def load_path(self, path: Path) -> None:
        name = path.stem
        if self.manager.is_blocked(name):
            return
        try:
            module = _import_file(path, f"factcheck_local_plugins.{name}")
        except Exception as exc:
            self._fail(name, str(path), exc)
            return
        self.register(name, module, str(path), _version_of(module))

    def register(self, name: str, plugin: object, origin: str, version: str | None) -> None:
        try:
            registered = self.manager.register(plugin, name=name)
        except Exception as exc:
            # pluggy before 1.6 could leave a half-registered plugin behind.
            if self.manager.get_plugin(name) is plugin:
                self.manager.unregister(name=name)
            self._fail(name, origin, exc)
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

    def build_registry(self) -> tuple[dict[str, CodeInfo], dict[str, str]]:
        codes = {info.code: info for info in ENGINE_CODES}
        owner = dict.fromkeys(codes, ENGINE_NAME)
        for impl in self.manager.hook.factcheck_codes.get_hookimpls():
            name = impl.plugin_name
            try:
                declared = list(cast("Iterable[object]", impl.function()))
            except Exception as exc:
                # Without its codes every finding of the plugin would be dropped.
                self.manager.unregister(name=name)
                self._fail(name, self.origins.get(name, ""), exc)
                continue
            for item in declared:
                info = _checked_code(name, item)
                if info.code in owner:
                    raise PluginError(
                        f"code {info.code} is declared twice: by plugin "
                        f"{owner[info.code]!r} and by plugin {name!r}"
                    )
                codes[info.code] = info
                owner[info.code] = name
        return codes, owner

    def _fail(self, name: str, origin: str, exc: BaseException) -> None:
        self.failures.append(PluginFailure(name, origin, f"{type(exc).__name__}: {exc}"))


def _checked_code(plugin: str, info: object) -> CodeInfo:
    if not isinstance(info, CodeInfo):
        raise PluginError(f"plugin {plugin!r} declared {info!r}, which is not a CodeInfo")
    if not _CODE.match(info.code):
        raise PluginError(
            f"plugin {plugin!r} declared code {info.code!r}: a code is two capital "
            "letters and three digits, like 'FC101'"
        )
    if info.code.startswith(_ENGINE_HUNDRED):
        raise PluginError(
            f"plugin {plugin!r} declared code {info.code}: FC9xx is reserved for factcheck itself"
        )
    return info


def _why_dropped(item: object) -> str:
    if isinstance(item, Finding):
        return f"returned code {item.code!r}, which it did not declare; the finding was dropped"
    return f"returned a {type(item).__name__}, not a Finding; it was dropped"


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
    return version if isinstance(version, str) else None


def _describe_crash(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


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
