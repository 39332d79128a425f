"""The engine end to end: cache, plugins that fail, unreadable drafts, filters."""

from __future__ import annotations

import gc
import io
import shutil
import weakref
from pathlib import Path

import pytest

import factcheck.engine as engine_module
from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Severity
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import REPO, SEED_FILES

FIXTURE_PLUGINS = REPO / "tests" / "fixtures" / "plugins"
MISSPELT = "His guest was Yacheslav Volodin, chairman of the Russian State Duma."
CLEAN = "Vyacheslav Volodin, chairman of the Russian State Duma, arrived in Beijing."


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    return folder


def test_second_run_reads_the_corpus_from_the_cache_and_a_changed_file_alone_is_reanalysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules_pipeline: LoadedPipeline
) -> None:
    corpus = _corpus(tmp_path)
    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache-dir": str(tmp_path / "cache")}, source=None, root=tmp_path
    )
    analysed: list[int] = []
    real = engine_module.analyse_many

    def counting(nlp, documents, key, vocabulary):  # type: ignore[no-untyped-def]
        analysed.append(len(documents))
        return real(nlp, documents, key, vocabulary)

    monkeypatch.setattr(engine_module, "analyse_many", counting)

    first = Engine(config, pipeline=rules_pipeline)
    first_facts = first.facts
    assert first.corpus_load is not None and first.corpus_load.analysed == 5
    assert analysed == [5]

    second = Engine(config, pipeline=rules_pipeline)
    assert len(second.facts.names.entities) == len(first_facts.names.entities)
    assert second.corpus_load is not None
    assert (second.corpus_load.analysed, second.corpus_load.cached) == (0, 5)
    assert analysed == [5], "spaCy ran on an unchanged corpus"

    changed = corpus / SEED_FILES[0].name
    changed.write_text(changed.read_text() + "\nZhao Leji met Xi Jinping.\n")
    third = Engine(config, pipeline=rules_pipeline)
    third.facts  # noqa: B018 - building the facts is the point
    assert third.corpus_load is not None
    assert (third.corpus_load.analysed, third.corpus_load.cached) == (1, 4)
    assert analysed == [5, 1]


def test_a_corpus_analysis_stopped_halfway_keeps_the_batches_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules_pipeline: LoadedPipeline
) -> None:
    corpus = {f"d{i}.txt": f"Report {i} was filed on Monday.\n" for i in range(80)}
    config = config_from_mapping({"cache-dir": str(tmp_path)}, source=None, root=tmp_path)
    real = engine_module.analyse_many
    calls: list[int] = []

    def failing_third(nlp, documents, key, vocabulary):  # type: ignore[no-untyped-def]
        calls.append(len(documents))
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(nlp, documents, key)

    monkeypatch.setattr(engine_module, "analyse_many", failing_third)
    with pytest.raises(KeyboardInterrupt):
        Engine(config, corpus=corpus, pipeline=rules_pipeline).facts  # noqa: B018
    monkeypatch.setattr(engine_module, "analyse_many", real)
    again = Engine(config, corpus=corpus, pipeline=rules_pipeline)
    again.facts  # noqa: B018 - loading the corpus is the point
    assert again.corpus_load is not None
    done = calls[0] + calls[1]
    assert (again.corpus_load.cached, again.corpus_load.analysed) == (done, 80 - done)


