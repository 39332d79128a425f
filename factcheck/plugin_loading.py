"""Loading plugins: entry points one at a time, config-named modules and files, objects.

Each plugin is imported and registered on its own, through
:func:`factcheck.plugin_calls.call_plugin`, so that one that raises or exits
is recorded as a :class:`PluginFailure` (FC902) and the others still load,
unlike pluggy's ``load_setuptools_entrypoints``, which stops at the first
broken entry point. Then each plugin's codes are read and checked into one
registry.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pluggy

from factcheck.engine_codes import ENGINE_CODES
from factcheck.model import CodeInfo
from factcheck.plugin_calls import (
    HookCall,
    PluginCallFailed,
    PluginRaised,
    call_hooks,
    call_plugin,
)
from factcheck.plugin_validation import InvalidResult, checked_codes

ENGINE_NAME = "factcheck"  # the owner of the FC9xx codes in ``code_owner``


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be loaded or that failed while checking."""

    plugin: str
    origin: str  # distribution and version, and the module's file, where known
    message: str  # the exception type and text


class PluginManager(pluggy.PluginManager):
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


class Loader:
    """Collects plugins, their origins and the failures met along the way."""

    def __init__(self, manager: PluginManager) -> None:
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
        calls = [
            HookCall(impl.plugin_name, "factcheck_codes", impl.function)
            for impl in self.manager.hook.factcheck_codes.get_hookimpls()
        ]
        for call, outcome in zip(calls, call_hooks(calls, timeout), strict=True):
            name = call.plugin
            try:
                if outcome.failure is not None:
                    raise outcome.failure
                infos = checked_codes(outcome.value, owner)
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
