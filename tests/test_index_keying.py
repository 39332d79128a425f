"""The code that keys an index names its file (factcheck/index/keying.py): keys
written by other keying code are never read."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest

import factcheck.index.blocking
import factcheck.index.keys
from factcheck.cache import extraction_files
from factcheck.index import keying, sqlite_store
from factcheck.index.keying import KEYING_FILES, installed_keying_fingerprint, keying_fingerprint

PACKAGE = Path(keying.__file__).resolve().parent.parent


def _keying_copy(tmp_path: Path) -> Path:
    for name in KEYING_FILES:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE / name, target)
    return tmp_path


@pytest.mark.parametrize("edited", KEYING_FILES)
def test_editing_keying_code_changes_the_fingerprint(tmp_path: Path, edited: str) -> None:
    package = _keying_copy(tmp_path)
    before = keying_fingerprint(package)
    assert before == installed_keying_fingerprint()  # the copy is the installed code
    path = package / edited
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert keying_fingerprint(package) != before


def test_another_keying_fingerprint_is_another_index_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = [str(tmp_path / "corpus")]
    before = sqlite_store.index_path(tmp_path, "pipeline|factcheck-1", corpus)
    monkeypatch.setattr(sqlite_store, "installed_keying_fingerprint", lambda: "0" * 16)
    assert sqlite_store.index_path(tmp_path, "pipeline|factcheck-1", corpus) != before


@pytest.mark.parametrize("module", [factcheck.index.keys, factcheck.index.blocking])
def test_what_the_keying_code_calls_of_factcheck_is_fingerprinted(module: object) -> None:
    # A function of another module that the keys start to use must join the files
    # above, or be extraction code that the analysis key already covers.
    covered = {(PACKAGE / name).resolve() for name in KEYING_FILES}
    covered |= {path.resolve() for path in extraction_files(PACKAGE)}
    # Unwrapped: normalise_name, say, is behind an lru_cache.
    found = [inspect.unwrap(value) for value in vars(module).values() if callable(value)]
    used = {
        Path(inspect.getfile(value)).resolve()
        for value in found
        if (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__.startswith("factcheck")
    }
    assert used  # it does call factcheck code: the check below is not empty
    assert sorted(used - covered) == []
