"""Hostile and random drafts: checking never raises, and every report renders.

Drafts are generated from pieces like the seeds' sentences, names, dates,
weekdays, ordinals, quotations and markup, mixed with control characters,
odd Unicode (letters whose case folding changes, lone surrogates, combining
marks) and long runs of punctuation. Each is checked, the report rendered in
every output format, and the invariants asserted: no exception, JSON where
the format is JSON, and every finding's span inside the draft with its line
and column where the span starts. Hypothesis runs derandomised, with no
example database, so a run in CI is the same run as on a laptop.

The hostile inputs that once crashed a check are kept as named cases below.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.api import Checker
from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Report
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.output import FORMATS, render
from factcheck.positions import LineIndex
from tests.conftest import REPO, SEEDS, seeds_config

FUZZ = settings(
    max_examples=100,
    deadline=None,  # the first example on a cold model is slow, and timing is not the point
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- the pieces drafts are made of ---------------------------------------------------

_SENTENCES = [
    "China's top legislator Zhao Leji on Monday called for closer cooperation.",
    "Zhao, chairman of China's NPC Standing Committee, made the remarks in Beijing.",
    "Vyacheslav Volodin, chairman of the Russian State Duma, attended the meeting.",
    "It was the 10th meeting of the China-Russia committee for parliamentary cooperation.",
    "This year marks the 20th anniversary of the committee, set up twenty years ago.",
    "The committee was founded in 2005 and met on Tuesday, August 26, 2025.",
    "Xi Jinping met Vladimir Putin on Nov 22, 2023, a Wednesday.",
]
_WORDS = [
    "Zhao Leji", "Volodin", "Xi Jinping", "State Duma", "NPC", "Beijing", "President",
    "chairman", "vice-chairman", "said", "the", "of", "meeting", "session", "anniversary",
    "Monday", "tuesday", "SUNDAY", "yesterday", "tomorrow", "next year", "last year",
    "August 26", "26 August 2025", "Nov. 22, 2023", "2023-11-21", "in 2005", "since 1949",
    "10th", "twenty-first", "one million two hundred thousandth", "1,000th", "999999999999999th",
    "seventy-", "ago", "years ago", "founded", "established",
]  # fmt: skip
_ODDITIES = [
    "Tueſday", "Auguſt 26, 2025", "laſt year", "İstanbul", "\u212aelvin", "ı", "e\u0301",
    "\ud800", "\udfff", "\ufffd", "\u200b", "\u00ad", "\u2028", "\u2029", "\x0c", "\x0b",
    "\x00", "\x1b[31m", "\r", "\r\n", "\t", "\u00a0", "\U0001f600", "\u202e", "ﬁ", "ß",
    "<!--", "-->", "<script>", "</p>", "&amp;", "&#0;", "&#x110000;", "[a](", "![x]",
    "```", "# ", "---\n", "> ", "* ", "_", "~~", "\\", "“", "”", '"', "‘", "’", "«", "»",
    "factcheck: ignore", "<!-- factcheck: disable FC1 -->", "1" * 40 + "th", "1" * 4301 + "th",
]  # fmt: skip
_PUNCTUATION = list("\"'“”-–—.,;:!?()[]{}<>*_`~#&|/\\")


def _run() -> st.SearchStrategy[str]:
    return st.builds(lambda char, n: char * n, st.sampled_from(_PUNCTUATION), st.integers(2, 300))


_PIECE = st.one_of(
    st.sampled_from(_SENTENCES),
    st.sampled_from(_WORDS),
    st.sampled_from(_ODDITIES),
    _run(),
    st.builds(lambda words: f"“{words}”", st.sampled_from(_SENTENCES)),
    st.text(st.characters(exclude_categories=()), max_size=12),  # lone surrogates too
)
_GLUE = st.sampled_from(["", " ", " ", "\n", "\n\n", ", ", ". "])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(_PIECE, _GLUE), max_size=14))
    text = "".join(piece + glue for piece, glue in pieces)
    if draw(st.booleans()):
        date = draw(st.dates(min_value=dt.date.min, max_value=dt.date.max))
        text = f"---\ndate: {date.isoformat()}\n---\n{text}"
    return text


_PATHS = st.sampled_from(["draft.md", "draft.txt", "draft.html"])
_DATES = st.one_of(st.none(), st.dates(min_value=dt.date.min, max_value=dt.date.max))


# --- the invariants -----------------------------------------------------------------


def assert_report_sound(report: Report, text: str) -> None:
    lines = LineIndex(text)
    for finding in report.findings:
        if finding.path.startswith("<"):  # a plugin or the run itself, not the draft
            continue
        assert 0 <= finding.span.start <= finding.span.end <= len(text), finding
        assert (finding.line, finding.column) == lines.position(finding.span.start), finding
    for fmt in FORMATS:
        rendered = render(report, fmt)
        assert isinstance(rendered, str)
        if fmt in ("json", "sarif"):
            json.loads(rendered)
        elif fmt == "jsonl":
            for line in rendered.splitlines():
                json.loads(line)
    # A plugin that fails to load or crashes is reported (FC902, FC903), not
    # raised: that is a defect too.
    assert not [f for f in report.findings if f.code in ("FC902", "FC903")], report.findings


# --- checkers built once per module -----------------------------------------------------


@pytest.fixture(scope="module")
def seeds_checker() -> Checker:
    """The public API's checker on the seeds (the statistical model when installed)."""
    return Checker([SEEDS], config={"cache": False})


@pytest.fixture(scope="module")
def rules_engine(rules_pipeline: LoadedPipeline) -> Engine:
    return Engine(seeds_config(), pipeline=rules_pipeline)


