"""``factcheck audit``: disagreements inside the corpus, on the real seeds and small corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.audit import Disagreement, audit_corpus, render_audit
from factcheck.cli import main
from factcheck.config import Config, config_from_mapping
from factcheck.engine import Engine
from factcheck.model import Category
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline
from tests.conftest import SEEDS_VOCABULARY

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TALKS_DATELINE = "seeds/002_5402c6432a7c4f8f.txt"  # dates the Zhao-Volodin talks 21 November
TALKS_WEDNESDAY = "seeds/004_53a1953318e5a545.txt"  # "held talks on Wednesday" (22 November)

SERIES = "the China-Russia committee for parliamentary cooperation"


def _config(root: Path, corpus: list[str] | None = None) -> Config:
    settings: dict[str, object] = {"cache": False, "vocabulary": SEEDS_VOCABULARY}
    if corpus is not None:
        settings["corpus"] = corpus
    return config_from_mapping(settings, source=None, root=root)


@pytest.fixture(scope="module")
def pipeline() -> LoadedPipeline:
    return load_pipeline(_config(SEEDS.parent).model)


@pytest.fixture(scope="module")
def seed_audit(pipeline: LoadedPipeline) -> list[Disagreement]:
    # Paths relative to the repository, as `factcheck audit` run there shows them.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(SEEDS.parent)
        engine = Engine(_config(SEEDS.parent, [str(SEEDS)]), pipeline=pipeline)
        return audit_corpus(engine)


def _of(disagreements: list[Disagreement], category: Category) -> list[Disagreement]:
    return [d for d in disagreements if d.category is category]


def _audit_texts(pipeline: LoadedPipeline, corpus: dict[str, str]) -> list[Disagreement]:
    return audit_corpus(Engine(_config(Path.cwd()), corpus=corpus, pipeline=pipeline))


# --- the seeds ---------------------------------------------------------------------


def test_seed_misspelling_is_one_name_disagreement_with_the_majority_first(
    seed_audit: list[Disagreement],
) -> None:
    (names,) = _of(seed_audit, Category.NAME)
    assert names.subject == "Vyacheslav Volodin"
    assert [(s.value, s.support) for s in names.sides] == [
        # All five write the right spelling (002 in its text); only 002's caption misspells it.
        ("Vyacheslav Volodin", 5),
        ("Yacheslav Volodin", 1),
    ]


def test_misspelling_evidence_is_only_the_sentence_that_writes_it(
    seed_audit: list[Disagreement],
) -> None:
    (names,) = _of(seed_audit, Category.NAME)
    misspelt = names.sides[1]
    assert [(e.source, e.line) for e in misspelt.evidence] == [(TALKS_DATELINE, 3)]
    # "Yacheslav Volodin" is inside "Vyacheslav Volodin": those sentences are the other side.
    assert "Vyacheslav" not in misspelt.evidence[0].quote
    assert all(e.support == 1 for e in misspelt.evidence)


def test_seed_talks_dated_a_day_apart_are_one_date_disagreement(
    seed_audit: list[Disagreement],
) -> None:
    (dates,) = _of(seed_audit, Category.DATE)
    assert dates.subject == "meeting of Vyacheslav Volodin and Zhao Leji"
    values = sorted(s.value for s in dates.sides)
    assert values == ["2023-11-21 (Tuesday)", "2023-11-22 (Wednesday)"]
    sources = {s.value[:10]: [e.source for e in s.evidence] for s in dates.sides}
    assert sources == {"2023-11-21": [TALKS_DATELINE], "2023-11-22": [TALKS_WEDNESDAY]}


def test_seed_agreements_are_not_reported(seed_audit: list[Disagreement]) -> None:
    # Every document that numbers the committee's meeting says the 10th.
    assert _of(seed_audit, Category.COUNT) == []
    # "speaker of Russia's State Duma" and "chairman of the Russian State Duma" are one title.
    titles = _of(seed_audit, Category.TITLE)
    assert not [d for d in titles if "Volodin" in d.subject or "Zhao" in d.subject]
    # Short forms ("Volodin", "NPC") are not spellings of their full names.
    assert [d.subject for d in _of(seed_audit, Category.NAME)] == ["Vyacheslav Volodin"]


def test_seed_wrong_chamber_is_reported_against_the_documents_pairing_npc_and_assembly(
    seed_audit: list[Disagreement],
) -> None:
    (swap,) = [d for d in _of(seed_audit, Category.TITLE) if "NPC" in d.subject]
    assert [(s.value, s.support) for s in swap.sides] == [
        ("Federal Assembly of the Russian Federation", 3),
        ("Russian Federation Council", 1),
    ]
    assert [e.source for e in swap.sides[1].evidence] == [TALKS_DATELINE]


def test_text_output_lists_each_side_with_evidence_and_a_summary(
    seed_audit: list[Disagreement],
) -> None:
    text = render_audit(seed_audit, "text")
    assert "name: Vyacheslav Volodin\n" in text
    assert '  "Vyacheslav Volodin": 5 documents\n' in text
    assert '  "Yacheslav Volodin": 1 document\n' in text
    assert f'    {TALKS_DATELINE}:3: "Yacheslav Volodin (left) and Zhao Leji (right)."\n' in text
    last = text.splitlines()[-1]
    assert last == "3 disagreements in the corpus (1 name, 1 title, 1 date)"


def test_json_output_has_the_documented_shape(seed_audit: list[Disagreement]) -> None:
    data = json.loads(render_audit(seed_audit, "json"))
    assert data["version"] == 1
    assert len(data["disagreements"]) == len(seed_audit)
    names = next(d for d in data["disagreements"] if d["category"] == "name")
    assert names["subject"] == "Vyacheslav Volodin"
    assert [s["support"] for s in names["sides"]] == [5, 1]
    assert names["sides"][1]["evidence"] == [
        {
            "source": TALKS_DATELINE,
            "line": 3,
            "quote": "Yacheslav Volodin (left) and Zhao Leji (right).",
            "support": 1,
        }
    ]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        render_audit([], "xml")


# --- small corpora -----------------------------------------------------------------


def test_two_documents_numbering_one_meeting_differently(pipeline: LoadedPipeline) -> None:
    audit = _audit_texts(
        pipeline,
        {
            "a.txt": f"Zhao Leji hosted the 10th meeting of {SERIES} in Beijing.\n",
            "b.txt": f"Zhao Leji hosted the 11th meeting of {SERIES} in Beijing.\n",
            "c.txt": f"Zhao Leji opened the 10th meeting of {SERIES} on Monday.\n",
        },
    )
    (counts,) = audit
    assert counts.category is Category.COUNT
    assert counts.subject == "meeting of the china-russia committee for parliamentary cooperation"
    assert [(s.value, s.support) for s in counts.sides] == [("10", 2), ("11", 1)]
    assert [e.source for e in counts.sides[1].evidence] == ["b.txt"]


def test_counts_of_different_years_are_not_a_disagreement(pipeline: LoadedPipeline) -> None:
    # A later meeting of the series may well carry a higher number.
    audit = _audit_texts(
        pipeline,
        {
            "a.md": f"---\ndate: 2023-11-21\n---\nZhao Leji hosted the 10th meeting of {SERIES}.\n",
            "b.md": f"---\ndate: 2025-08-26\n---\nZhao Leji hosted the 11th meeting of {SERIES}.\n",
        },
    )
    assert audit == []


# --- the command -------------------------------------------------------------------


def test_cli_audit_exits_1_and_names_both_spellings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no project configuration but the seeds' words
    (tmp_path / "factcheck.toml").write_text('[vocabulary]\norganisation-heads = ["Duma"]\n')
    assert main(["audit", "--corpus", str(SEEDS), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert '"Vyacheslav Volodin": 5 documents' in out
    assert '"Yacheslav Volodin": 1 document' in out


def test_cli_audit_of_an_agreeing_corpus_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text(f"Zhao Leji hosted the 10th meeting of {SERIES}.\n")
    assert main(["audit", "--corpus", str(corpus), "--no-cache", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"version": 1, "disagreements": []}
