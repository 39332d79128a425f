"""A swapped participant: the people a corpus sentence of the same occasion names together."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import corpus_engine, seeds_config

CORPUS = {
    "a.md": "---\ndate: 2021-05-02\n---\n"
    "Goals from Ola Berg, Per Lund and Nils Hauge gave the hosts a 3-1 lead at the break.\n",
    "b.md": "---\ndate: 2021-05-01\n---\n"
    "Ola Berg, Per Lund, Nils Hauge and Jon Hauge trained in Bodo on Friday.\n",
    "c.md": "---\ndate: 2021-05-03\n---\nJon Hauge was injured in the second half.\n",
}
MAY_2021 = dt.date(2021, 5, 3)


@pytest.fixture()
def engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "participants", CORPUS)


def _swaps(engine: Engine, draft: str, date: dt.date) -> list[tuple[str, str | None]]:
    report = engine.check_document(document_from_text("d.md", draft), date=date)
    return [(f.found, f.expected) for f in report.findings if f.code == "FC104"]


@pytest.mark.parametrize(
    ("draft", "date", "swaps"),
    [
        (
            "Ola Berg, Per Lund and Jon Hauge scored as the hosts led 3-1 at the break.",
            MAY_2021,
            [("Jon Hauge", "Nils Hauge")],
        ),
        (
            "Ola Berg, Per Lund and Nils Hauge scored as the hosts led 3-1 at the break.",
            MAY_2021,
            [],
        ),
        # Another occasion: a match months later.
        (
            "Ola Berg, Per Lund and Jon Hauge scored as the hosts led 3-1 at the break.",
            dt.date(2021, 9, 1),
            [],
        ),
        # A name outside the list is not in another's place.
        (
            "Ola Berg and Per Lund scored for the hosts at the break, said coach Jon Hauge.",
            MAY_2021,
            [],
        ),
        # The same people, but nothing else the corpus sentence says.
        ("Ola Berg, Per Lund and Jon Hauge went to the cinema in Oslo.", MAY_2021, []),
    ],
)
def test_a_participant_the_corpus_names_otherwise(
    engine: Engine, draft: str, date: dt.date, swaps: list[tuple[str, str]]
) -> None:
    assert _swaps(engine, draft, date) == swaps


def test_a_name_the_corpus_writes_with_a_word_repeated_is_no_swap(
    pipeline: LoadedPipeline,
) -> None:
    # A caption run into the sentence: "... and Nils Hauge Hauge, who scored twice";
    # the corpus names the same man rightly elsewhere.
    corpus = {
        "a.md": "---\ndate: 2021-05-02\n---\n"
        "Goals from Ola Berg, Per Lund and Nils Hauge Hauge gave the hosts a 3-1 lead"
        " at the break.\n",
        "b.md": "---\ndate: 2021-05-01\n---\nNils Hauge signed a new contract on Friday.\n",
        "c.md": "---\ndate: 2021-05-03\n---\nJon Lie was injured in the second half.\n",
    }
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    draft = "Ola Berg, Per Lund and Nils Hauge scored as the hosts led 3-1 at the break."
    assert _swaps(engine, draft, MAY_2021) == []
    # Another known person in the same place is still a swap.
    other = "Ola Berg, Per Lund and Jon Lie scored as the hosts led 3-1 at the break."
    assert _swaps(engine, other, MAY_2021) == [("Jon Lie", "Nils Hauge Hauge")]
