"""Parsing the command line loads neither spaCy nor the engine nor the evaluation harness.

``factcheck --version`` and ``--help`` used to take one to three seconds, all of
it spaCy and the harness imported at the top of ``factcheck.cli``. They are
now imported by the commands that use them; this checks which modules a fresh
interpreter has loaded after parsing, not how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Loaded by every command that runs a check; never by parsing alone. (The NLP
# layer's plain word tables, such as the month names of factcheck.nlp.timex
# that --date parsing uses, do not load spaCy.)
HEAVY = (
    "spacy", "thinc", "rapidfuzz", "factcheck.engine", "factcheck.facts.corpus",
    "factcheck.nlp.pipeline", "factcheck.nlp.extract", "factcheck.nlp.tokentable",
)  # fmt: skip
# The harness behind `factcheck eval`; only its argument definitions may load.
HARNESS = "factcheck.evaluation."
EVAL_ARGUMENTS = "factcheck.evaluation.cli"

_PROBE = """
import contextlib, io, json, sys
from factcheck import cli
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = cli.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules_after(*arguments: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *arguments], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    return result["code"], result["modules"]


@pytest.mark.parametrize(
    "arguments", [["--version"], ["--help"], ["check", "--help"], ["eval", "--help"]]
)
def test_parsing_loads_no_pipeline_and_no_harness(arguments: list[str]) -> None:
    code, modules = _modules_after(*arguments)
    assert code == 0
    heavy = [m for m in modules if any(m == h or m.startswith(f"{h}.") for h in HEAVY)]
    harness = [m for m in modules if m.startswith(HARNESS) and m != EVAL_ARGUMENTS]
    assert heavy == [] and harness == []
