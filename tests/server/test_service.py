"""One engine for all requests: checks take turns on it, and a corpus change is picked up."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from factcheck.config import config_from_mapping
from factcheck.engine import Engine
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.server.service import CheckService
from tests.conftest import SEEDS
from tests.server.conftest import MakeClient

DRAFT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma.\n"


def codes(report: str) -> list[str]:
    return [finding["code"] for finding in json.loads(report)["findings"]]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def make_service(corpus: Path, pipeline: LoadedPipeline, *, poll: float = 0.0) -> CheckService:
    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache": False}, source=None, root=corpus.parent
    )
    return CheckService(config, pipeline=pipeline, poll_interval=poll)


def test_checks_from_many_threads_take_turns_on_one_engine(
    seeds_service: CheckService, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = seeds_service._engine
    inside = 0
    most_inside = 0
    guard = threading.Lock()
    original = Engine.check_document

    def counting(self: Engine, *args: object, **kwargs: object) -> object:
        nonlocal inside, most_inside
        with guard:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.02)  # long enough for another thread to arrive
        try:
            return original(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(Engine, "check_document", counting)
    with ThreadPoolExecutor(max_workers=6) as pool:
        reports = list(
            pool.map(lambda _i: seeds_service.check(DRAFT, path="d.md", date=None), range(12))
        )
    assert most_inside == 1
    assert len(set(reports)) == 1 and codes(reports[0]) == ["FC101"]
    assert seeds_service._engine is engine  # nothing was loaded again


def test_concurrent_requests_get_the_same_report(make_client: MakeClient) -> None:
    # One event loop for every thread's requests, as under uvicorn.
    with make_client() as client:

        def post(_index: int) -> str:
            response = client.post("/api/check", json={"text": DRAFT, "path": "d.md"})
            assert response.status_code == 200
            return response.text

        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = set(pool.map(post, range(8)))
    assert len(answers) == 1


def test_a_corpus_change_on_disk_is_picked_up(
    corpus: Path, default_pipeline: LoadedPipeline
) -> None:
    service = make_service(corpus, default_pipeline)
    assert codes(service.check(DRAFT, path="d.md", date=None)) == ["FC101"]
    # Every corpus document now spells the name as the draft does.
    for path in corpus.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Vyacheslav", "Yacheslav"), encoding="utf-8")
    assert codes(service.check(DRAFT, path="d.md", date=None)) == []
    assert service.reloads == 1
    assert service.status()["corpus"] == {"documents": 5, "reloads": 1, "reload_error": None}


def test_a_new_and_a_removed_corpus_file_are_picked_up(
    corpus: Path, default_pipeline: LoadedPipeline
) -> None:
    service = make_service(corpus, default_pipeline)
    (corpus / "extra.txt").write_text("Vyacheslav Volodin arrived in Beijing.\n", encoding="utf-8")
    assert service.status()["corpus"]["documents"] == 6
    (corpus / "extra.txt").unlink()
    assert service.status()["corpus"]["documents"] == 5
    assert service.reloads == 2


def test_an_unchanged_corpus_is_not_reloaded(
    corpus: Path, default_pipeline: LoadedPipeline
) -> None:
    service = make_service(corpus, default_pipeline)
    engine = service._engine
    for _ in range(3):
        service.check(DRAFT, path="d.md", date=None)
    assert service._engine is engine and service.reloads == 0


def test_changes_are_looked_for_at_most_once_per_interval(
    corpus: Path, default_pipeline: LoadedPipeline
) -> None:
    service = make_service(corpus, default_pipeline, poll=3600)
    (corpus / "extra.txt").write_text("Vyacheslav Volodin arrived.\n", encoding="utf-8")
    assert service.status()["corpus"]["documents"] == 5  # not looked at yet


def test_a_corpus_that_cannot_be_loaded_keeps_the_old_facts(
    corpus: Path, default_pipeline: LoadedPipeline
) -> None:
    service = make_service(corpus, default_pipeline)
    for path in corpus.glob("*.txt"):
        path.write_bytes(b"\x00binary")
    assert codes(service.check(DRAFT, path="d.md", date=None)) == ["FC101"]
    status = service.status()["corpus"]
    assert status["documents"] == 5
    assert "no readable corpus document" in str(status["reload_error"])
    # Once readable again, the corpus is loaded again.
    for path in corpus.glob("*.txt"):
        path.write_text("Vyacheslav Volodin arrived in Beijing.\n", encoding="utf-8")
        os.utime(path, (1, 1))
    assert service.status()["corpus"]["reload_error"] is None
    assert service.reloads == 1


def make_indexed_service(corpus: Path, cache: Path, pipeline: LoadedPipeline) -> CheckService:
    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache-dir": str(cache)}, source=None, root=corpus.parent
    )
    return CheckService(config, pipeline=pipeline, poll_interval=0.0)


def test_an_indexed_reload_reads_only_the_new_file_and_closes_the_old_index(
    corpus: Path, tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.index_engines import count_cache_reads

    service = make_indexed_service(corpus, tmp_path / "cache", rules_pipeline)
    engine = service._engine
    assert engine.uses_index
    assert codes(service.check(DRAFT, path="d.md", date=None)) == ["FC101"]
    old_store, _ = engine.sync_index()
    read = count_cache_reads(monkeypatch)
    extra = corpus / "extra.txt"
    extra.write_text("Yacheslav Volodin arrived in Beijing.\n", encoding="utf-8")
    report = service.check(DRAFT, path="d.md", date=None)
    assert service._engine is engine and service.reloads == 1
    assert service.status()["corpus"]["documents"] == 6
    # The index now has the new document, and nothing but it was read again: the
    # other five analyses came from the engine's memory.
    new_sha = engine.sync_index()[1].indexed
    assert {sha for path, sha in new_sha if path == str(extra)} == set(read)
    # The new document is one of the documents the spelling is voted by.
    (fc101,) = json.loads(report)["findings"]
    assert fc101["code"] == "FC101" and "(5 of 6 documents)" in fc101["message"]
    with pytest.raises(Exception, match="closed"):
        old_store.document_count()


def test_an_indexed_reload_that_fails_keeps_the_old_index(
    corpus: Path, tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    service = make_indexed_service(corpus, tmp_path / "cache", rules_pipeline)
    assert codes(service.check(DRAFT, path="d.md", date=None)) == ["FC101"]
    shutil.rmtree(corpus)
    assert codes(service.check(DRAFT, path="d.md", date=None)) == ["FC101"]
    status = service.status()["corpus"]
    assert status["documents"] == 5 and status["reload_error"]
