from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.documents import mask_prose
from factcheck.pubdate import find_publication_date, parse_date

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_date(prefix: str) -> dt.date | None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return find_publication_date(text, text, "txt")


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", None),
        ("001", dt.date(2025, 8, 26)),
        ("002", dt.date(2023, 11, 21)),
        ("003", None),
        ("004", dt.date(2023, 11, 23)),  # not Nov 22, from the caption on line 3
    ],
)
def test_seed_corpus_publication_dates(prefix: str, expected: dt.date | None) -> None:
    assert _seed_date(prefix) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-08-26", dt.date(2025, 8, 26)),
        ("2025-08-26T10:00:00Z", dt.date(2025, 8, 26)),
        ("2025-08-26 10:00", dt.date(2025, 8, 26)),
        ("November 23, 2023", dt.date(2023, 11, 23)),
        ("Nov 23, 2023", dt.date(2023, 11, 23)),
        ("Nov. 23, 2023", dt.date(2023, 11, 23)),
        ("Sept. 3 2023", dt.date(2023, 9, 3)),
        ("23 November 2023", dt.date(2023, 11, 23)),
        ("21st November 2023", dt.date(2023, 11, 21)),
        ("2nd of May 2024", dt.date(2024, 5, 2)),
        ("Monday, November 23, 2023", dt.date(2023, 11, 23)),
        ("Thurs. 23 Nov 2023", dt.date(2023, 11, 23)),
        ("  november 23, 2023 ", dt.date(2023, 11, 23)),
    ],
)
def test_parse_date_forms(written: str, expected: dt.date) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        "February 30, 2023",
        "2023-02-30",
        "2023-13-01",
        "31 April 2024",
        "Smarch 3, 2023",
        "",
        "in 2023",
    ],
)
def test_parse_date_rejects_invalid_or_foreign_text(written: str) -> None:
    assert parse_date(written) is None


def test_parse_date_rejects_text_around_the_date() -> None:
    assert parse_date("On November 23, 2023") is None
    assert parse_date("November 23, 2023 in Beijing") is None


@pytest.mark.parametrize(
    "first_line",
    [
        "Published: 5 March 2024",
        "Posted March 5, 2024",
        "Updated 2024-03-05",
        "Date: Tue, March 5, 2024",
        "March 5, 2024 — BEIJING (Xinhua) Leaders met",
        "5th March 2024 - Beijing",
    ],
)
def test_dateline_forms(first_line: str) -> None:
    text = f"{first_line}\n\nBody text.\n"
    assert find_publication_date(text, text, "txt") == dt.date(2024, 3, 5)


def test_date_inside_a_body_sentence_is_not_a_dateline() -> None:
    text = "Headline\n\nLeaders met in Beijing on March 5, 2024 for talks.\n"
    assert find_publication_date(text, text, "txt") is None


def test_dateline_only_in_the_first_five_non_empty_lines() -> None:
    head = "".join(f"line {n}\n\n" for n in range(5))
    text = head + "March 5, 2024\n"
    assert find_publication_date(text, text, "txt") is None
    text = "".join(f"line {n}\n\n" for n in range(4)) + "March 5, 2024\n"
    assert find_publication_date(text, text, "txt") == dt.date(2024, 3, 5)


def test_invalid_dateline_is_skipped_not_an_error() -> None:
    text = "February 30, 2023\nMarch 5, 2024\n"
    assert find_publication_date(text, text, "txt") == dt.date(2024, 3, 5)


def test_date_glued_to_more_digits_is_not_a_dateline() -> None:
    text = "2024-03-051 units\n"
    assert find_publication_date(text, text, "txt") is None


@pytest.mark.parametrize(
    "value",
    ["2025-08-26", '"2025-08-26"', "'2025-08-26'", "2025-08-26T10:00:00Z", "2025-08-26 10:00"],
)
def test_markdown_front_matter_date(value: str) -> None:
    text = f"---\ntitle: Talks\ndate: {value}\n---\nMarch 5, 2024\n"
    assert find_publication_date(text, mask_prose(text, "md"), "md") == dt.date(2025, 8, 26)


def test_toml_front_matter_date() -> None:
    text = "+++\ndate = 2025-08-26\n+++\nBody.\n"
    assert find_publication_date(text, mask_prose(text, "md"), "md") == dt.date(2025, 8, 26)


def test_front_matter_without_date_falls_back_to_the_dateline() -> None:
    text = "---\ntitle: Talks\n---\n\nMarch 5, 2024\n\nBody.\n"
    assert find_publication_date(text, mask_prose(text, "md"), "md") == dt.date(2024, 3, 5)


def test_dateline_month_with_a_long_s() -> None:
    # re.IGNORECASE matches "ſ" to "s"; the month table must be read the same way.
    text = "Auguſt 26, 2025\n\nZhao Leji met Volodin."
    assert find_publication_date(text, text, "txt") == dt.date(2025, 8, 26)


def test_dateline_month_with_a_dotted_capital_i() -> None:
    # No month has an "i" that "İ" could stand for, but "İ" must not crash either.
    text = "İ 26, 2025\n\nZhao Leji met Volodin."
    assert find_publication_date(text, text, "txt") is None
