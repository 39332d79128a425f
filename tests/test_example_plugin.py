"""The example plugin in docs/examples/plugin, installed for real with pip.

It is installed into a temporary folder that is put on ``sys.path``, so that
``importlib.metadata`` finds its entry point exactly as it would in a
virtualenv; the project's environment is left untouched.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import factcheck
from factcheck import cli
from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.plugins import ENTRY_POINT_GROUP

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the tomli backport, a dependency before 3.11
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "docs" / "examples" / "plugin"
MODULE = "factcheck_example_plugin"
ENTRY_POINT = "outdated-names"


def _builds_wheels_offline() -> bool:
    """True when the venv's setuptools can build a wheel without the index.

    setuptools before 70.1 needs the separate ``wheel`` package to build one;
    without it pip must fetch a fresh setuptools into an isolated build.
    """
    if importlib.util.find_spec("wheel") is not None:
        return True
    major, minor = (int(part) for part in importlib.metadata.version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)


def test_it_requires_factcheck_by_its_distribution_name() -> None:
    # Requiring the name "factcheck" would install an unrelated library of that name.
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (requirement,) = [Requirement(text) for text in project["dependencies"]]
    assert canonicalize_name(requirement.name) == canonicalize_name(factcheck.DISTRIBUTION)
    installed = importlib.metadata.version(factcheck.DISTRIBUTION)
    assert requirement.specifier.contains(installed), (str(requirement), installed)


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example installed with pip into a folder of its own."""
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources.
    source = tmp_path_factory.mktemp("source") / "plugin"
    shutil.copytree(
        EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    folder = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(folder)]
    if _builds_wheels_offline():
        command.append("--no-build-isolation")
    done = subprocess.run(
        [*command, "--quiet", "--disable-pip-version-check", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"pip failed:\n{done.stdout}\n{done.stderr}"
    return folder


@pytest.fixture()
def installed(target: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(target))
    yield target
    # Leave no trace for later tests: the module would stay importable otherwise.
    sys.modules.pop(MODULE, None)


def test_pip_installs_the_entry_point(installed: Path) -> None:
    (entry_point,) = [
        ep
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        if ep.name == ENTRY_POINT
    ]
    assert entry_point.value == MODULE
    assert entry_point.dist is not None
    assert (entry_point.dist.name, entry_point.dist.version) == (
        "factcheck-example-plugin",
        "0.1.0",
    )


def test_factcheck_plugins_lists_it(
    installed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration file: the defaults
    assert cli.main(["plugins"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    (line,) = [line for line in lines if line.startswith(f"{ENTRY_POINT} ")]
    assert line.startswith(f"{ENTRY_POINT} 0.1.0 (factcheck-example-plugin 0.1.0, ")
    assert line.endswith("): EX101")
    assert str(installed) in line  # the installed copy, not the sources
    assert lines[lines.index(line) + 1].strip() == "hooks: factcheck_check, factcheck_codes"
    # The built-ins are still there, and nothing failed to load.
    assert any(line.startswith("names ") for line in lines)
    assert "plugin" not in err


def test_a_draft_triggers_its_code(installed: Path) -> None:
    config = config_from_mapping(
        {"corpus": [str(REPO / "seeds")], "cache": False}, source=None, root=REPO
    )
    engine = Engine(config)
    assert engine.plugins.code_owner["EX101"] == ENTRY_POINT
    draft = "The delegation flew to Peking on Monday. She studied at Peking University.\n"
    report = engine.check_document(document_from_text("draft.md", draft), date=dt.date(2025, 8, 26))
    (finding,) = [f for f in report.findings if f.code == "EX101"]
    assert (finding.found, finding.fix, finding.line, finding.column) == (
        "Peking",
        "Beijing",
        1,
        24,
    )
    # The seeds write "Beijing"; the plugin cites them.
    seed_names = {path.name for path in (REPO / "seeds").glob("*.txt")}
    assert finding.evidence and Path(finding.evidence[0].source).name in seed_names


def test_the_example_s_own_tests_pass(installed: Path) -> None:
    # They run against the installed module, as a plugin author's CI would.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        capture_output=True,
        text=True,
        cwd=installed,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
