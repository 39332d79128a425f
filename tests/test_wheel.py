"""The wheel, installed into a fresh virtual environment and run from outside the repository.

An editable install reads the sources in place, so a module left out of the
package list works in every other test and fails for every real user (and in
pre-commit, which installs a wheel). This test builds the wheel the way pip
does, installs it into a new venv, and runs each subcommand from a folder
outside the repository.

The venv gets the wheel's dependencies (not its extras, so the rule-based
pipeline runs) from the running environment: each distribution in the
dependency closure is linked into one folder that a ``.pth`` file puts on the
venv's path. That is offline and takes a second, where installing spaCy anew
takes a minute and needs the package index; and ``pip check`` still sees a
dependency the wheel forgot to declare, or one it names wrongly.
"""

from __future__ import annotations

import email.parser
import importlib.metadata
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import factcheck

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_PLUGIN = REPO / "docs" / "examples" / "plugin"
BUILT_IN_PLUGINS = ("names", "titles", "dates", "counts", "quotes")
# Written by builds and runs; never part of what is shipped.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".factcheck_cache"
)


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def _build_wheel(source: Path, into: Path) -> Path:
    """``pip wheel`` of a copy of ``source``: setuptools writes build/ next to the sources."""
    copy = into / "source"
    shutil.copytree(source, copy, ignore=NOT_SOURCES)
    done = _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "--wheel-dir", str(into), str(copy)],
    )  # fmt: skip
    assert done.returncode == 0, f"pip wheel failed:\n{done.stdout}\n{done.stderr}"
    (wheel,) = into.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(REPO, tmp_path_factory.mktemp("wheel"))


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def _dependency_closure(requirements: list[str]) -> list[importlib.metadata.Distribution]:
    """The installed distributions these requirements need, without extras not asked for."""
    found: dict[str, importlib.metadata.Distribution] = {}
    pending = [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        distribution = importlib.metadata.distribution(name)
        found[name] = distribution
        for text in distribution.requires or []:
            for wanted in ("", *requirement.extras):
                pending.append((Requirement(text), wanted))
    return list(found.values())


def _link_distribution(distribution: importlib.metadata.Distribution, folder: Path) -> None:
    """Link the top-level packages, modules and metadata of one installed distribution."""
    files = distribution.files
    assert files is not None, f"{distribution.metadata['Name']} has no RECORD"
    tops = {file.parts[0] for file in files if file.parts[0] not in {"..", "__pycache__"}}
    for top in tops:
        target = Path(str(distribution.locate_file(top)))
        link = folder / top
        if target.exists() and not link.exists():
            link.symlink_to(target, target_is_directory=target.is_dir())


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed and its dependencies linked in."""
    root = tmp_path_factory.mktemp("venv") / "env"
    done = _run([sys.executable, "-m", "venv", "--without-pip", str(root)])
    assert done.returncode == 0, done.stderr
    python = root / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
                .stdout.strip())  # fmt: skip
    dependencies = root.parent / "dependencies"
    dependencies.mkdir()
    for distribution in _dependency_closure(_metadata(wheel).get_all("Requires-Dist") or []):
        _link_distribution(distribution, dependencies)
    (site / "linked_dependencies.pth").write_text(f"{dependencies}\n", encoding="utf-8")
    done = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", "--disable-pip-version-check", str(wheel)],
    )  # fmt: skip
    assert done.returncode == 0, f"pip install failed:\n{done.stdout}\n{done.stderr}"
    return root


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the repository: a copy of the seeds and the example draft."""
    folder = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(REPO / "seeds", folder / "seeds")
    shutil.copy(REPO / "docs" / "examples" / "draft.md", folder / "draft.md")
    (folder / "factcheck.toml").write_text('corpus = ["seeds"]\n', encoding="utf-8")
    return folder


def _environment(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1")
    return env


Command = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture()
def factcheck_command(venv: Path, newsroom: Path) -> Command:
    """Runs the installed ``factcheck`` script in the newsroom folder."""

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        done = _run(
            [str(venv / "bin" / "factcheck"), *arguments], cwd=newsroom, env=_environment(venv)
        )
        assert "ModuleNotFoundError" not in done.stderr, done.stderr
        assert "internal error" not in done.stderr, done.stderr
        return done

    return run


# --- what the wheel holds ---------------------------------------------------------------


def test_the_wheel_ships_every_file_of_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    sources = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "factcheck").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    plugins = {
        f"factcheck_plugins/{path.relative_to(REPO / 'plugins').as_posix()}"
        for path in (REPO / "plugins").rglob("*.py")
    }
    assert "factcheck/py.typed" in sources
    assert sorted((sources | plugins) - shipped) == []
    # plugins/ is installed under its own import name, never as a top-level "plugins".
    assert not any(name.startswith("plugins/") for name in shipped)


def test_the_wheel_is_the_distribution_factcheck_is_published_as(wheel: Path) -> None:
    metadata = _metadata(wheel)
    # "factcheck" on the package index is an unrelated library from 2013: a
    # plugin requiring it would install that instead.
    assert canonicalize_name(factcheck.DISTRIBUTION) != "factcheck"
    assert (metadata["Name"], metadata["Version"]) == (
        factcheck.DISTRIBUTION,
        factcheck.__version__,
    )


# --- the installed command, from outside the repository ------------------------------------


def test_version_and_help(factcheck_command: Command) -> None:
    run = factcheck_command
    version = run("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"factcheck {factcheck.__version__}")
    help_ = run("--help")
    assert help_.returncode == 0 and "audit" in help_.stdout, help_.stderr
    eval_help = run("eval", "--help")
    assert eval_help.returncode == 0 and "--suite" in eval_help.stdout, eval_help.stderr


def test_check_finds_the_example_draft_s_errors(factcheck_command: Command) -> None:
    done = factcheck_command("check", "draft.md")
    assert done.returncode == 1, done.stderr
    assert "draft.md:" in done.stdout and "FC101" in done.stdout


def test_index_reads_the_corpus(factcheck_command: Command) -> None:
    done = factcheck_command("index")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("5 documents")


def test_audit_reports_the_seeds_disagreements(factcheck_command: Command) -> None:
    done = factcheck_command("audit")
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip()


def test_rule_prints_a_code_s_page_shipped_in_the_wheel(factcheck_command: Command) -> None:
    done = factcheck_command("rule", "FC101")
    assert done.returncode == 0, done.stderr
    page = (REPO / "factcheck" / "codes_docs" / "FC101.md").read_text(encoding="utf-8")
    assert done.stdout == page
    listing = factcheck_command("rule", "--all")
    assert listing.returncode == 0, listing.stderr
    assert any(
        line.split()[:3] == ["FC101", "names", "error"] for line in listing.stdout.splitlines()
    )


def test_plugins_lists_the_built_ins_from_the_installed_package(
    factcheck_command: Command, venv: Path
) -> None:
    done = factcheck_command("plugins")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith(" ")]
    assert sorted(line.split()[0] for line in lines) == sorted(BUILT_IN_PLUGINS)
    for line in lines:
        assert f"({factcheck.DISTRIBUTION} {factcheck.__version__}, {venv}" in line, line


def test_the_built_in_plugins_are_not_a_top_level_plugins_package(venv: Path) -> None:
    done = _run(
        [str(venv / "bin" / "python"), "-c",
         "import importlib.util as u; print(u.find_spec('plugins'), u.find_spec('factcheck_plugins').origin, u.find_spec('factcheck').origin)"],
        cwd=venv, env=_environment(venv),
    )  # fmt: skip
    absent, origin, core = done.stdout.split()
    assert (absent, done.returncode) == ("None", 0), done.stderr
    assert origin.startswith(str(venv))
    # factcheck itself comes from the wheel, not from the checkout under test.
    assert core.startswith(str(venv)), core


def test_serve_and_lsp_without_their_extras_name_the_install(factcheck_command: Command) -> None:
    for command, extra in (("serve", "serve"), ("lsp", "lsp")):
        done = factcheck_command(command)
        assert done.returncode == 2, done.stderr
        assert f"pip install '{factcheck.DISTRIBUTION}[{extra}]'" in done.stderr, done.stderr


def test_the_example_plugin_s_requirement_is_met_by_the_wheel(
    venv: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Depending on the wrong distribution name installs someone else's package.
    plugin = _build_wheel(EXAMPLE_PLUGIN, tmp_path_factory.mktemp("plugin"))
    python = str(venv / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python, "--disable-pip-version-check"]
    done = _run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(plugin)])
    assert done.returncode == 0, done.stderr
    try:
        check = _run([*pip, "check"])
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        # The other tests share the venv and list exactly the built-in plugins.
        _run([*pip, "uninstall", "--quiet", "--yes", "factcheck-example-plugin"])
