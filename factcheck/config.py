"""Configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Discovery walks up from a folder; validation is shared by files and the
Python API (:func:`config_from_mapping`), so a mistake gets the same message
wherever it was made: the file, the key and what was expected.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import fnmatch
import os
import re
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from factcheck.context import CheckOptions
from factcheck.documents import AUTO_ENCODING, read_regular_file
from factcheck.errors import ConfigError, InputError
from factcheck.model import Severity
from factcheck.nlp.language_data import LIST_NAMES, Vocabulary, shipped_vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = "factcheck.toml"
PYPROJECT_FILE = "pyproject.toml"
DEFAULT_CACHE_DIR = ".factcheck_cache"
# Folders a walk never enters unless ``exclude`` says otherwise: ruff's list, as
# gitignore-style patterns, with our cache. Hidden folders are skipped anyway.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox",
    ".pants.d", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", "__pypackages__",
    "_build", "buck-out", "build", "dist", "node_modules", "site-packages", "venv",
    DEFAULT_CACHE_DIR,
)  # fmt: skip

# "FC", "FC1", "FC10", "FC101": two capitals, then up to the three digits of a code.
_CODE_PREFIX = re.compile(r"^[A-Z]{2}\d{0,3}$")


@dataclass(frozen=True)
class Config:
    """A validated configuration; paths are absolute."""

    source: Path | None
    root: Path
    corpus: tuple[str, ...] = ()
    model: str | None = None
    # The empty prefix selects every code, third-party plugins' codes included.
    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    # A read-only mapping, left out of the hash so that a Config stays hashable.
    severity: Mapping[str, Severity] = field(default_factory=dict, hash=False)
    name_threshold: float = 85.0
    plugins: tuple[str, ...] = ()
    disable_plugins: tuple[str, ...] = ()
    plugin_timeout: float = 30.0  # seconds one plugin hook call may take
    cache_dir: Path = Path(DEFAULT_CACHE_DIR)
    cache_enabled: bool = True
    # Corpus documents a draft is checked against at most, found by the fact index.
    retrieval_limit: int = 100
    # Tokens those documents hold together at most (the best one is taken whatever
    # its length): what bounds a check's fact work against a large archive.
    retrieval_words: int = 20_000
    # Whether a check lists and stats the corpus to bring the fact index in line
    # first; false: it trusts the index as `factcheck index` (or the server) left it.
    sync_on_check: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    accepted_spellings: frozenset[str] = frozenset()
    # organisation -> parent organisation, in the file's order (a tuple: hashable).
    organisation_parents: tuple[tuple[str, str], ...] = ()
    # "auto": UTF-8, else detected; any other value is a codec name that forces it.
    encoding: str = AUTO_ENCODING
    # Gitignore-style patterns, relative to ``root``, for drafts found by a walk.
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    # Entries added to the shipped word lists, as (list name, lower-cased
    # entries) in list-name order: a tuple, so a Config stays hashable.
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (key, prefix) pairs given on the command line, so that an error about a
    # prefix names the option rather than the file.
    command_line: frozenset[tuple[str, str]] = frozenset()

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields changed, for command-line overrides."""
        return dataclasses.replace(self, **changes)

    def is_selected(self, code: str) -> bool:
        """Like ruff: the longest matching prefix decides; on a tie, ignore wins."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def configured_severity(self, code: str) -> Severity | None:
        """The severity of the most specific configured prefix of ``code``, if any."""
        matching = [prefix for prefix in self.severity if code.startswith(prefix)]
        return self.severity[max(matching, key=len)] if matching else None

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of the most specific matching prefix, else ``default``."""
        configured = self.configured_severity(code)
        return default if configured is None else configured

    def ignored_for_path(self, code: str, path: str) -> bool:
        """True when a ``per-file-ignores`` glob matching ``path`` covers ``code``."""
        candidates = {Path(path).as_posix(), *self._relative_to_root(path)}
        for pattern, prefixes in self.per_file_ignores:
            if any(fnmatch.fnmatch(c, pattern) for c in candidates) and any(
                code.startswith(p) for p in prefixes
            ):
                return True
        return False

    def corpus_paths(self) -> tuple[str, ...]:
        """Corpus entries (files, folders, globs) resolved against the config folder."""
        return tuple(os.path.join(self.root, os.path.expanduser(e)) for e in self.corpus)

    def exclusions(self) -> tuple[str, ...]:
        """Every exclusion pattern: ``exclude`` (or the defaults) and ``extend-exclude``."""
        return self.exclude + self.extend_exclude

    def language_vocabulary(self) -> Vocabulary:
        """The shipped word lists with this configuration's entries added."""
        return shipped_vocabulary().extended(dict(self.vocabulary))

    def check_options(self) -> CheckOptions:
        return CheckOptions(
            name_threshold=self.name_threshold,
            accepted_spellings=self.accepted_spellings,
            organisation_parents=self.organisation_parents,
        )

    def _relative_to_root(self, path: str) -> list[str]:
        # Drafts are named relative to the working folder, globs relative to the
        # config folder; symlinks (macOS /tmp) make both spellings worth trying.
        absolute = Path(os.path.abspath(path))
        found = []
        for candidate, root in ((absolute, self.root), (absolute.resolve(), self.root.resolve())):
            try:
                found.append(candidate.relative_to(root).as_posix())
            except ValueError:
                continue
        return found


