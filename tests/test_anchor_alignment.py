"""Slot values aligned by shared anchors, on both pipelines.

The corpus and the drafts are sentences written for these tests. The
statistical pipeline reads each value's role from its parse; the rule-based
pipeline has none and must report nothing from this mechanism.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.facts.anchor_alignment import (
    AnchorIndex,
    _abbreviates,
    _contains_words,
    _joined,
    anchored_sentences,
)
from factcheck.model import Analysis, Finding, Span, Token
from factcheck.nlp.casing import fold_case
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline
from tests.conftest import REPO

CORPUS = {
    "protest.txt": (
        "Farmers from Normandy blocked the main road into Lyon on Monday in protest at the "
        "new fuel tax.\n\n"
        "The protest marked the one-year anniversary of Spain's withdrawal from the trade pact.\n\n"
        "Police said 40 tractors took part, and the Belgian embassy closed its doors for the day.\n"
    ),
}
SLOT_CODES = {"FC104", "FC106", "FC203", "FC302", "FC403"}


@pytest.fixture(scope="module")
def engines() -> dict[str, Engine]:
    return {}


def check(pipeline: LoadedPipeline, engines: dict[str, Engine], draft: str) -> list[Finding]:
    if pipeline.key not in engines:
        config = config_from_mapping({"cache": False}, source=None, root=REPO)
        engines[pipeline.key] = Engine(
            config, corpus=CORPUS, pipeline=pipeline, stderr=io.StringIO()
        )
    report = engines[pipeline.key].check_document(document_from_text("draft.md", draft))
    return [f for f in report.findings if f.code in SLOT_CODES]


def analysed(pipeline: LoadedPipeline, text: str, path: str = "x.txt") -> Analysis:
    return analyse(pipeline.nlp, document_from_text(path, text), pipeline.key)


@pytest.mark.parametrize(
    ("draft", "code", "found", "expected"),
    [
        # The clause is reordered, so the word-by-word alignment has nothing to pair.
        (
            "Marking the one-year anniversary of Portugal's withdrawal from the trade pact, "
            "farmers blocked a road.",
            "FC106",
            "Portugal",
            "Spain",
        ),
        (
            "Police said the Dutch embassy closed its doors for the day as 40 tractors took part.",
            "FC106",
            "Dutch",
            "Belgian",
        ),
        # A span of time is compared as a number: "one-month" is not "one-year".
        (
            "The protest marked the one-month anniversary of Spain's withdrawal from the trade pact.",
            "FC403",
            "one-month",
            "one-year",
        ),
        # A date in a paraphrase goes to the dates checker, which compares the days.
        (
            "On Tuesday, farmers blocked the main road into Lyon in protest at the new fuel tax.",
            "FC302",
            "Tuesday",
            None,
        ),
    ],
)
def test_a_value_the_corpus_never_gives_in_a_filled_role_is_reported(
    statistical_pipeline: LoadedPipeline,
    engines: dict[str, Engine],
    draft: str,
    code: str,
    found: str,
    expected: str | None,
) -> None:
    (finding,) = check(statistical_pipeline, engines, draft)
    assert (finding.code, finding.found) == (code, found)
    assert finding.severity.value in {"warning", "error"}
    if expected is not None:
        assert finding.expected == expected
    assert finding.evidence and finding.evidence[0].source == "protest.txt"


@pytest.mark.parametrize(
    "draft",
    [
        # The corpus's own values, reworded.
        "Marking the one-year anniversary of Spain's withdrawal from the trade pact, "
        "farmers blocked a road.",
        # A new fact: the corpus gives nobody's place for growers.
        "Farmers from Normandy, joined by growers from Brittany, blocked the main road into Lyon.",
        # The corpus's value is in the draft sentence too: moved, not replaced.
        "Police said the Dutch embassy, like the Belgian embassy, closed its doors for the day.",
        # A placeholder for a word not yet known is no value.
        "The protest marked the one-year anniversary of UNK's withdrawal from the trade pact.",
        # "Spain" more precisely named is the same place.
        "The protest marked the one-year anniversary of Spain's withdrawal from the trade pact, "
        "officials in Spain said.",
    ],
)
def test_agreeing_new_and_moved_values_are_not_reported(
    pipeline: LoadedPipeline, engines: dict[str, Engine], draft: str
) -> None:
    assert [f.message for f in check(pipeline, engines, draft)] == []


def test_without_a_parse_nothing_is_reported(
    rules_pipeline: LoadedPipeline, engines: dict[str, Engine]
) -> None:
    draft = (
        "Marking the one-year anniversary of Portugal's withdrawal from the trade pact, "
        "farmers blocked a road."
    )
    assert check(rules_pipeline, engines, draft) == []
    assert all(not s.values for s in anchored_sentences(analysed(rules_pipeline, draft)))


def test_roles_are_read_from_the_parse(statistical_pipeline: LoadedPipeline) -> None:
    analysis = analysed(
        statistical_pipeline, "Officials recalled Spain's withdrawal from the pact in Geneva."
    )
    roles = {v.key: (v.family, v.role) for s in anchored_sentences(analysis) for v in s.values}
    assert roles["spain"] == ("place", "mod:withdrawal")
    assert roles["geneva"][0] == "place" and roles["geneva"][1].startswith("in:")


@pytest.mark.parametrize(
    ("corpus_text", "draft_text"),
    [
        (
            "Maria Lindqvist opened the bridge in Malmo on Friday.",
            "Anna Lindqvist opened the bridge in Malmo on Friday.",
        ),
        # A misspelt body is FC102's, not another body in its place.
        (
            "The Northern Rail Authority runs the coastal line. "
            "The union urged the Transport Ministry to reopen the coastal line.",
            "The union urged the Northen Rail Authority to reopen the coastal line.",
        ),
    ],
)
def test_a_name_sharing_a_word_with_a_known_name_is_left_to_the_name_checks(
    statistical_pipeline: LoadedPipeline, corpus_text: str, draft_text: str
) -> None:
    corpus = analysed(statistical_pipeline, corpus_text)
    draft = analysed(statistical_pipeline, draft_text, "d.txt")
    index = AnchorIndex(anchored_sentences(corpus))
    assert [c for s in anchored_sentences(draft) for c in index.contradictions(s)] == []


def test_rare_shared_words_align_where_common_ones_do_not(
    statistical_pipeline: LoadedPipeline,
) -> None:
    # Many corpus sentences say "said" and "officials"; one shares the rare words.
    corpus = analysed(
        statistical_pipeline,
        "Officials said the weather was mild. Officials said the trains ran late. "
        "Officials said the Swedish delegation signed the fisheries accord.",
    )
    index = AnchorIndex(anchored_sentences(corpus))
    common = analysed(statistical_pipeline, "Officials said the Danish weather was mild.", "d.txt")
    rare = analysed(
        statistical_pipeline, "The Danish delegation signed the fisheries accord.", "e.txt"
    )
    assert index.weight("fishery") > index.weight("official")
    assert [c.corpus.key for s in anchored_sentences(rare) for c in index.contradictions(s)] == [
        "swedish"
    ]
    assert [c for s in anchored_sentences(common) for c in index.contradictions(s)] == []


def test_a_name_and_its_initials_are_one_value(statistical_pipeline: LoadedPipeline) -> None:
    corpus = analysed(
        statistical_pipeline,
        "The International Energy Agency cut its forecast for oil demand in Asia.",
    )
    index = AnchorIndex(anchored_sentences(corpus))

    def contradicted(draft: str) -> list[str]:
        sentences = anchored_sentences(analysed(statistical_pipeline, draft, "d.txt"))
        return [c.corpus.key for s in sentences for c in index.contradictions(s)]

    assert contradicted("The IEA cut its forecast for oil demand in Asia.") == []
    assert contradicted("The World Bank cut its forecast for oil demand in Asia.") == [
        "international energy agency"
    ]


def test_another_persons_day_is_not_compared(
    statistical_pipeline: LoadedPipeline, engines: dict[str, Engine]
) -> None:
    corpus = {"visit.txt": "Mayor Ines Duarte met the fishermen in Porto on Monday.\n"}
    config = config_from_mapping({"cache": False}, source=None, root=REPO)
    engine = Engine(config, corpus=corpus, pipeline=statistical_pipeline, stderr=io.StringIO())

    def dates(draft: str) -> list[str]:
        report = engine.check_document(document_from_text("draft.md", draft))
        return [f.found for f in report.findings if f.code == "FC302"]

    assert dates("On Wednesday, Mayor Ines Duarte met the fishermen in Porto.") == ["Wednesday"]
    assert dates("On Wednesday, Governor Rui Matos met the fishermen in Porto.") == []


def test_a_number_whose_role_the_paraphrase_changed_meets_the_sole_number_of_its_kind(
    statistical_pipeline: LoadedPipeline,
) -> None:
    corpus = analysed(
        statistical_pipeline,
        "The harbour board approved new cranes last week. For the coming season, the harbour "
        "board expects cargo contracts for delivery of $2bn. The weather was mild.",
    )
    index = AnchorIndex(anchored_sentences(corpus))

    def contradicted(draft: str) -> list[tuple[str, str]]:
        sentences = anchored_sentences(analysed(statistical_pipeline, draft, "d.txt"))
        return [(c.draft.key, c.corpus.key) for s in sentences for c in index.contradictions(s)]

    # "sales of" where the corpus has "delivery of": no shared role, one number of the kind.
    assert contradicted("The harbour board expects cargo sales of $3bn in the coming season.") == [
        ("$ 3bn", "$ 2bn")
    ]
    assert contradicted("The harbour board expects cargo sales of $2bn in the coming season.") == []
    # A percentage is no slot for money.
    assert contradicted("The harbour board expects cargo sales of 3% in the coming season.") == []
    # A sentence that shares only a word or two is no parallel.
    assert contradicted("The weather cost the harbour $3bn.") == []


@pytest.mark.parametrize(
    "texts",
    [
        ["ΟΔΟΣ", "ΑΣ"],  # a final sigma at each token's end
        ["Σ", "'Α"],  # a sigma before an apostrophe, which case ignores
        ["İstanbul", "Tueſday", "\u212aelvin"],  # letters folded to ASCII
        ["U.S.'s", "invasion", "of", "Poland"],
    ],
)
def test_a_sentence_is_folded_as_its_tokens_are(texts: list[str]) -> None:
    split = [Token(Span(0, len(t)), t, t.lower(), t.lower(), "") for t in texts]
    assert _joined(split) == " ".join(fold_case(t) for t in texts)


# Letters, digits, the underscore, spaces and punctuation, and letters \w reads
# as word characters beyond ASCII: where whole-word boundaries are decided.
_BOUNDARY_TEXT = st.text(alphabet="ab1_ .'-\u00e9\u0663\u2019", max_size=30)


@settings(max_examples=400, derandomize=True, database=None)
@given(text=_BOUNDARY_TEXT, words=_BOUNDARY_TEXT)
def test_whole_words_are_found_as_the_word_boundary_pattern_finds_them(
    text: str, words: str
) -> None:
    expected = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None
    assert _contains_words(text, words) is expected


def test_a_value_inside_a_longer_word_is_not_stated() -> None:
    assert not _contains_words("the 150 vessels of kazan", "zan")
    assert _contains_words("the 150 vessels of kazan", "kazan")
    assert not _contains_words("the 1500 vessels", "150")
    assert _contains_words("the 1500 vessels, 150 more", "150")


def _abbreviates_by_pair(short: str, long: str) -> bool:
    """The initials test as first written, on the two keys at once."""
    letters = re.sub(r"[^\w]", "", short)
    words = re.findall(r"\w+", long)
    if len(words) < 2 or not letters:
        return False
    initials = "".join(w if re.fullmatch(r"[ivxlc]+|\d+", w) else w[0] for w in words)
    return letters == initials or letters == "".join(w[0] for w in words)


_KEY_WORDS = st.sampled_from(["world", "war", "ii", "2", "w", "wwii", "ww2", "w.w.", "un", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEY_WORDS, max_size=4), st.lists(_KEY_WORDS, max_size=4))
def test_initials_read_per_key_agree_with_the_pairwise_reading(
    short: list[str], long: list[str]
) -> None:
    a, b = " ".join(short), " ".join(long)
    assert _abbreviates(a, b) == _abbreviates_by_pair(a, b)


def test_initials_keep_numerals_whole() -> None:
    assert _abbreviates("wwii", "world war ii")
    assert _abbreviates("ww2", "world war 2")
    assert _abbreviates("w.w.", "world war")
    assert not _abbreviates("wwii", "world")
    assert not _abbreviates("", "world war")
