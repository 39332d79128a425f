"""Each seed checked against the other four flags the corpus's genuine
disagreements, and nothing else at error or warning level, on both pipelines."""

from __future__ import annotations

import pytest

from factcheck.config import config_from_mapping
from factcheck.documents import load_document
from factcheck.engine import Engine
from factcheck.model import Severity
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import REPO, SEED_FILES, SEEDS_VOCABULARY

# (seed, code, found): what the seeds really disagree on.
GENUINE = {
    # A photo caption misspells the name that every other mention spells "Vyacheslav".
    ("002_5402c6432a7c4f8f.txt", "FC101", "Yacheslav Volodin"),
    # The NPC "will work with the Russian Federation Council": 000 says the Federal Assembly.
    ("002_5402c6432a7c4f8f.txt", "FC203", "Russian Federation Council"),
    # 002's dateline dates the Zhao-Volodin talks 21 November 2023; 004 says Wednesday the 22nd.
    ("002_5402c6432a7c4f8f.txt", "FC302", "21st November 2023"),
    ("004_53a1953318e5a545.txt", "FC302", "Wednesday"),
}


def _disagreements(pipeline: LoadedPipeline) -> set[tuple[str, str, str]]:
    found = set()
    for seed in SEED_FILES:
        rest = [str(p) for p in SEED_FILES if p != seed]
        config = config_from_mapping(
            {"corpus": rest, "cache": False, "vocabulary": SEEDS_VOCABULARY}, source=None, root=REPO
        )
        engine = Engine(config, pipeline=pipeline)
        report = engine.check_document(load_document(seed, display_path=seed.name))
        for finding in report.findings:
            if finding.severity in (Severity.ERROR, Severity.WARNING):
                assert finding.evidence, finding  # every corpus finding shows its evidence
                found.add((seed.name, finding.code, finding.found))
    return found


def test_each_seed_against_the_others(pipeline: LoadedPipeline) -> None:
    assert _disagreements(pipeline) == GENUINE


@pytest.mark.parametrize("seed", [p.name for p in SEED_FILES])
def test_a_seed_against_the_whole_corpus_is_consistent_with_itself(seed: str) -> None:
    """With itself in the corpus, a seed's rare variant is still outvoted, but
    nothing else is flagged: a document never contradicts itself."""
    config = config_from_mapping(
        {"corpus": [str(p) for p in SEED_FILES], "cache": False, "vocabulary": SEEDS_VOCABULARY},
        source=None,
        root=REPO,
    )
    if "all" not in _ENGINES:
        _ENGINES["all"] = Engine(config)
    engine = _ENGINES["all"]
    path = next(p for p in SEED_FILES if p.name == seed)
    report = engine.check_document(load_document(path, display_path=seed))
    codes = {f.code for f in report.findings if f.severity is not Severity.INFO}
    allowed = {code for name, code, _ in GENUINE if name == seed} - {"FC203"}
    assert codes <= allowed


_ENGINES: dict[str, Engine] = {}
