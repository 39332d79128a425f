"""Which drafts a folder walk leaves out: ``exclude`` patterns, ``.gitignore``, the corpus.

Patterns are gitignore-style (pathspec's :class:`GitIgnoreSpec`, which matches
as git does), each relative to the folder of the file that states it: the
configuration's folder for ``exclude`` and ``extend-exclude``, the
``.gitignore``'s own folder for its lines. The corpus is never checked as
drafts: a walk skips every configured corpus file and folder.

Only what a walk or a glob finds is filtered; a file named on the command
line is always checked, as in ruff, unless ``--force-exclude``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pathspec import GitIgnoreSpec

from factcheck.config import Config
from factcheck.documents import read_regular_file
from factcheck.errors import InputError
from factcheck.sources import expand_paths

GITIGNORE = ".gitignore"
_REPOSITORY_MARKER = ".git"


class DraftExclusions:
    """``excluded(path, is_dir)``: whether a walk should leave ``path`` out.

    ``config_for`` gives the configuration that governs a path (the nearest
    one, or the one given with ``--config``). Every configuration's patterns,
    every ``.gitignore`` and every corpus is read once.

    ``inherited`` says whether a path inside an excluded folder is excluded
    with it. ``--force-exclude`` asks so of the paths it is given. A walk asks
    the other question of each entry it meets (``walk_skip``): it has already
    left out the excluded folders below where it started, so an excluded
    folder above an entry is the folder the user named, walked on purpose
    (``factcheck check build`` checks build/, as ruff does).
    """

    def __init__(
        self, config_for: Callable[[Path], Config], *, respect_gitignore: bool = True
    ) -> None:
        self._config_for = config_for
        self._respect_gitignore = respect_gitignore
        self._specs: dict[tuple[Path | None, Path, tuple[str, ...]], GitIgnoreSpec] = {}
        self._corpora: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
        self._gitignores: dict[str, tuple[tuple[str, GitIgnoreSpec], ...]] = {}

    def excluded(self, path: Path, *, is_dir: bool = False, inherited: bool = True) -> bool:
        absolute = os.path.abspath(path)
        config = self._config_for(Path(absolute))
        return (
            self._by_config(config, absolute, is_dir, inherited)
            or self._in_corpus(config, absolute, inherited)
            or (self._respect_gitignore and self._by_gitignore(absolute, is_dir, inherited))
        )

    def walk_skip(self, path: Path, is_dir: bool) -> bool:
        """For :func:`factcheck.sources.expand_paths`: an entry a walk meets."""
        return self.excluded(path, is_dir=is_dir, inherited=False)

    # --- exclude / extend-exclude ----------------------------------------------------

    def _by_config(self, config: Config, absolute: str, is_dir: bool, inherited: bool) -> bool:
        key = (config.source, config.root, config.exclusions())
        if key not in self._specs:
            self._specs[key] = GitIgnoreSpec.from_lines(config.exclusions())
        return _matches(self._specs[key], os.fspath(config.root), absolute, is_dir, inherited)

    # --- the corpus ----------------------------------------------------------------

    def _in_corpus(self, config: Config, absolute: str, inherited: bool) -> bool:
        files, folders = self._corpus(config)
        real = os.path.realpath(absolute)
        if real in files or real in folders:
            return True
        return inherited and any(parent in folders for parent in _parents(real))

    def _corpus(self, config: Config) -> tuple[frozenset[str], frozenset[str]]:
        entries = config.corpus_paths()
        if entries not in self._corpora:
            files: set[str] = set()
            folders: set[str] = set()
            for entry in entries:
                if os.path.isdir(entry):
                    folders.add(os.path.realpath(entry))
                elif os.path.isfile(entry):
                    files.add(os.path.realpath(entry))
                else:
                    files.update(_glob_files(entry))
            self._corpora[entries] = (frozenset(files), frozenset(folders))
        return self._corpora[entries]

    # --- .gitignore ------------------------------------------------------------------

    def _by_gitignore(self, absolute: str, is_dir: bool, inherited: bool) -> bool:
        for folder, spec in self._gitignore_chain(os.path.dirname(absolute)):
            if _matches(spec, folder, absolute, is_dir, inherited):
                return True
        return False

    def _gitignore_chain(self, folder: str) -> tuple[tuple[str, GitIgnoreSpec], ...]:
        """The ``.gitignore`` files that govern ``folder``: its own and its parents',
        up to the repository's top (the folder holding ``.git``)."""
        if folder in self._gitignores:
            return self._gitignores[folder]
        parent = os.path.dirname(folder)
        at_top = parent == folder or os.path.exists(os.path.join(folder, _REPOSITORY_MARKER))
        chain = () if at_top else self._gitignore_chain(parent)
        own = _read_gitignore(os.path.join(folder, GITIGNORE))
        if own is not None:
            chain = (*chain, (folder, own))
        self._gitignores[folder] = chain
        return chain


def _matches(spec: GitIgnoreSpec, root: str, absolute: str, is_dir: bool, inherited: bool) -> bool:
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows): not below the root
        return False
    if relative == "." or relative.startswith(".." + os.sep) or relative == "..":
        return False
    relative = relative.replace(os.sep, "/")
    # "build/" in a pattern matches only folders: pathspec tells by the slash.
    relative = relative + "/" if is_dir else relative
    if inherited:
        return spec.match_file(relative)
    # A pattern matches what lies inside a folder it matches too, by matching a
    # leading part of the path ("build" in "build/a.md"): that match is the
    # folder's, not the entry's own. The last pattern that matches all of the
    # path decides, as in a .gitignore ("!keep.md" after "*.md").
    excluded = False
    for pattern in spec.patterns:
        regex = getattr(pattern, "regex", None)
        if pattern.include is None or regex is None:
            continue
        found = regex.match(relative)
        if found is not None and found.end() == len(relative):
            excluded = bool(pattern.include)
    return excluded


def _parents(real: str) -> list[str]:
    parents = []
    current = os.path.dirname(real)
    while True:
        parents.append(current)
        parent = os.path.dirname(current)
        if parent == current:
            return parents
        current = parent


def _glob_files(pattern: str) -> set[str]:
    try:
        return {os.path.realpath(path) for path in expand_paths([pattern], Path.cwd())}
    except InputError:  # a corpus glob that matches nothing excludes nothing
        return set()


def _read_gitignore(path: str) -> GitIgnoreSpec | None:
    # The reader every other file goes through: regular files only (a FIFO
    # named .gitignore must not hang the walk), capped.
    try:
        data = read_regular_file(path, path)
    except (InputError, OSError):  # missing or unreadable: git would not read it either
        return None
    return GitIgnoreSpec.from_lines(data.decode("utf-8", errors="replace").splitlines())
