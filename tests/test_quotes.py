"""FC5xx judgements on corpora and drafts written for these tests."""

from __future__ import annotations

from pathlib import Path

from factcheck_plugins.quotes import same_speaker

from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Finding
from factcheck.nlp.pipeline import LoadedPipeline

SCHOOLS = "We will build ten new schools in the north before the winter comes"


def _findings(pipeline: LoadedPipeline, corpus: str | dict[str, str], draft: str) -> list[Finding]:
    config = config_from_mapping({"cache": False}, source=None, root=Path.cwd())
    texts = corpus if isinstance(corpus, dict) else {"corpus.txt": corpus}
    engine = Engine(config, corpus=texts, pipeline=pipeline)
    report = engine.check_document(document_from_text("draft.txt", draft))
    return [f for f in report.findings if f.code.startswith("FC5")]


def _codes(pipeline: LoadedPipeline, corpus: str | dict[str, str], draft: str) -> list[str]:
    return [f.code for f in _findings(pipeline, corpus, draft)]


def test_two_names_of_one_person_are_the_same_speaker() -> None:
    assert same_speaker("Pelous", "Fabien Pelous")
    assert same_speaker("Mr. Harker", "Tom Harker")
    assert same_speaker("T. Harker", "Tom Harker")
    assert not same_speaker("Anna Harker", "Tom Harker")
    assert not same_speaker("Tom Reed", "Tom Harker")


def test_words_given_to_another_known_person_are_misattributed(pipeline: LoadedPipeline) -> None:
    corpus = f'Tom Reed met Anna Berg. "{SCHOOLS}," said Anna Berg. Tom Reed said: "No."\n'
    assert _codes(pipeline, corpus, f'"{SCHOOLS}," said Tom Reed.\n') == ["FC503"]


def test_a_speaker_from_the_sentence_before_is_never_misattributed(
    pipeline: LoadedPipeline,
) -> None:
    corpus = f'Tom Reed met Anna Berg. "{SCHOOLS}," said Anna Berg. Tom Reed said: "No."\n'
    draft = f'Tom Reed said it twice in Leeds.\n\n"{SCHOOLS}."\n'
    assert _codes(pipeline, corpus, draft) == ["FC502"]


def test_an_ambiguous_he_is_never_misattributed(pipeline: LoadedPipeline) -> None:
    corpus = f'Tom Reed met Anna Berg. "{SCHOOLS}," said Anna Berg. Tom Reed said: "No."\n'
    draft = f'Tom Reed met Anna Berg in Leeds. "{SCHOOLS}," he said.\n'
    assert "FC503" not in _codes(pipeline, corpus, draft)


def test_an_organisation_before_a_role_is_not_the_corpus_speaker(
    pipeline: LoadedPipeline,
) -> None:
    corpus = {
        "a.txt": "Velmar met Anna Berg.\n",
        "b.txt": "Velmar spoke in Leeds.\n",
        "c.txt": "Mr Marot spoke in York.\n",
        "d.txt": f'"{SCHOOLS}," said Velmar chairman Lucien Marot.\n',
    }
    assert _codes(pipeline, corpus, f'"{SCHOOLS}," Mr Marot said.\n') == []


def test_house_respellings_are_not_alterations(pipeline: LoadedPipeline) -> None:
    corpus = (
        'Anna Berg said: "We will modernise the harbour and organise the labour of the port."\n'
    )
    draft = 'Anna Berg said: "We will modernize the harbor and organize the labor of the port."\n'
    assert _codes(pipeline, corpus, draft) == []


def test_an_editor_s_brackets_and_ellipses_are_not_alterations(pipeline: LoadedPipeline) -> None:
    corpus = f'Anna Berg said: "Harker told me: {SCHOOLS}."\n'
    assert (
        _codes(pipeline, corpus, 'Anna Berg said: "[He] told me: we will build ten new schools."\n')
        == []
    )
    assert (
        _codes(
            pipeline, corpus, 'Anna Berg said: "We will build ten ... before the winter comes."\n'
        )
        == []
    )
    bracketed = 'Anna Berg said: "We will build [in Leeds] ten new schools in the north before the winter comes."\n'
    assert _codes(pipeline, bracketed, f'Anna Berg said: "{SCHOOLS}."\n') == []


def test_a_single_quoted_quotation_is_checked(pipeline: LoadedPipeline) -> None:
    corpus = f"Anna Berg said: '{SCHOOLS}.'\n"
    altered = SCHOOLS.replace("ten", "twelve")
    assert _codes(pipeline, corpus, f"Anna Berg said: '{altered}.'\n") == ["FC501"]


def test_a_corpus_speaker_from_the_sentence_before_is_no_attribution(
    pipeline: LoadedPipeline,
) -> None:
    corpus = f'Tom Reed met Anna Berg. Anna Berg said it twice in Leeds.\n\n"{SCHOOLS}."\n'
    assert "FC503" not in _codes(pipeline, corpus, f'"{SCHOOLS}," said Tom Reed.\n')
