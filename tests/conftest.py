"""Shared fixtures: the seeds corpus and the pipelines, loaded once per session."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factcheck.config import Config, config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Finding
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

CheckText = Callable[..., list[Finding]]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes more than a minute (still run by default)")


# The seeds' own words, as in pyproject.toml's [tool.factcheck.vocabulary].
SEEDS_VOCABULARY = {"organisation-heads": ["Duma"]}


def seeds_config(**extra: object) -> Config:
    settings = {"corpus": [str(SEEDS)], "cache": False, "vocabulary": SEEDS_VOCABULARY}
    return config_from_mapping({**settings, **extra}, source=None, root=REPO)


@pytest.fixture(autouse=True)
def _collectable_heap() -> Iterator[None]:
    """An engine that loads its model freezes the heap (factcheck.engine): right for
    a long-lived process, but the test process must keep collecting what each
    test leaves (and third-party code that looks at referrers, as Hypothesis
    does for trio's random generator, must see them)."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def statistical_pipeline() -> LoadedPipeline:
    pipeline = load_pipeline()
    if not pipeline.statistical:
        pytest.skip("no statistical English model installed (pip install '.[model]')")
    return pipeline


@pytest.fixture(scope="session")
def rules_pipeline() -> LoadedPipeline:
    return load_pipeline(rules_only=True)


@pytest.fixture(scope="session", params=["statistical", "rules"])
def pipeline(request: pytest.FixtureRequest) -> Iterator[LoadedPipeline]:
    """Each test that uses this runs on both paths: the model and the fallback."""
    yield request.getfixturevalue(f"{request.param}_pipeline")


@pytest.fixture(scope="session")
def seed_engines() -> dict[str, Engine]:
    return {}


def corpus_engine(
    seed_engines: dict[str, Engine], pipeline: LoadedPipeline, name: str, corpus: dict[str, str]
) -> Engine:
    """An engine on ``corpus`` (texts by name) with the seeds' configuration, built
    once per ``name`` and pipeline for the whole session."""
    key = f"{name}:{pipeline.key}"
    if key not in seed_engines:
        seed_engines[key] = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    return seed_engines[key]


@pytest.fixture()
def seed_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    """An engine on the seeds corpus, built once per pipeline."""
    if pipeline.key not in seed_engines:
        seed_engines[pipeline.key] = Engine(seeds_config(), pipeline=pipeline)
    return seed_engines[pipeline.key]


@pytest.fixture()
def check_text(seed_engine: Engine) -> CheckText:
    """Check a draft against the seeds; returns its findings."""

    def check(text: str, date: dt.date | None = None, path: str = "draft.md") -> list[Finding]:
        document = document_from_text(path, text)
        return list(seed_engine.check_document(document, date=date).findings)

    return check
