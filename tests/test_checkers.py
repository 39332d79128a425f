"""Every built-in checker against the seeds: drafts it must flag and drafts it must not.

Each case runs on both pipelines (the statistical model and the rule-based
fallback). A checker code with no flagged or no clean case fails the last test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.plugins import load_plugins
from tests.conftest import CheckText, seeds_config

AUG_26_2025 = dt.date(2025, 8, 26)
NOV_23_2023 = dt.date(2023, 11, 23)

# (code, draft, date, expected fix or None)
FLAGGED: list[tuple[str, str, dt.date | None, str | None]] = [
    ("FC101", "His guest was Yacheslav Volodin.", None, "Vyacheslav Volodin"),
    ("FC101", "Zhao Leiji hosted the talks in Beijing.", None, "Zhao Leji"),
    (
        "FC102",
        "Volodin said the Russian State Dumma is willing to cooperate.",
        None,
        "Russian State Duma",
    ),
    (
        "FC104",
        "Zhao, chairman of China's NPC Standing Committee, hosted the 10th meeting of the China-Russia committee for parliamentary cooperation with Xi Jinping in Beijing.",
        None,
        None,
    ),
    (
        "FC201",
        "Vyacheslav Volodin, chairman of the Federation Council, arrived in Beijing.",
        None,
        "Russian State Duma",
    ),
    (
        "FC203",
        "Zhao said China's NPC is willing to work with the Shanghai Cooperation Organization, taking the important consensus reached by the two heads of state as the fundamental guideline.",
        None,
        None,
    ),
    (
        "FC202",
        "Vyacheslav Volodin, deputy chairman of the Russian State Duma, arrived in Beijing.",
        None,
        None,
    ),
    ("FC301", "The talks were held on Monday, August 26, 2025.", None, "Tuesday"),
    (
        "FC302",
        "China's top legislator Zhao Leji on Tuesday called on the Federal Assembly to enhance cooperation.",
        AUG_26_2025,
        None,
    ),
    (
        "FC302",
        "President Xi Jinping met Vyacheslav Volodin in Beijing on Nov 23, 2023.",
        NOV_23_2023,
        None,
    ),
    (
        "FC401",
        "Zhao hosted the 11th meeting of the China-Russia committee for parliamentary cooperation.",
        None,
        "10th",
    ),
    (
        "FC401",
        "Zhao hosted the ninth meeting of the China-Russia committee for parliamentary cooperation.",
        None,
        "tenth",
    ),
    (
        "FC401",
        "This year marks the 25th anniversary of the establishment of the China-Russia committee for parliamentary cooperation.",
        AUG_26_2025,
        "20th",
    ),
    (
        "FC501",
        "“China and Russia enjoy complementary strengths and broad potential for cooperation,” Zhao said.",
        None,
        None,
    ),
]

CLEAN: list[tuple[str, str, dt.date | None]] = [
    ("FC101", "Volodin met Zhao in Beijing; Volodin's visit was his second.", None),
    ("FC101", "Vyacheslav Volodin and Zhao Leji held talks.", None),
    ("FC102", "Volodin said Russia's State Duma is willing to cooperate.", None),
    ("FC104", "Volodin said the Russian State Duma is willing to strengthen friendly exchanges with China's NPC.", None),
    ("FC201", "Vyacheslav Volodin, speaker of Russia's State Duma, arrived in Beijing.", None),
    ("FC201", "Vyacheslav Volodin, chairman of the Russian State Duma, arrived in Beijing.", None),
    ("FC202", "Vyacheslav Volodin, speaker of the State Duma, arrived in Beijing.", None),
    ("FC203", "Zhao said China's NPC is willing to work with the Federal Assembly of the Russian Federation.", None),
    ("FC301", "The talks were held on Tuesday, August 26, 2025.", None),
    ("FC302", "China's top legislator Zhao Leji on Monday called on the Federal Assembly to enhance cooperation.", AUG_26_2025),
    ("FC302", "Volodin also held talks on Wednesday with Zhao Leji.", NOV_23_2023),
    ("FC401", "Zhao hosted the 10th meeting of the China-Russia committee for parliamentary cooperation.", None),
    ("FC401", "This year marks the 21st anniversary of the China-Russia committee for parliamentary cooperation.", dt.date(2026, 3, 1)),
    ("FC501", "“China and Russia enjoy complementary strengths and broad potential for collaboration,” Zhao said.", None),
]  # fmt: skip


@pytest.mark.parametrize(("code", "draft", "date", "fix"), FLAGGED)
def test_flagged(
    check_text: CheckText, code: str, draft: str, date: dt.date | None, fix: str | None
) -> None:
    findings = [f for f in check_text(draft, date) if f.code == code]
    assert findings, f"{code} not found in: {draft}"
    finding = findings[0]
    assert finding.found and finding.found in draft
    assert finding.evidence or code == "FC301", "a corpus finding must show its evidence"
    if fix is not None:
        assert finding.fix == fix


@pytest.mark.parametrize(("code", "draft", "date"), CLEAN)
def test_clean(check_text: CheckText, code: str, draft: str, date: dt.date | None) -> None:
    assert [f.message for f in check_text(draft, date) if f.code == code] == []


def test_every_checker_code_has_examples() -> None:
    codes = {
        code
        for code, info in load_plugins(seeds_config()).codes.items()
        if not code.startswith("FC9") and info.severity.value != "info"
    }
    assert codes - {c for c, *_ in FLAGGED} == set()
    assert codes - {c for c, *_ in CLEAN} == set()
