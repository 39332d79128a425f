"""The index build on Dask distributed: a local two-worker cluster of processes."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from factcheck.documents import document_from_text
from factcheck.indexbuild import cluster as cluster_module
from factcheck.indexbuild.cluster import ClusterError, DaskAnalyser, local_workers
from factcheck.indexbuild.worker import PipelineSpec
from tests.test_commands_index import cache_rows, facts_rows, make_archive

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def two_workers() -> Iterator[Any]:
    """A client of a local cluster: two worker processes, one thread each."""
    local = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )
    client = distributed.Client(local)
    try:
        yield client
    finally:
        client.close()
        local.close()


def test_a_cluster_build_fills_the_cache_as_a_local_build_does(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    two_workers: Any,
) -> None:
    monkeypatch.setenv("CI", "1")
    built = {}
    for name, options in (
        ("local", []),
        ("scheduler", ["--scheduler", two_workers.scheduler.address]),
        ("cluster", ["--cluster", "local:2"]),
    ):
        root = tmp_path / name
        make_archive(root, 2)
        monkeypatch.chdir(root)
        assert main(["index", "--batch-size", "3", *options]) == 0
        assert "10 documents (10 analysed, 0 from the cache)" in capsys.readouterr().out
        built[name] = (cache_rows(root), facts_rows(root))
    assert len(built["local"][0]) == len(built["local"][1]) == 10
    assert built["scheduler"] == built["local"]
    assert built["cluster"] == built["local"]
    # And a re-run on the cluster resumes from the cache like a local one.
    assert main(["index", "--cluster", "local:2"]) == 0
    assert "10 documents (0 analysed, 10 from the cache)" in capsys.readouterr().out


def test_a_worker_without_the_model_fails_in_one_line(two_workers: Any) -> None:
    spec = PipelineSpec(name="no_such_model_pkg", key="no_such_model_pkg-1.0")
    analyser = DaskAnalyser(two_workers, spec)
    with pytest.raises(ClusterError) as raised:
        list(analyser.run(iter([[document_from_text("a.txt", "A.\n")]])))
    assert "\n" not in str(raised.value) and "no_such_model_pkg-1.0" in str(raised.value)


def test_the_cluster_keeps_a_bounded_number_of_batches_in_flight(two_workers: Any) -> None:
    from factcheck.nlp.pipeline import load_pipeline

    spec = PipelineSpec.of(load_pipeline(rules_only=True))
    analyser = DaskAnalyser(two_workers, spec, in_flight=2)
    pulled = answered = most_ahead = 0

    def batches() -> Iterator[list[Any]]:
        nonlocal pulled, most_ahead
        for i in range(8):
            pulled += 1
            most_ahead = max(most_ahead, pulled - answered)
            yield [document_from_text(f"d{i}.txt", f"Text {i}.\n")]

    for _ in analyser.run(batches()):
        answered += 1
    assert answered == 8
    assert most_ahead <= 2


def test_without_distributed_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "distributed" else real(name, *args)

    monkeypatch.setattr(cluster_module.importlib.util, "find_spec", find_spec)
    make_archive(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    assert main(["index", "--cluster", "local:2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "factcheck: error: a cluster build needs Dask distributed: pip install 'factcheck-newsroom[cluster]'"
    ]


@pytest.mark.parametrize("spec", ["local", "local:0", "local:x", "tcp://host:8786", "2"])
def test_a_local_cluster_is_local_n(spec: str) -> None:
    with pytest.raises(ClusterError):
        local_workers(spec)


def test_local_n_gives_n() -> None:
    assert local_workers("local:3") == 3