def find_config_file(start: Path) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with ``[tool.factcheck]``."""
    start = start.absolute()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        pyproject = candidate / PYPROJECT_FILE
        if pyproject.is_file() and _has_factcheck_table(pyproject):
            return pyproject
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read ``path``, or the file found from ``start`` (default: the working folder)."""
    if path is None:
        start = (start or Path.cwd()).absolute()
        path = find_config_file(start)
        if path is None:
            return config_from_mapping({}, source=None, root=start)
    path = path.absolute()
    document = _read_toml(path)
    if path.name == PYPROJECT_FILE:
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table, got {tool!r}")
        table = tool.get("factcheck")
        if table is None:
            raise ConfigError(f"{path}: no [tool.factcheck] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.factcheck] must be a table")
        document = table
    return config_from_mapping(document, source=path, root=path.parent)


class NearestConfigs:
    """The configuration nearest to each file, as ruff finds it: upwards from the file's folder.

    Each folder is looked up once and each configuration file read once, so
    checking many drafts costs one walk up per folder, not per draft. Drafts
    with no configuration above them get ``fallback`` (that of the working
    folder, or the defaults). ``adjust`` applies the command line's overrides
    to each configuration read.
    """

    def __init__(self, fallback: Config, adjust: Callable[[Config], Config] | None = None) -> None:
        self._fallback = fallback
        self._adjust = adjust
        self._by_folder: dict[Path, Path | None] = {}
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        absolute = Path(os.path.abspath(path))
        folder = absolute if absolute.is_dir() else absolute.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config_file(folder)
        found = self._by_folder[folder]
        if found is None:
            return self._fallback
        if found not in self._by_file:
            if found == self._fallback.source:
                self._by_file[found] = self._fallback
            else:
                loaded = load_config(found)
                self._by_file[found] = self._adjust(loaded) if self._adjust else loaded
        return self._by_file[found]


def config_from_mapping(data: Mapping[str, object], *, source: Path | None, root: Path) -> Config:
    """Validate settings (kebab-case keys, as in the file) into a :class:`Config`."""
    root = root.absolute()
    check = _Checker(source)
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), list(_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise check.error(f"unknown key {key!r}{hint}")
        field_name, read = _KEYS[key]
        settings[field_name] = read(check, key, value)
    cache_dir = Path(os.path.expanduser(settings.pop("cache_dir", DEFAULT_CACHE_DIR)))
    model = settings.pop("model", None)
    if model is not None and _looks_like_path(model):
        # A model folder next to the config must work from any subfolder.
        model = str(root / model)
    return Config(source=source, root=root, cache_dir=root / cache_dir, model=model, **settings)


# --- reading files ------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    text = _read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


def _read_config_text(path: Path) -> str:
    # The same guarded read as documents: a FIFO or a device never blocks the run.
    try:
        data = read_regular_file(str(path), str(path))
    except InputError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.problem}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None


def _has_factcheck_table(pyproject: Path) -> bool:
    # Skip the parse for the many pyproject.toml files that never mention us, so
    # that an unrelated broken one above the project does not stop discovery.
    try:
        if b"factcheck" not in read_regular_file(str(pyproject), str(pyproject)):
            return False
    except InputError:
        return False
    tool = _read_toml(pyproject).get("tool", {})
    return isinstance(tool, dict) and "factcheck" in tool


def _looks_like_path(model: str) -> bool:
    return model.startswith(".") or "/" in model or os.sep in model


# --- validation ---------------------------------------------------------------