def test_a_plugin_that_fails_to_import_is_reported_and_the_run_goes_on(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    config = config_from_mapping(
        {
            "corpus": [str(REPO / "seeds")],
            "cache": False,
            "plugins": [str(FIXTURE_PLUGINS / "broken_import.py")],
        },
        source=None,
        root=tmp_path,
    )
    engine = Engine(config, pipeline=rules_pipeline)
    report = engine.report([engine.check_document(document_from_text("d.md", MISSPELT))])
    codes = [f.code for f in report.findings]
    assert "FC101" in codes, "the built-in checkers still ran"
    failure = next(f for f in report.findings if f.code == "FC902")
    assert "broken_import" in failure.message
    assert failure.severity is Severity.WARNING


def test_a_plugin_that_raises_while_checking_is_reported_with_its_name(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    config = config_from_mapping(
        {
            "corpus": [str(REPO / "seeds")],
            "cache": False,
            "plugins": [str(FIXTURE_PLUGINS / "crashing_check.py")],
        },
        source=None,
        root=tmp_path,
    )
    engine = Engine(config, pipeline=rules_pipeline)
    report = engine.check_document(document_from_text("d.md", MISSPELT))
    codes = [f.code for f in report.findings]
    assert "FC101" in codes
    crash = next(f for f in report.findings if f.code == "FC903")
    assert "crashing_check" in crash.message and "crashing_check.py" in crash.message
    assert crash.path == "d.md"


def test_unreadable_and_binary_drafts_are_findings_not_crashes(
    tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "good.md").write_text(MISSPELT)
    # Forced UTF-8: under the default "auto" a Latin-1 draft is read as detected.
    config = config_from_mapping(
        {"corpus": [str(REPO / "seeds")], "cache": False, "encoding": "utf-8"},
        source=None,
        root=tmp_path,
    )
    report = Engine(config, pipeline=rules_pipeline).check_paths(
        ["binary.md", "latin1.txt", "good.md"]
    )
    by_path = {f.path: f for f in report.files}
    assert by_path["binary.md"].findings[0].code == "FC901"
    assert "binary" in by_path["binary.md"].findings[0].message
    assert "UTF-8" in by_path["latin1.txt"].findings[0].message
    assert [f.code for f in by_path["good.md"].findings] == ["FC101"]


def test_selection_severity_and_inline_suppression(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    base = {"corpus": [str(REPO / "seeds")], "cache": False}
    text = MISSPELT + "\n\nZhao Leiji spoke. <!-- factcheck: ignore FC101 -->\n"

    def codes(extra: dict[str, object], *, no_ignore: bool = False) -> list[tuple[str, int, str]]:
        config = config_from_mapping({**base, **extra}, source=None, root=tmp_path)
        engine = Engine(config, pipeline=rules_pipeline, no_ignore=no_ignore)
        report = engine.check_document(document_from_text("d.md", text))
        return [(f.code, f.line, f.severity.value) for f in report.findings]

    assert codes({}) == [("FC101", 1, "error")]
    assert codes({}, no_ignore=True) == [("FC101", 1, "error"), ("FC101", 3, "error")]
    assert codes({"ignore": ["FC1"]}) == []
    assert codes({"severity": {"FC101": "warning"}}) == [("FC101", 1, "warning")]
    assert codes({"per-file-ignores": {"d.md": ["FC101"]}}) == []
    assert codes({"accepted-spellings": ["Yacheslav Volodin"]}) == []


def test_draft_date_overrides_front_matter(rules_pipeline: LoadedPipeline, tmp_path: Path) -> None:
    import datetime as dt

    config = config_from_mapping(
        {"corpus": [str(REPO / "seeds")], "cache": False}, source=None, root=tmp_path
    )
    engine = Engine(config, pipeline=rules_pipeline)
    text = "---\ndate: 2023-11-23\n---\nZhao Leji on Tuesday called on the Federal Assembly to enhance cooperation.\n"
    document = document_from_text("d.md", text)
    in_2023 = [f.code for f in engine.check_document(document).findings]
    in_2025 = [f.code for f in engine.check_document(document, date=dt.date(2025, 8, 26)).findings]
    assert "FC302" not in in_2023  # no 2023 statement of Zhao's is dated in the corpus
    assert "FC302" in in_2025


def test_an_unreadable_corpus_file_is_said_on_stderr_and_fails_no_draft(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "scan.txt").write_bytes(b"\x00\x00binary scan")
    config = config_from_mapping(
        {"corpus": [str(corpus)], "cache": False}, source=None, root=tmp_path
    )
    stderr = io.StringIO()
    engine = Engine(config, pipeline=rules_pipeline, stderr=stderr)
    clean = engine.report([engine.check_document(document_from_text("d.md", CLEAN))])
    assert clean.findings == () and not clean.failed
    (line,) = [x for x in stderr.getvalue().splitlines() if "corpus file skipped" in x]
    assert line.startswith("factcheck: corpus file skipped: ") and "scan.txt: " in line
    assert "binary" in line
    misspelt = engine.report([engine.check_document(document_from_text("d.md", MISSPELT))])
    assert [f.code for f in misspelt.findings] == ["FC101"]
    assert stderr.getvalue().count("corpus file skipped") == 1, "said once per run"
    assert engine.corpus_load is not None and len(engine.corpus_load.unreadable) == 1


def test_a_configured_severity_wins_over_the_checkers_own_choice(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    """FC101 is an error by default, but a checker may lower one finding to a
    warning (initials that fit no one); configuring FC101 = "error" raises it back."""
    text = "A. Volodin met Zhao Leji in Beijing."
    base = {"corpus": [str(REPO / "seeds")], "cache": False}

    def severities(extra: dict[str, object]) -> list[str]:
        config = config_from_mapping({**base, **extra}, source=None, root=tmp_path)
        report = Engine(config, pipeline=rules_pipeline).check_document(
            document_from_text("d.md", text)
        )
        return [f.severity.value for f in report.findings if f.code == "FC101"]

    assert severities({}) == ["warning"]
    assert severities({"severity": {"FC101": "error"}}) == ["error"]
    assert severities({"severity": {"FC1": "error"}}) == ["error"]


def test_evidence_quotes_read_as_prose_without_markup(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus = {
        "a.html": "<p>Zhao Leji met <a href='/v'>Vyacheslav Volodin</a>, chairman of the <b>Russian State Duma</b>.</p>",
        "b.md": "Vyacheslav Volodin, chairman of the **Russian State Duma**, visited [Beijing](https://example.org).\n",
    }
    config = config_from_mapping({"cache": False}, source=None, root=tmp_path)
    engine = Engine(config, corpus=corpus, pipeline=rules_pipeline)
    report = engine.check_document(document_from_text("d.md", "Yacheslav Volodin arrived."))
    quotes = [e.quote for f in report.findings for e in f.evidence]
    assert quotes, report.findings
    assert not any(mark in q for q in quotes for mark in ("<", "**", "](")), quotes


# --- suppressions: invalid, unused, marked -------------------------------------------


def _engine(
    tmp_path: Path,
    pipeline: LoadedPipeline,
    extra: dict[str, object] | None = None,
    *,
    no_ignore: bool = False,
) -> Engine:
    config = config_from_mapping(
        {"corpus": [str(REPO / "seeds")], "cache": False, **(extra or {})},
        source=None,
        root=tmp_path,
    )
    return Engine(config, pipeline=pipeline, no_ignore=no_ignore)


def _found(engine: Engine, text: str) -> list[tuple[str, int, str]]:
    report = engine.check_document(document_from_text("d.md", text))
    return [(f.code, f.line, f.severity.value) for f in report.findings]


def test_a_suppression_with_an_unknown_code_silences_nothing_and_is_fc904(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    text = MISSPELT + " <!-- factcheck: ignore FC10l -->\n"
    report = _engine(tmp_path, rules_pipeline).check_document(document_from_text("d.md", text))
    assert [(f.code, f.line) for f in report.findings] == [("FC101", 1), ("FC904", 1)]
    invalid = report.findings[1]
    assert invalid.severity is Severity.WARNING and "FC10l" in invalid.message
    assert invalid.found == "<!-- factcheck: ignore FC10l -->"
    assert invalid.column == len(MISSPELT) + 2


def test_a_suppression_that_silences_nothing_is_fc905_as_selected(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    text = (
        CLEAN
        + " <!-- factcheck: ignore FC101 -->\n\n"
        + MISSPELT
        + " <!-- factcheck: ignore FC1 -->\n"
    )
    assert _found(_engine(tmp_path, rules_pipeline), text) == [("FC905", 1, "info")]
    # FC101 was not looked for: its suppressions are not known to be unused.
    assert _found(_engine(tmp_path, rules_pipeline, {"select": ["FC102", "FC9"]}), text) == []
    assert _found(_engine(tmp_path, rules_pipeline, {"select": ["FC3", "FC9"]}), text) == []
    assert _found(_engine(tmp_path, rules_pipeline, {"ignore": ["FC905"]}), text) == []
    per_file: dict[str, object] = {"per-file-ignores": {"d.md": ["FC101"]}}
    assert _found(_engine(tmp_path, rules_pipeline, per_file), text) == []
    raised = _engine(tmp_path, rules_pipeline, {"severity": {"FC905": "warning"}})
    assert _found(raised, text) == [("FC905", 1, "warning")]


def test_no_ignore_marks_the_suppressed_findings(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    text = MISSPELT + "\n\nZhao Leiji spoke. <!-- factcheck: ignore FC101 -->\n"
    engine = _engine(tmp_path, rules_pipeline, no_ignore=True)
    report = engine.check_document(document_from_text("d.md", text))
    assert [(f.code, f.line, f.suppressed) for f in report.findings] == [
        ("FC101", 1, False),
        ("FC101", 3, True),
    ]


def test_a_text_over_the_size_cap_is_fc901_not_a_crash() -> None:
    import factcheck
    from factcheck.documents import MAX_DOCUMENT_CHARACTERS

    huge = "x " * (MAX_DOCUMENT_CHARACTERS // 2 + 1)
    report = factcheck.check_text(huge, corpus={"a.txt": "Vyacheslav Volodin spoke."})
    (finding,) = report.findings
    assert finding.code == "FC901"
    assert "too large" in finding.message


def test_a_mapping_corpus_text_over_the_size_cap_is_skipped() -> None:
    import factcheck
    from factcheck.documents import MAX_DOCUMENT_CHARACTERS

    corpus = {"a.txt": "Vyacheslav Volodin spoke.", "b.txt": "y" * (MAX_DOCUMENT_CHARACTERS + 1)}
    report = factcheck.check_text("Vyacheslav Volodin spoke.", corpus=corpus)
    assert not [f for f in report.findings if f.code == "FC901"]


def test_indexing_the_corpus_reports_progress_to_the_given_factory(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    from factcheck.progress import Progress

    started: list[Progress] = []

    def factory(label: str, total: int) -> Progress:
        progress = Progress(label, total, io.StringIO(), enabled=False)
        started.append(progress)
        return progress

    config = config_from_mapping(
        {"corpus": [str(_corpus(tmp_path))], "cache": False}, source=None, root=tmp_path
    )
    engine = Engine(config, pipeline=rules_pipeline, progress=factory)
    assert engine.facts.names.people()
    (progress,) = started
    assert (progress.label, progress.done, progress.total) == (
        "indexing the corpus",
        len(SEED_FILES),
        len(SEED_FILES),
    )


def test_standard_input_under_a_name_takes_the_name_and_its_kind(
    tmp_path: Path, rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    config = config_from_mapping(
        {"corpus": [str(_corpus(tmp_path))], "cache": False}, source=None, root=tmp_path
    )
    engine = Engine(config, pipeline=rules_pipeline)
    draft = "```\nYacheslav Volodin in code.\n```\n" + MISSPELT + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft.encode())))
    report = engine.check_stdin(name="drafts/x.md")
    assert report.path == "drafts/x.md"
    assert report.document is not None and report.document.kind == "md"
    # Markdown: the fenced block is not prose, so only the second line is flagged.
    assert [(f.path, f.line) for f in report.findings if f.code == "FC101"] == [("drafts/x.md", 4)]


def test_engines_with_different_vocabularies_keep_their_own_analyses(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    # Without a tagger, a name is a person when a speech verb follows it; the
    # configured verb makes one, and only for the engine configured with it.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("Harlow Quince quipped that the vote was close.\n")

    def labels(vocabulary: dict[str, list[str]]) -> tuple[list[str], int]:
        settings = {"corpus": [str(corpus)], "cache-dir": str(tmp_path / "cache")}
        config = config_from_mapping(
            {**settings, **({"vocabulary": vocabulary} if vocabulary else {})},
            source=None,
            root=tmp_path,
        )
        engine = Engine(config, pipeline=rules_pipeline)
        analysis = next(iter(engine.facts.analyses.values()))
        assert engine.corpus_load is not None
        found = [m.label for m in analysis.mentions if m.text == "Harlow Quince"]
        return found, engine.corpus_load.analysed

    assert labels({}) == (["MISC"], 1)
    # The same cache folder: the analysis made with the shipped lists is not reused.
    assert labels({"speech-verbs": ["quipped"]}) == (["PERSON"], 1)
    assert labels({}) == (["MISC"], 0)  # nothing leaked; the first analysis is read back
    assert labels({"speech-verbs": ["quipped"]}) == (["PERSON"], 0)


def test_a_changed_vocabulary_checks_against_a_fact_index_of_its_own(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("Harlow Quince quipped that the vote was close.\n")
    cache = tmp_path / "cache"

    def check(vocabulary: dict[str, list[str]]) -> None:
        settings = {"corpus": [str(corpus)], "cache-dir": str(cache)}
        config = config_from_mapping(
            {**settings, **({"vocabulary": vocabulary} if vocabulary else {})},
            source=None,
            root=tmp_path,
        )
        engine = Engine(config, pipeline=rules_pipeline)
        assert engine.uses_index
        engine.check_document(document_from_text("d.md", "Harlow Quince spoke."))

    check({})
    check({})
    assert len(list(cache.glob("index-*.sqlite3"))) == 1
    check({"speech-verbs": ["quipped"]})
    assert len(list(cache.glob("index-*.sqlite3"))) == 2


def test_an_engine_that_loads_its_model_puts_it_out_of_the_collector_s_sight(
    rules_pipeline: LoadedPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    class Model:  # stands for the model's objects: tracked by the collector
        def __init__(self) -> None:
            self.parts = [[index] for index in range(1000)]

    loaded: list[Model] = []

    def load(_: object) -> LoadedPipeline:
        loaded.append(Model())
        return rules_pipeline

    monkeypatch.setattr(engine_module, "load_pipeline", load)
    gc.unfreeze()
    try:
        engine = Engine(config_from_mapping({}, source=None, root=REPO))
        assert engine.pipeline is rules_pipeline
        # Every object alive when the model was loaded is frozen, the model's too.
        assert gc.get_freeze_count() >= 1000
        assert not any(loaded[0] is found for found in gc.get_objects())
    finally:
        gc.unfreeze()


def _engine_on_seed_texts(cache: Path, pipeline: LoadedPipeline) -> Engine:
    """An engine on the seeds given as texts (the API's way), its cache in ``cache``."""
    corpus = {seed.name: seed.read_text(encoding="utf-8") for seed in SEED_FILES}
    config = config_from_mapping({"cache-dir": str(cache)}, source=None, root=cache)
    return Engine(config, corpus=corpus, pipeline=pipeline)


def test_what_a_check_keeps_is_frozen_after_it(
    tmp_path: Path, rules_pipeline: LoadedPipeline
) -> None:
    # The next young collection walked all of it, for nothing it could free
    # (factcheck.frozen_heap): a fifth of a new story's check at 10,000 documents.
    engine = _engine_on_seed_texts(tmp_path, rules_pipeline)
    gc.unfreeze()
    engine.check_document(document_from_text("draft.md", MISSPELT))
    kept = engine.facts
    assert not any(found is kept for found in gc.get_objects()), "the fact base is not frozen"


def test_a_fact_base_the_engine_drops_is_freed_at_once_with_what_its_checks_built(
    tmp_path: Path, statistical_pipeline: LoadedPipeline
) -> None:
    # A long-lived engine drops a fact base at each reload (and at each evicted
    # selection, with the index): kept alive by a reference cycle or a cache of the
    # checkers' indexes, every dropped one would stay in memory with its analyses.
    engine = _engine_on_seed_texts(tmp_path, statistical_pipeline)
    # Sentences that make the checkers build what they keep per fact base (see
    # factcheck.facts.per_fact_base): the value index, the participants' sentences,
    # and the people's company ("Boris Volodin" beside Zhao Leji).
    draft = (
        f"{MISSPELT}\n\nZhao Leji and Vyacheslav Volodin held the 11th meeting on Monday.\n\n"
        "Boris Volodin met Zhao Leji in Beijing.\n"
    )
    report = engine.check_document(document_from_text("draft.md", draft))
    assert report.findings, "the checks ran on the fact base"
    dropped = weakref.ref(engine.facts)
    collecting = gc.isenabled()
    gc.disable()  # freed by reference counting, not found later by the collector
    try:
        engine.reload_corpus()
        assert engine.facts is not dropped()
        assert dropped() is None, "something still holds the dropped fact base"
    finally:
        if collecting:
            gc.enable()