@given(text=drafts(), path=_PATHS, date=_DATES)
@FUZZ
def test_fuzzed_drafts_against_the_seeds(
    seeds_checker: Checker, text: str, path: str, date: dt.date | None
) -> None:
    assert_report_sound(seeds_checker.check_text(text, path=path, date=date), text)


@given(text=drafts(), path=_PATHS, date=_DATES)
@FUZZ
def test_fuzzed_drafts_on_the_rule_based_pipeline(
    rules_engine: Engine, text: str, path: str, date: dt.date | None
) -> None:
    document = document_from_text(path, text)
    report = rules_engine.report([rules_engine.check_document(document, date=date)])
    assert_report_sound(report, text)


_CODES = st.sampled_from(["FC", "FC1", "FC2", "FC30", "FC401", "FC501", "FC9"])
_CONFIGS = st.fixed_dictionaries(
    {},
    optional={
        "select": st.lists(_CODES, max_size=3),
        "ignore": st.lists(_CODES, max_size=3),
        "severity": st.dictionaries(_CODES, st.sampled_from(["error", "warning", "info"])),
        "name-threshold": st.integers(0, 100),
        "per-file-ignores": st.dictionaries(st.sampled_from(["*.md", "draft.*"]), st.lists(_CODES)),
        "accepted-spellings": st.lists(st.sampled_from(_WORDS), max_size=3),
    },
)


@given(corpus=st.lists(drafts(), min_size=1, max_size=2), text=drafts(), config=_CONFIGS)
@settings(FUZZ, max_examples=40)
def test_fuzzed_corpus_and_config(
    rules_pipeline: LoadedPipeline, corpus: list[str], text: str, config: dict[str, object]
) -> None:
    # A hostile corpus file must not stop the run either: it is read for every check.
    documents = {f"corpus{i}.txt": body for i, body in enumerate(corpus)}
    checked = config_from_mapping({**config, "cache": False}, source=None, root=REPO)
    engine = Engine(checked, corpus=documents, pipeline=rules_pipeline)
    report = engine.report([engine.check_document(document_from_text("draft.md", text))])
    assert_report_sound(report, text)


# --- the hostile inputs that crashed a check, by name -------------------------------------


def _hostile() -> Iterator[tuple[str, str, dt.date | None]]:
    yield "long s in a weekday", "Zhao Leji spoke on Tueſday in Beijing.", None
    yield "long s in a dateline", "Auguſt 26, 2025\n\nZhao Leji spoke in Beijing.", None
    yield "a 4,301-digit ordinal", f"the {'1' * 4301}th meeting of the committee", None
    yield "a lone surrogate", '\ud800 Zhao Leji said "we \udfff agree" on Monday.', None
    yield (
        "a weekday before the calendar starts",
        "Zhao Leji on Sunday hosted the 10th meeting of the China-Russia committee "
        "for parliamentary cooperation with Vyacheslav Volodin.",
        dt.date.min,
    )


@pytest.mark.parametrize(
    ("text", "date"), [c[1:] for c in _hostile()], ids=[c[0] for c in _hostile()]
)
def test_hostile_draft(seeds_checker: Checker, text: str, date: dt.date | None) -> None:
    assert_report_sound(seeds_checker.check_text(text, date=date), text)


def test_a_lone_surrogate_on_a_flagged_line(seeds_checker: Checker) -> None:
    # The SARIF fingerprint hashes the flagged line, surrogate and all.
    text = (
        "\ud800 Zhao Leji hosted the 11th meeting of the China-Russia committee for "
        "parliamentary cooperation \udfff in Beijing."
    )
    report = seeds_checker.check_text(text, date=dt.date(2025, 8, 26))
    assert [f.code for f in report.findings] == ["FC401"]
    assert_report_sound(report, text)


def test_a_founding_after_the_draft_s_date_is_said_without_a_fix(seeds_checker: Checker) -> None:
    # "set up twenty years ago" in 1990 against a founding in 2005: no number of
    # years ago is right, and a negative one is no fix.
    text = "The China-Russia committee for parliamentary cooperation was set up twenty years ago."
    report = seeds_checker.check_text(text, date=dt.date(1990, 1, 1))
    assert [(f.code, f.fix) for f in report.findings] == [("FC402", None)]
    assert_report_sound(report, text)


def test_an_anniversary_before_the_first_is_not_expected(seeds_checker: Checker) -> None:
    # The corpus's 20th anniversary in 2025, read in 2000, would be the -5th.
    text = "This year marks the 20th anniversary of the committee."
    assert_report_sound(seeds_checker.check_text(text, date=dt.date(2000, 1, 1)), text)


_DRAFT = "Zhao Leji hosted the fifth meeting of the China-Russia committee."


@pytest.mark.parametrize(
    ("corpus_text", "fix"),
    [
        ("Auguſt 26, 2025\n\nZhao Leji hosted the 10th meeting of the committee.", "tenth"),
        (
            "Zhao Leji hosted the 1,200,000th meeting of the China-Russia committee.",
            "one million two hundred thousandth",
        ),
    ],
    ids=["long s in a dateline", "a count over a million"],
)
def test_hostile_corpus_file_is_read(corpus_text: str, fix: str) -> None:
    report = factcheck.check_text(_DRAFT, corpus={"corpus.txt": corpus_text})
    assert [(f.code, f.fix) for f in report.findings] == [("FC401", fix)]
    assert_report_sound(report, _DRAFT)


def test_long_s_in_a_corpus_s_last_year() -> None:
    corpus = {"corpus.txt": "Laſt year marked the 20th anniversary of the committee."}
    assert_report_sound(factcheck.check_text(_DRAFT, corpus=corpus), _DRAFT)
