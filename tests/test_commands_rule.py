"""``factcheck rule``: a code's shipped page, every code with its plugin, unknown codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.code_pages import code_page


@pytest.fixture(autouse=True)
def _outside_any_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_code_s_page_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "FC101"]) == 0
    assert capsys.readouterr().out == code_page("FC101")


def test_a_code_in_lower_case_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "fc301"]) == 0
    assert capsys.readouterr().out.startswith("# FC301: ")


def test_all_lists_every_code_with_its_plugin_severity_and_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rule", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    by_code = {line.split()[0]: line.split(maxsplit=4) for line in lines}
    assert {"FC101", "FC201", "FC301", "FC401", "FC501", "FC901"} <= set(by_code)
    _code, plugin, severity, name, summary = by_code["FC101"]
    assert (plugin, severity, name) == ("names", "error", "misspelt-person-name")
    assert summary
    assert by_code["FC901"][1] == "factcheck"
    assert [line.split()[0] for line in lines] == sorted(by_code)


def test_an_unknown_code_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "FC998"]) == 2
    assert "unknown code 'FC998'" in capsys.readouterr().err


def test_a_code_or_all_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule"]) == 2
    assert main(["rule", "FC101", "--all"]) == 2
    assert "give one CODE" in capsys.readouterr().err


def test_a_third_party_code_without_a_page_prints_its_declaration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "house_rules.py").write_text(
        "from factcheck import hookimpl\n"
        "from factcheck.model import Category, CodeInfo, Severity\n"
        "@hookimpl\n"
        "def factcheck_codes():\n"
        "    return [CodeInfo('HR101', 'house-style', Category.NAME, Severity.WARNING,\n"
        "                     'A name written against the house style.')]\n"
    )
    (tmp_path / "factcheck.toml").write_text('plugins = ["house_rules"]\n')
    assert main(["rule", "HR101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# HR101: house-style\n")
    assert "- Plugin: house_rules" in out and "A name written against the house style." in out
