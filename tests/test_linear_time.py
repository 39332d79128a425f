"""Every step of analysing a draft takes time linear in its length, on hostile text too.

Each test times a generated input of size n and of size 8n (CPU time, the best
of a few runs, so that other processes on the machine count for little) and
asserts that the larger took at most :data:`MARGIN` times as long: linear
work grows 8 times, quadratic work 64 times. Sizes are chosen so that the
quadratic versions these tests were written against take well over a second
at 8n, and the linear ones a fraction of that.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.markup import mask_html, mask_markdown
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import seeds_config

GROWTH = 8
MARGIN = 24  # three times linear growth; quadratic growth is 64
# Below this a measurement is mostly timer and cache noise.
FLOOR_SECONDS = 0.002


def _cpu_seconds(run_on: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        # A new ending each time: spaCy's tokenizer caches what it has split, by
        # the whole whitespace-free run, and a cached run costs nothing.
        fresh = f"{text}{next(_ENDINGS)}"
        # As timeit does: a full collection of everything the session holds
        # (models, engines) landing in one run would be timed as that run's work.
        gc.disable()
        try:
            start = time.process_time()
            run_on(fresh)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


_ENDINGS = itertools.count()


def assert_linear(run_on: Callable[[str], object], piece: str, n: int) -> None:
    """``run_on(piece * n)`` and ``run_on(piece * 8n)`` grow no faster than linearly."""
    small, large = piece * n, piece * (GROWTH * n)
    run_on(small)  # warm what is cached for good (lexemes, compiled patterns)
    small_time = _cpu_seconds(run_on, small, repeats=3)
    large_time = _cpu_seconds(run_on, large, repeats=2)
    assert large_time <= MARGIN * max(small_time, FLOOR_SECONDS), (
        f"{piece!r}: {n} copies took {small_time:.4f}s, {GROWTH * n} took {large_time:.4f}s"
    )


# --- the prose mask -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("piece", "n"),
    [
        ("[a", 2000),  # an unclosed link text, scanned to the end of the line from each "["
        ("![a", 2000),
        ("[a](", 2000),  # an unclosed link destination
        ("[a][", 2000),
        ("*a", 4000),
        ("`a", 4000),
        ("- ", 4000),
    ],
)
def test_markdown_mask_is_linear(piece: str, n: int) -> None:
    assert_linear(mask_markdown, piece, n)


def test_markdown_heading_with_a_long_run_of_blanks_is_linear() -> None:
    # The closing-hashes pattern was tried at every blank of the run.
    assert_linear(lambda text: mask_markdown("# a" + text + "x"), " ", 2000)


@pytest.mark.parametrize(("piece", "n"), [("<a", 4000), ("<!--", 4000), ("&amp;", 4000)])
def test_html_mask_is_linear(piece: str, n: int) -> None:
    assert_linear(mask_html, piece, n)


# --- spaCy and the extraction rules, on both pipelines ----------------------------------


@pytest.mark.parametrize(
    ("piece", "n"),
    [
        ('"', 500),  # one token of quote marks: spaCy strips its affixes one at a time
        ("x-", 300),
        ("“", 500),  # unclosed opening quotes, each scanned to the end of the text
        ("'a ", 500),  # unclosed single marks: each stops at the next mark
        ('done. "Next ', 300),  # quotations left open that run on into the next
    ],
)
def test_analysis_is_linear(rules_pipeline: LoadedPipeline, piece: str, n: int) -> None:
    assert_linear(_analyser(rules_pipeline), piece, n)


def test_analysis_with_the_statistical_model_is_linear(
    statistical_pipeline: LoadedPipeline,
) -> None:
    # The model's own steps are linear; what is tested is that the long token
    # no longer reaches its tokenizer whole. Small sizes: the model is slow.
    assert_linear(_analyser(statistical_pipeline), '"', 250)


def _analyser(pipeline: LoadedPipeline) -> Callable[[str], object]:
    def run(text: str) -> object:
        return analyse(pipeline.nlp, document_from_text("draft.md", text), pipeline.key)

    return run


# --- a whole check, checkers included -------------------------------------------------


@pytest.mark.parametrize(
    ("piece", "n"),
    [
        ('Xi said "abc d". ', 150),  # every quotation against every name
        ("Mr Xi met Mr Li. 'We all agree on this,' he said. ", 100),  # "he" reads back
        ("the 1st meeting ", 400),  # every count reads its whole sentence
        ("A ", 1000),  # one long run of capitalised words
        ("[a", 2000),
    ],
)
def test_check_is_linear(
    rules_pipeline: LoadedPipeline, seed_engine_rules: Engine, piece: str, n: int
) -> None:
    assert_linear(
        lambda text: seed_engine_rules.check_document(document_from_text("draft.md", text)),
        piece,
        n,
    )


@pytest.fixture()
def seed_engine_rules(rules_pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    """The seeds engine on the rule-based pipeline, shared with the other tests."""
    if rules_pipeline.key not in seed_engines:
        seed_engines[rules_pipeline.key] = Engine(seeds_config(), pipeline=rules_pipeline)
    return seed_engines[rules_pipeline.key]
