"""The ``lsp`` subcommand: registered in the CLI, imported only when run."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest

from factcheck.cli import main


def test_version_imports_neither_pygls_nor_the_server() -> None:
    probe = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "main(['--version'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pygls', 'factcheck.lsp'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a)
    )
    assert main(["lsp"]) == 2
    (distribution, *_) = importlib.metadata.packages_distributions()["factcheck"]
    assert f"pip install '{distribution}[lsp]'" in capsys.readouterr().err


def test_the_command_is_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--help"])
    assert "lsp" in capsys.readouterr().out
