"""``factcheck serve`` arguments: loopback by default, a token off it, and a lazy import."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import build_parser, main
from factcheck.server.command import ServeError, settings_from_arguments
from factcheck.server.security import LOOPBACK_NAMES
from tests.conftest import REPO


def parse(*argv: str) -> object:
    return build_parser().parse_args(["serve", *argv])


def test_defaults_are_loopback_the_working_folder_and_one_mebibyte(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
    settings, host, port = settings_from_arguments(parse())  # type: ignore[arg-type]
    assert (host, port) == ("127.0.0.1", 8765)
    assert settings.root == tmp_path and settings.max_body == 1024 * 1024
    assert settings.token is None and settings.hosts == LOOPBACK_NAMES


def test_another_address_needs_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
    with pytest.raises(ServeError, match=r"--host 0\.0\.0\.0 lets other machines connect"):
        settings_from_arguments(parse("--host", "0.0.0.0"))  # type: ignore[arg-type]
    settings, _, _ = settings_from_arguments(parse("--host", "0.0.0.0", "--token", "t"))  # type: ignore[arg-type]
    assert settings.token == "t" and settings.hosts is None
    monkeypatch.setenv("FACTCHECK_TOKEN", "from-env")
    settings, _, _ = settings_from_arguments(parse("--host", "192.168.1.2"))  # type: ignore[arg-type]
    assert settings.token == "from-env"
    assert settings.hosts is not None and "192.168.1.2" in settings.hosts


def test_a_token_on_loopback_is_enforced_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
    settings, _, _ = settings_from_arguments(parse("--token", "t"))  # type: ignore[arg-type]
    assert settings.token == "t"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "not a port number"),
        (["--max-body", "0"], "at least 1 byte"),
        (["--root", "/nonexistent-folder"], "not a folder"),
    ],
)
def test_bad_arguments_are_usage_errors(argv: list[str], message: str) -> None:
    with pytest.raises(ServeError, match=message):
        settings_from_arguments(parse(*argv))  # type: ignore[arg-type]


def test_serve_off_loopback_without_token_exits_2_before_loading_anything(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
    monkeypatch.chdir(REPO)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "give a token with --token or FACTCHECK_TOKEN" in capsys.readouterr().err


def test_a_port_in_use_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_other_commands_do_not_import_the_server() -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'starlette', 'uvicorn'}"
        " or m.startswith('factcheck.server')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_serve_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now fails
    monkeypatch.chdir(REPO)
    assert main(["serve"]) == 2
    assert (
        "factcheck serve needs uvicorn: pip install 'factcheck-newsroom[serve]'"
        in capsys.readouterr().err
    )
