"""Errors that end a run with a clear message, and the exit codes."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  # no error or warning finding
    FINDINGS = 1  # at least one error or warning finding
    USAGE = 2  # usage, configuration or input error
    INTERNAL = 3  # a bug in factcheck


class FactcheckError(Exception):
    """An error the user can fix; its message is printed as it is."""

    exit_code: ExitCode = ExitCode.USAGE


class ConfigError(FactcheckError):
    """The configuration file is wrong: the message names the file and the key."""


class InputError(FactcheckError):
    """A corpus file or a draft cannot be read: the message names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class PluginError(FactcheckError):
    """The plugins cannot work together (a code declared twice, a bad code)."""
