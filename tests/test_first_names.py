"""A wrong first name for a known surname, told by the company the name keeps."""

from __future__ import annotations

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import corpus_engine

CORPUS = {
    "a.txt": "Anders Lie, a spokesman for Nordkraft, said the plant in Mosjoen would close.\n",
    "b.txt": "Nordkraft will shut the plant, Anders Lie said on Monday.\n",
    "c.txt": "Berit Lie, a teacher in Hamar, said the school would open in May.\n",
    "d.txt": "Kari Nordby of the Hamar school board met Berit Lie and Tove Lie on Friday.\n",
    "e.txt": "Jonas Berg and Mikkel Sand sang at the Harbour Hall in Bodo.\n",
}


@pytest.fixture()
def engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "first-names", CORPUS)


def _slips(engine: Engine, draft: str) -> list[tuple[str, str | None]]:
    report = engine.check_document(document_from_text("d.md", draft))
    return [(f.found, f.expected) for f in report.findings if f.code == "FC107"]


@pytest.mark.parametrize(
    ("draft", "slips"),
    [
        # The surname beside the known person's company: that person, misnamed.
        (
            "Arne Lie, a spokesman for Nordkraft, said the plant would reopen.",
            [("Arne Lie", "Anders Lie")],
        ),
        # The known name, and a misspelling of it, are the known person.
        ("Anders Lie, a spokesman for Nordkraft, said the plant would reopen.", []),
        ("Andres Lie, a spokesman for Nordkraft, said the plant would reopen.", []),
        # Two people of that surname in that company: no one for certain.
        ("Kari Nordby met Hege Lie in Hamar.", []),
        # Another known person's first name with the surname: two people run together.
        ("Jonas Sand sang at the Harbour Hall.", []),
        ("Petter Sand sang at the Harbour Hall.", [("Petter Sand", "Mikkel Sand")]),
        # No company the corpus keeps with anyone of the surname: a namesake.
        ("Arne Lie won a chess title in Tromso.", []),
    ],
)
def test_a_first_name_the_corpus_never_gives_in_that_company(
    engine: Engine, draft: str, slips: list[tuple[str, str]]
) -> None:
    assert _slips(engine, draft) == slips
