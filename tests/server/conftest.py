"""Fixtures for the server tests: one service on the seeds, and clients of its app."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline
from factcheck.server.app import ServeSettings, create_app
from factcheck.server.service import CheckService
from tests.conftest import REPO

# Starlette 1.x prefers the httpx2 fork for its TestClient; httpx still works.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

BASE_URL = "http://127.0.0.1:8765"

MakeClient = Callable[..., TestClient]


@pytest.fixture(scope="session")
def default_pipeline() -> LoadedPipeline:
    """The pipeline the CLI picks: the statistical model when installed, else rules."""
    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_service(default_pipeline: LoadedPipeline) -> CheckService:
    """The service as `factcheck serve` makes it in this repository (corpus: seeds)."""
    # Corpus documents are named relative to the working folder, as the CLI names them.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        config = load_config(start=REPO).replace(cache_enabled=False)
        return CheckService(config, pipeline=default_pipeline)


@pytest.fixture()
def make_client(seeds_service: CheckService) -> MakeClient:
    """A client of the app with some settings changed (root: the repository)."""

    def make(
        service: CheckService | None = None, base_url: str = BASE_URL, **changes: object
    ) -> TestClient:
        settings = ServeSettings(**{"root": REPO, **changes})  # type: ignore[arg-type]
        return TestClient(create_app(service or seeds_service, settings), base_url=base_url)

    return make


@pytest.fixture()
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def repo_path(*parts: str) -> Path:
    return REPO.joinpath(*parts)