class _Checker:
    """Builds error messages that name the file (and the table) of a setting."""

    def __init__(self, source: Path | None) -> None:
        self.option = False
        if source is None:
            self.where = "configuration:"
        elif source.name == PYPROJECT_FILE:
            self.where = f"{source}: [tool.factcheck]"
        else:
            self.where = f"{source}:"

    @classmethod
    def for_option(cls, option: str) -> _Checker:
        """Errors about a command-line option name it in place of a file and key."""
        checker = cls(None)
        checker.where = f"{option}:"
        checker.option = True
        return checker

    def error(self, problem: str) -> ConfigError:
        return ConfigError(f"{self.where} {problem}")

    def key_error(self, key: str, problem: str) -> ConfigError:
        return self.error(problem if self.option else f"{key!r}: {problem}")


def _strings(check: _Checker, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise check.error(f"{key!r} must be a list of strings, got {value!r}")
    for item in value:
        if not isinstance(item, str):
            raise check.error(f"{key!r} must be a list of strings, got {item!r} in it")
    return tuple(value)


def _prefixes(check: _Checker, key: str, value: object) -> tuple[str, ...]:
    return _split_prefixes(check, key, _strings(check, key, value))


def code_prefixes(values: Iterable[str], *, option: str) -> tuple[str, ...]:
    """Code prefixes given to a command-line ``option`` such as ``--select``.

    Validated exactly as the configuration's ``select``: each value may be a
    comma list ("FC1,FC4"), and a prefix is written in capitals, as codes are.
    """
    return _split_prefixes(_Checker.for_option(option), option.lstrip("-"), values)


def _split_prefixes(check: _Checker, key: str, values: Iterable[str]) -> tuple[str, ...]:
    prefixes: list[str] = []
    for value in values:
        for item in value.split(","):
            prefix = item.strip()
            _check_prefix(check, key, prefix)
            prefixes.append(prefix)
    return tuple(prefixes)


def _check_prefix(check: _Checker, key: str, prefix: str) -> None:
    if _CODE_PREFIX.match(prefix):
        return
    # Lower case is refused rather than folded: codes are capitals everywhere
    # (findings, suppression comments), and "fc1" silently working here but
    # not in a comment would be a trap.
    hint = (
        f"; codes are in capitals: {prefix.upper()!r}" if _CODE_PREFIX.match(prefix.upper()) else ""
    )
    raise check.key_error(
        key, f"{prefix!r} is not a code or code prefix like 'FC', 'FC1' or 'FC101'{hint}"
    )


def check_known_prefixes(config: Config, codes: Collection[str]) -> None:
    """Every configured prefix must start some registered code: a typo selects nothing.

    Called once the plugins are loaded, since third-party plugins bring codes.
    """
    given: list[tuple[str, str]] = [("select", p) for p in config.select if p]
    given += [("ignore", p) for p in config.ignore]
    given += [("severity", p) for p in config.severity]
    given += [
        (f"per-file-ignores.{glob}", p)
        for glob, prefixes in config.per_file_ignores
        for p in prefixes
    ]
    for key, prefix in given:
        if any(code.startswith(prefix) for code in codes):
            continue
        if (key, prefix) in config.command_line:
            check = _Checker.for_option(f"--{key}")
        else:
            check = _Checker(config.source)
        known = ", ".join(sorted({f"{code[:3]}xx" for code in codes}))
        raise check.key_error(
            key, f"no registered code starts with {prefix!r} (the codes are {known})"
        )


def _table(check: _Checker, key: str, value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise check.error(f"{key!r} must be a table, got {value!r}")
    return value


def _severities(check: _Checker, key: str, value: object) -> Mapping[str, Severity]:
    chosen: dict[str, Severity] = {}
    for prefix, level in _table(check, key, value).items():
        _check_prefix(check, key, prefix)
        if level not in [s.value for s in Severity]:
            raise check.error(
                f"{key!r}: {prefix!r} must be 'error', 'warning' or 'info', got {level!r}"
            )
        chosen[prefix] = Severity(level)
    return MappingProxyType(chosen)


def _per_file_ignores(
    check: _Checker, key: str, value: object
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (glob, _prefixes(check, f"{key}.{glob}", prefixes))
        for glob, prefixes in _table(check, key, value).items()
    )


def _threshold(check: _Checker, key: str, value: object) -> float:
    # bool is an int in Python; "true" is not a threshold.
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise check.error(f"{key!r} must be a number from 0 to 100, got {value!r}")
    return float(value)


def _boolean(check: _Checker, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise check.error(f"{key!r} must be true or false, got {value!r}")
    return value


def _string(check: _Checker, key: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise check.error(f"{key!r} must be a non-empty string, got {value!r}")
    return value


def _string_set(check: _Checker, key: str, value: object) -> frozenset[str]:
    return frozenset(_strings(check, key, value))


def _organisation_parents(check: _Checker, key: str, value: object) -> tuple[tuple[str, str], ...]:
    pairs = []
    for child, parent in _table(check, key, value).items():
        if not child.strip():
            raise check.error(f"{key!r}: an organisation name must not be empty")
        if not isinstance(parent, str) or not parent.strip():
            raise check.error(
                f"{key!r}: {child!r} must name its parent organisation, got {parent!r}"
            )
        # A body is not its own parent: almost certainly a slip in the table.
        if " ".join(child.split()).lower() == " ".join(parent.split()).lower():
            raise check.error(f"{key!r}: {child!r} cannot be its own parent")
        pairs.append((child, parent))
    return tuple(pairs)


def _seconds(check: _Checker, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise check.error(f"{key!r} must be a number of seconds above 0, got {value!r}")
    return float(value)


def _positive_integer(check: _Checker, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise check.error(f"{key!r} must be a whole number of 1 or more, got {value!r}")
    return value


def _encoding(check: _Checker, key: str, value: object) -> str:
    name = _string(check, key, value)
    if name == AUTO_ENCODING:
        return name
    try:
        # Both directions: "base64" and "rot13" are codecs, but not text encodings.
        "".encode(name)
        b"".decode(name)
        return codecs.lookup(name).name
    except LookupError:
        raise check.error(
            f'{key!r}: {name!r} is not a known text encoding (use "auto" or a codec '
            'name such as "utf-8" or "cp1252")'
        ) from None


def _patterns(check: _Checker, key: str, value: object) -> tuple[str, ...]:
    patterns = _strings(check, key, value)
    for pattern in patterns:
        if not pattern.strip():
            raise check.error(f"{key!r}: a pattern must not be empty")
    return patterns


def _vocabulary(
    check: _Checker, key: str, value: object
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    lists: dict[str, tuple[str, ...]] = {}
    for name, words in _table(check, key, value).items():
        if name not in LIST_NAMES:
            close = difflib.get_close_matches(str(name), list(LIST_NAMES), n=1)
            hint = (
                f"did you mean {close[0]!r}?" if close else f"the lists are {', '.join(LIST_NAMES)}"
            )
            raise check.error(f"{key!r}: unknown word list {name!r} ({hint})")
        entries = _strings(check, f"{key}.{name}", words)
        for entry in entries:
            # One entry is one token of the text: "Knesset", not "the Knesset".
            if not entry.strip() or entry != entry.strip() or " " in entry:
                raise check.error(
                    f"{key}.{name!r}: an entry must be one word without spaces, got {entry!r}"
                )
        lists[name] = tuple(sorted({entry.lower() for entry in entries}))
    return tuple(sorted(lists.items()))


_Reader = Callable[[_Checker, str, object], Any]

# TOML key -> (Config field, reader). cache-dir and model are made absolute later.
_KEYS: dict[str, tuple[str, _Reader]] = {
    "corpus": ("corpus", _strings),
    "model": ("model", _string),
    "select": ("select", _prefixes),
    "ignore": ("ignore", _prefixes),
    "severity": ("severity", _severities),
    "name-threshold": ("name_threshold", _threshold),
    "plugins": ("plugins", _strings),
    "disable-plugins": ("disable_plugins", _strings),
    "plugin-timeout": ("plugin_timeout", _seconds),
    "cache-dir": ("cache_dir", _string),
    "cache": ("cache_enabled", _boolean),
    "retrieval-limit": ("retrieval_limit", _positive_integer),
    "retrieval-words": ("retrieval_words", _positive_integer),
    "sync-on-check": ("sync_on_check", _boolean),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "accepted-spellings": ("accepted_spellings", _string_set),
    "organisation-parents": ("organisation_parents", _organisation_parents),
    "encoding": ("encoding", _encoding),
    "exclude": ("exclude", _patterns),
    "extend-exclude": ("extend_exclude", _patterns),
    "vocabulary": ("vocabulary", _vocabulary),
}
