"""The five beats' corpora as one archive: a draft keeps its findings when the
other beats' articles are in the corpus too (what a newsroom's archive is).

Real third-party text, read from the external data (skipped without it)."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import config_from_mapping
from factcheck.documents import load_document
from factcheck.engine import Engine
from factcheck.nlp.pipeline import LoadedPipeline
from tests.external_data import external

BEATS = ("election", "greeksprinters", "sixnations", "tsunami", "yukos")


def _fc302_lines(corpora: list[Path], draft: Path, pipeline: LoadedPipeline) -> list[int]:
    config = config_from_mapping(
        {"corpus": [str(c) for c in corpora], "cache": False}, source=None, root=Path.cwd()
    )
    engine = Engine(config, pipeline=pipeline)
    report = engine.check_document(load_document(draft, display_path=draft.name))
    return [f.line for f in report.findings if f.code == "FC302"]


def test_another_story_s_undated_hearing_does_not_split_this_one_s_date(
    statistical_pipeline: LoadedPipeline,
) -> None:
    beats = external("beats")
    draft = beats / "yukos" / "y06.md"
    own = _fc302_lines([beats / "yukos" / "corpus"], draft, statistical_pipeline)
    together = _fc302_lines([beats / b / "corpus" for b in BEATS], draft, statistical_pipeline)
    # The draft's line 5 gives a court hearing a wrong weekday; the beat's corpus
    # dates that hearing. Another beat's hearing, undated, naming none of the
    # draft's participants, must not make the corpus look split.
    assert 5 in own
    assert 5 in together
