"""Every built-in checker against the seeds: drafts it must flag and drafts it must not.

Each case runs on both pipelines (the statistical model and the rule-based
fallback). A checker code with no flagged or no clean case fails the last test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.fixes import apply_fixes
from factcheck.model import Finding, Severity
from factcheck.nlp.pipeline import LoadedPipeline
from factcheck.plugins import load_plugins
from tests.conftest import SEED_FILES, CheckText, corpus_engine, seeds_config

AUG_26_2025 = dt.date(2025, 8, 26)
NOV_23_2023 = dt.date(2023, 11, 23)

# (code, draft, date, expected fix or None)
FLAGGED: list[tuple[str, str, dt.date | None, str | None]] = [
    ("FC101", "His guest was Yacheslav Volodin.", None, "Vyacheslav Volodin"),
    ("FC101", "Zhao Leiji hosted the talks in Beijing.", None, "Zhao Leji"),
    # A 3-letter word one edit off, or another romanisation, beside a right word.
    ("FC101", "China's top legislator Zao Leji hosted the talks.", None, "Zhao Leji"),
    # Another romanisation is a house-style mismatch (FC105), not a typo.
    ("FC105", "Jao Leji hosted the talks in Beijing.", None, "Zhao Leji"),
    ("FC105", "Presidents Hsi Jinping and Vladimir Putin spoke.", None, "Xi Jinping"),
    ("FC105", "His guest was Viacheslav Volodin.", None, "Vyacheslav Volodin"),
    # A known surname beside the known person's company, with another first name.
    ("FC107", "Sergei Volodin, speaker of the State Duma, met Zhao Leji in Beijing.", None, None),
    # Initials that fit no known person of the surname: a warning, with no fix.
    ("FC101", "A. Volodin met Zhao Leji in Beijing.", None, None),
    # The hyphen is kept in the corrected name.
    (
        "FC102",
        "The 10th meeting of the China-Russia Committee for Parliamenntary Cooperation opened.",
        None,
        "China-Russia Committee for Parliamentary Cooperation",
    ),
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
    # A place the corpus never gives, where the sentence saying the same names another.
    (
        "FC106",
        "The allies of the United States have tightened sanctions on Tehran over the conflict in Ukraine.",
        None,
        None,
    ),
    (
        "FC201",
        "Vyacheslav Volodin, chairman of the Federation Council, arrived in Beijing.",
        None,
        "Russian State Duma",
    ),
    # Initials that fit a known person refer to that person, roles included.
    (
        "FC201",
        "His guest was V. Volodin, chairman of the Federation Council.",
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
    # "vice-chairman" is three tokens, after the name and before the organisation.
    (
        "FC202",
        "Zhao, vice-chairman of China's NPC Standing Committee, made the remarks.",
        None,
        None,
    ),
    (
        "FC202",
        "President Xi Jinping meets with vice-chairman of the Russian State Duma Vyacheslav Volodin.",
        None,
        None,
    ),
    # A title before the name that the corpus never gives the person ("top legislator").
    ("FC204", "China's Premier Zhao Leji met Vyacheslav Volodin in Beijing.", None, None),
    ("FC301", "The talks were held on Monday, August 26, 2025.", None, "Tuesday"),
    ("FC301", "The talks were held on monday, August 26, 2025.", None, "tuesday"),
    # No year written: the draft's date picks the nearest year, last December's here.
    ("FC301", "The talks were held on Wednesday, December 31.", dt.date(2025, 1, 2), "Tuesday"),
    # Parallel corpus sentences with another date in the same place.
    (
        "FC302",
        "President Xi Jinping meets with Chairman of the Russian State Duma Vyacheslav Volodin at the Great Hall of the People in Beijing, capital of China, Nov 19, 2023.",
        NOV_23_2023,
        None,
    ),
    (
        "FC302",
        "According to the official website of the Russian State Duma, Volodin is leading a delegation for an official visit to China from Sunday to Thursday.",
        NOV_23_2023,
        None,
    ),
    (
        "FC302",
        "Volodin's visit comes days before SCO Summit in Tianjin, and the gathering to mark the 80th anniversary of the victory in the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War which is scheduled for September 1.",
        AUG_26_2025,
        None,
    ),
    # Undated: a weekday no parallel corpus sentence gives.
    (
        "FC302",
        "China's top legislator, Zhao Leji, chairman of the National People's Congress (NPC) Standing Committee, met in Beijing on Saturday with Vyacheslav Volodin, speaker of Russia's State Duma, for the 10th meeting of the China-Russia Committee for Parliamentary Cooperation.",
        None,
        None,
    ),
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
    # A founding year against an anniversary: the 20th in 2025 means 2005.
    (
        "FC402",
        "The China-Russia committee for parliamentary cooperation was founded in 2003.",
        AUG_26_2025,
        "2005",
    ),
    (
        "FC402",
        "The China-Russia committee for parliamentary cooperation was set up 22 years ago.",
        AUG_26_2025,
        "20 years ago",
    ),
    (
        "FC402",
        "Zhao and Volodin established the China-Russia committee for parliamentary cooperation in 2003.",
        None,
        "2005",
    ),
    # "next year will mark the 75th anniversary" in 2023: established in 1949.
    ("FC402", "China and Russia established diplomatic ties in 1950.", NOV_23_2023, "1949"),
    # A number where the parallel corpus sentence gives another.
    (
        "FC403",
        "Zhao said China's NPC is willing to work with the Federal Assembly of the Russian Federation, taking the important consensus reached by the three heads of state as the fundamental guideline.",
        None,
        None,
    ),
    (
        "FC403",
        "Zhao said China's NPC is willing to work with the Federal Assembly, taking the consensus reached by the 3 heads of state as the fundamental guideline.",
        None,
        None,
    ),
    (
        "FC501",
        "“China and Russia enjoy complementary strengths and broad potential for cooperation,” Zhao said.",
        None,
        None,
    ),
    (
        "FC503",
        "“China and Russia enjoy complementary strengths and broad potential for collaboration,” Vladimir Putin said.",
        None,
        None,
    ),
]

CLEAN: list[tuple[str, str, dt.date | None]] = [
    ("FC101", "Volodin met Zhao in Beijing; Volodin's visit was his second.", None),
    ("FC101", "Vyacheslav Volodin and Zhao Leji held talks.", None),
    # Places are not corrected: a place one letter off is often another place.
    ("FC101", "Frederick the Great ruled Prussia, not Russia.", None),
    # Without a right word beside it, a short word is not a misspelling ("Xu" is not "Xi").
    ("FC101", "Xu said the talks went well.", None),
    ("FC101", "Zao hosted the talks.", None),
    # Initials that fit the known person's given names (a patronymic may follow).
    ("FC101", "V. Volodin met Zhao Leji in Beijing.", None),
    ("FC101", "V. V. Volodin met Zhao Leji in Beijing.", None),
    ("FC201", "V. Volodin, chairman of the Russian State Duma, arrived in Beijing.", None),
    ("FC102", "Volodin said Russia's State Duma is willing to cooperate.", None),
    # A romanisation variant is FC105's, a typo FC101's: neither reports the other.
    ("FC101", "His guest was Viacheslav Volodin.", None),
    ("FC105", "His guest was Yacheslav Volodin.", None),
    ("FC105", "China's top legislator Zao Leji hosted the talks.", None),
    ("FC105", "Vyacheslav Volodin and Zhao Leji held talks.", None),
    # The known name, a misspelling of it (FC101's), a title glued before it, or no company.
    ("FC107", "Vyacheslav Volodin, speaker of the State Duma, met Zhao Leji in Beijing.", None),
    ("FC107", "Vyacheslev Volodin, speaker of the State Duma, met Zhao Leji in Beijing.", None),
    ("FC107", "Speaker Vyacheslav Volodin met Zhao Leji in Beijing.", None),
    ("FC107", "Sergei Volodin opened a bakery in Tampere.", None),
    ("FC104", "Volodin said the Russian State Duma is willing to strengthen friendly exchanges with China's NPC.", None),
    ("FC106", "The allies of the United States have tightened sanctions on Moscow over the conflict in Ukraine.", None),
    # A place the corpus says nothing of in that role is a new fact, not a swap.
    ("FC106", "Volodin and members of the Russian State Duma laid flowers at the Monument to the People's Heroes in Shanghai.", None),
    # The corpus's place is named elsewhere in the sentence: moved, not replaced.
    ("FC106", "The allies of the United States have tightened sanctions on Tehran over the conflict in Ukraine, as they did on Moscow.", None),
    ("FC201", "Vyacheslav Volodin, speaker of Russia's State Duma, arrived in Beijing.", None),
    ("FC201", "Vyacheslav Volodin, chairman of the Russian State Duma, arrived in Beijing.", None),
    # A misspelt organisation is FC102's, not a wrong organisation for the role.
    ("FC201", "Zhao, chairman of China's NPC Standing Committeee, made the remarks.", None),
    ("FC201", "Vyacheslav Volodin, speaker of Russia's Statte Duma, arrived in Beijing.", None),
    ("FC202", "Vyacheslav Volodin, speaker of the State Duma, arrived in Beijing.", None),
    ("FC203", "Zhao said China's NPC is willing to work with the Federal Assembly of the Russian Federation.", None),
    # A placeholder for a missing word (a summariser's UNK, a newsroom's TK) names no one.
    ("FC203", "Zhao said China's NPC is willing to work with the UNK, taking the important consensus reached by the two heads of state as the fundamental guideline.", None),
    ("FC204", "China's top legislator Zhao Leji met Vyacheslav Volodin in Beijing.", None),
    # A past title, and a title of the group a role fact gives (chairman, speaker).
    ("FC204", "Former premier Zhao Leji met Vyacheslav Volodin in Beijing.", None),
    ("FC204", "Chairman Zhao Leji met Vyacheslav Volodin in Beijing.", None),
    ("FC301", "The talks were held on Tuesday, August 26, 2025.", None),
    ("FC301", "The talks were held on Tuesday, December 31.", dt.date(2025, 1, 2)),
    # A plan is not compared with past occasions; nor is an occasion years after every dated one.
    ("FC302", "Zhao Leji will meet Vyacheslav Volodin in Moscow on Friday.", AUG_26_2025),
    ("FC302", "Zhao Leji met Vyacheslav Volodin in Moscow on Friday.", dt.date(2027, 3, 10)),
    # A later meeting of the same people is another occasion, never compared.
    ("FC302", "Zhao Leji met Vyacheslav Volodin in Beijing on Tuesday, June 9, 2026.", dt.date(2026, 6, 10)),
    ("FC302", "China's top legislator Zhao Leji on Monday called on the Federal Assembly to enhance cooperation.", AUG_26_2025),
    ("FC302", "Volodin also held talks on Wednesday with Zhao Leji.", NOV_23_2023),
    ("FC302", "President Xi Jinping meets with Chairman of the Russian State Duma Vyacheslav Volodin at the Great Hall of the People in Beijing, capital of China, November 22, 2023.", NOV_23_2023),
    ("FC302", "According to the official website of the Russian State Duma, Volodin is leading a delegation for an official visit to China from Tuesday to Thursday.", NOV_23_2023),
    ("FC302", "China's top legislator Zhao Leji on Monday called on the Federal Assembly to enhance cooperation.", None),
    ("FC401", "Zhao hosted the 10th meeting of the China-Russia committee for parliamentary cooperation.", None),
    ("FC401", "Zhao Leji will host the 11th meeting of the China-Russia committee for parliamentary cooperation next year.", AUG_26_2025),
    ("FC401", "This year marks the 21st anniversary of the China-Russia committee for parliamentary cooperation.", dt.date(2026, 3, 1)),
    # A hyphenated number word is read whole: "seventy-fifth", not "fifth".
    ("FC401", "As next year will mark the seventy-fifth anniversary of the establishment of diplomatic ties, Xi said China is willing to work with Russia.", NOV_23_2023),
    ("FC402", "The China-Russia committee for parliamentary cooperation was established in 2005.", AUG_26_2025),
    ("FC402", "The China-Russia committee for parliamentary cooperation was set up twenty years ago.", AUG_26_2025),
    ("FC402", "China and Russia established diplomatic ties in 1949.", NOV_23_2023),
    # What was established is not the series; "years ago" without a draft date.
    ("FC402", "The China-Russia committee for parliamentary cooperation established a working group in 2003.", AUG_26_2025),
    ("FC402", "The China-Russia committee for parliamentary cooperation was set up 22 years ago.", None),
    ("FC501", "“China and Russia enjoy complementary strengths and broad potential for collaboration,” Zhao said.", None),
    ("FC503", "“China and Russia enjoy complementary strengths and broad potential for collaboration,” Zhao said.", None),
    # The corpus's number written in digits is the same number.
    ("FC403", "Zhao said China's NPC is willing to work with the Federal Assembly of the Russian Federation, taking the important consensus reached by the 2 heads of state as the fundamental guideline.", None),
    # Another number of heads of state in an unrelated sentence: nothing to align with.
    ("FC403", "The three heads of state met in Geneva to discuss water rights.", None),
    # A meeting number is FC401's: it is not reported twice.
    ("FC403", "Zhao hosted the 11th meeting of the China-Russia committee for parliamentary cooperation.", None),
    ("FC503", "“China and Russia enjoy complementary strengths,” Zhao Leji said.", None),
    # A name with no verb of speech beside it is not the speaker.
    ("FC503", "Vladimir Putin posted “China and Russia enjoy complementary strengths and broad potential for collaboration” on his website.", None),
]  # fmt: skip


# Codes that read a value's role from the dependency parse: the rule-based
# pipeline has none, so there they find nothing (their clean cases still run).
PARSER_CODES = frozenset(["FC106"])


@pytest.mark.parametrize(("code", "draft", "date", "fix"), FLAGGED)
def test_flagged(
    check_text: CheckText,
    pipeline: LoadedPipeline,
    code: str,
    draft: str,
    date: dt.date | None,
    fix: str | None,
) -> None:
    findings = [f for f in check_text(draft, date) if f.code == code]
    if code in PARSER_CODES and not pipeline.statistical:
        assert findings == [], "without a parse there is no role to compare"
        return
    assert findings, f"{code} not found in: {draft}"
    finding = findings[0]
    assert finding.found and finding.found in draft
    assert finding.evidence or code == "FC301", "a corpus finding must show its evidence"
    if fix is not None:
        assert finding.fix == fix
    if finding.safe_fix:
        # A safe fix replaces like with like: a name with a name, a weekday with
        # a weekday; a wider span would let --fix delete the words around it.
        assert finding.fix is not None
        assert len(finding.found.split()) == len(finding.fix.split()), (finding.found, finding.fix)
        assert finding.expected == finding.fix


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


def test_accepted_spellings_silence_a_romanisation_variant(pipeline: LoadedPipeline) -> None:
    config = seeds_config(**{"accepted-spellings": ["Viacheslav Volodin"]})
    engine = Engine(config, pipeline=pipeline)
    draft = document_from_text("draft.md", "His guest was Viacheslav Volodin.")
    assert [f.code for f in engine.check_document(draft).findings] == []


def test_wrong_initials_are_only_a_warning(check_text: CheckText) -> None:
    (finding,) = [f for f in check_text("A. Volodin met Zhao Leji.") if f.code == "FC101"]
    assert finding.severity.value == "warning" and finding.fix is None
    assert finding.expected == "Vyacheslav Volodin"


# --- titles that change over time: a corpus of two dated documents -------------------

TIMELINE_CORPUS = {
    "2019.md": "---\ndate: 2019-03-01\n---\n"
    "Anna Kovacs, deputy chairman of the National Water Board, opened the new plant in Szeged.\n",
    "2023.md": "---\ndate: 2023-06-01\n---\n"
    "Anna Kovacs, chairman of the National Water Board, opened the annual conference in Budapest.\n"
    "Peter Horvath, director of the Forestry Agency, spoke next.\n",
    "2024.md": "---\ndate: 2024-09-01\n---\n"
    "Peter Horvath, director of the Mining Institute, visited Szeged on Monday.\n",
}
JAN_2024, MAY_2020, MAR_2025 = dt.date(2024, 1, 10), dt.date(2020, 5, 1), dt.date(2025, 3, 1)
KOVACS = "Anna Kovacs, {} of the National Water Board, spoke in Budapest."
HORVATH = "Peter Horvath, director of the {}, spoke in Budapest."

# (draft, date, the code expected or None)
TIMELINE: list[tuple[str, dt.date | None, str | None]] = [
    # After the appointment the new title is right and the old one outdated.
    (KOVACS.format("chairman"), JAN_2024, None),
    (KOVACS.format("deputy chairman"), JAN_2024, "FC202"),
    # Before it, the other way round.
    (KOVACS.format("deputy chairman"), MAY_2020, None),
    (KOVACS.format("chairman"), MAY_2020, "FC202"),
    # Undated, either title is one the corpus gives.
    (KOVACS.format("chairman"), None, None),
    (KOVACS.format("deputy chairman"), None, None),
    # The same role in another body: the body current on the draft's date.
    (HORVATH.format("Mining Institute"), MAR_2025, None),
    (HORVATH.format("Forestry Agency"), MAR_2025, "FC201"),
    (HORVATH.format("Forestry Agency"), JAN_2024, None),
]


@pytest.fixture()
def timeline_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "timeline", TIMELINE_CORPUS)


@pytest.mark.parametrize(("draft", "date", "code"), TIMELINE)
def test_titles_are_read_against_the_drafts_date(
    timeline_engine: Engine, draft: str, date: dt.date | None, code: str | None
) -> None:
    report = timeline_engine.check_document(document_from_text("d.md", draft), date=date)
    found = [f for f in report.findings if f.code.startswith("FC2")]
    assert [f.code for f in found] == ([code] if code else [])
    for finding in found:
        assert "only in" in finding.message and finding.evidence


# --- related bodies: a hierarchy stated by the corpus or kept in the configuration ----

HIERARCHY_CORPUS = {
    "a.txt": "Anna Kovacs, chairman of the Citizens Chamber, opened the session in Szeged.\n"
    "The Citizens Chamber, a chamber of the National Assembly, approved the budget.\n",
    "b.txt": "Peter Horvath said the ministry will work closely with the Citizens Chamber "
    "on the new water law this year.\n"
    "The Water Board, part of the Ministry of Agriculture, met on Friday.\n",
}
# House knowledge the corpus does not state: the Regional Council's parent.
PARENTS = {"Regional Council": "National Assembly"}
ROLE = "Anna Kovacs, chairman of the {}, spoke in Budapest."
PARALLEL = (
    "Peter Horvath said the ministry will work closely with the {} on the new water law this year."
)
STATED = "the Citizens Chamber is a chamber of the National Assembly"
SIBLINGS = f"(related bodies: the Regional Council is part of the National Assembly; {STATED}; not the same)"

# (draft, configured table or not, code, the related-bodies note or None)
RELATED: list[tuple[str, bool, str, str | None]] = [
    # Siblings through the configured parent; without the table, unrelated.
    (ROLE.format("Regional Council"), True, "FC201", SIBLINGS),
    (ROLE.format("Regional Council"), False, "FC201", None),
    (PARALLEL.format("Regional Council"), True, "FC203", SIBLINGS),
    (PARALLEL.format("Regional Council"), False, "FC203", None),
    # The parent itself, as the corpus states it: related with or without a table.
    (ROLE.format("National Assembly"), False, "FC201", f"(related bodies: {STATED}; not the same)"),
    (PARALLEL.format("National Assembly"), True, "FC203", f"(related bodies: {STATED}; not the same)"),
    # Bodies nothing relates: the plain message.
    (ROLE.format("Water Board"), True, "FC201", None),
    (PARALLEL.format("Water Board"), True, "FC203", None),
]  # fmt: skip


@pytest.fixture()
def hierarchy_engines(
    pipeline: LoadedPipeline, seed_engines: dict[str, Engine]
) -> dict[bool, Engine]:
    key = f"hierarchy:{pipeline.key}"
    if key not in seed_engines:
        for configured in (False, True):
            extra = {"organisation-parents": PARENTS} if configured else {}
            config = seeds_config(**extra)
            seed_engines[f"{key}:{configured}"] = Engine(
                config, corpus=HIERARCHY_CORPUS, pipeline=pipeline
            )
        seed_engines[key] = seed_engines[f"{key}:True"]
    return {c: seed_engines[f"{key}:{c}"] for c in (False, True)}


@pytest.mark.parametrize(("draft", "configured", "code", "note"), RELATED)
def test_related_bodies_are_named_but_still_flagged(
    hierarchy_engines: dict[bool, Engine],
    draft: str,
    configured: bool,
    code: str,
    note: str | None,
) -> None:
    report = hierarchy_engines[configured].check_document(document_from_text("d.md", draft))
    (finding,) = [f for f in report.findings if f.code.startswith("FC2")]
    assert finding.code == code
    # Related is not the same: the severity is the code's own.
    assert finding.severity.value == ("error" if code == "FC201" else "warning")
    if note is None:
        assert "related bodies" not in finding.message
    else:
        assert finding.message.endswith(note)
        # The corpus sentence that states the relation is part of the evidence.
        assert any("a chamber of the National Assembly" in e.quote for e in finding.evidence)


# --- safe fixes never damage copy ------------------------------------------------------

# Ordinary words that are one letter from a word of a corpus name ("West",
# "Belt"): at the start of a sentence or alone in a heading they are not names.
ORDINARY_WORDS = [
    "Test results came in on Monday. Best picks of the week follow.",
    "# Test\n\nZhao Leji met Vyacheslav Volodin in Beijing.\n",
    "# Test\n\nTest results came in on Monday.\n",
    "# Best picks\n\nRest assured, the talks went well.\n",
    # A word the corpus writes alone ("Road", "BRICS"), but nothing shows a name here.
    "# Read\n\nRead the report before the talks.\n",
    "Brick walls went up around the hall.\n",
]


@pytest.mark.parametrize("draft", ORDINARY_WORDS)
def test_ordinary_words_are_not_names(check_text: CheckText, draft: str) -> None:
    assert [(f.code, f.found) for f in check_text(draft) if f.code.startswith("FC1")] == []


# A lone word has no right word beside it to show which name it is: the fix
# is shown, never applied. Places are left alone on both pipelines.
UNSAFE_ALONE = [
    ("His guest was Volodim.", "Volodim", "Volodin"),
    ("Volodim said the talks went well.", "Volodim", "Volodin"),
]


@pytest.mark.parametrize(("draft", "found", "fix"), UNSAFE_ALONE)
def test_a_lone_word_is_flagged_but_not_fixed(
    check_text: CheckText, draft: str, found: str, fix: str
) -> None:
    (finding,) = [f for f in check_text(draft) if f.found == found]
    assert finding.code == "FC101" and finding.fix == fix
    assert not finding.safe_fix


def test_a_place_is_never_fixed(check_text: CheckText) -> None:
    draft = "Zhao Leji met Vyacheslav Volodin in Bejing and later flew to Moskow."
    assert [f.found for f in check_text(draft) if f.safe_fix] == []


# Near a known name, but another person: a different short given name, or a
# role that the corpus never gives the known person.
DIFFERENT_PEOPLE = [
    ("Zhao Lei, a spokesman, said the talks went well.", "Zhao Lei"),
    ("Yang Jie said the talks went well.", "Yang Jie"),
    ("Zhao Leiji, a spokesman for the ministry, said the talks went well.", "Zhao Leiji"),
    ("Zhao Leiji, chairman of the Federation Council, said the talks went well.", "Zhao Leiji"),
    # A short word with one letter replaced: "Tang" and "Yang" are two surnames.
    ("Tang Jin said the talks went well.", "Tang Jin"),
    ("His guest was Vladimir Pugin.", "Vladimir Pugin"),
    ("The report is by Haoyu Hang.", "Haoyu Hang"),
]


@pytest.mark.parametrize(("draft", "found"), DIFFERENT_PEOPLE)
def test_a_near_name_in_another_context_may_be_another_person(
    check_text: CheckText, draft: str, found: str
) -> None:
    (finding,) = [f for f in check_text(draft) if f.code == "FC101"]
    assert finding.found == found
    assert finding.severity.value == "warning" and not finding.safe_fix
    assert "different people" in finding.message


# Close enough to report, not sure enough to rewrite.
NOT_SAFE = [
    ("President Xi Joining met Vladimir Putin.", "Xi Joining"),
    # A country's possessive is not a misspelt nationality adjective.
    ("Russias Federation Council met on Friday.", "Russias Federation Council"),
]


@pytest.mark.parametrize(("draft", "found"), NOT_SAFE)
def test_a_word_of_its_own_is_not_rewritten(check_text: CheckText, draft: str, found: str) -> None:
    (finding,) = [f for f in check_text(draft) if f.found == found]
    assert finding.code.startswith("FC1") and finding.fix is not None and not finding.safe_fix


TYPOS = [
    ("Zhao Leiji hosted the talks.", "Zhao Leji"),
    ("Zhao said the Russian State Dums met.", "Russian State Duma"),
]


@pytest.mark.parametrize(("draft", "fix"), TYPOS)
def test_a_typo_beside_a_right_word_is_still_a_safe_fix(
    check_text: CheckText, draft: str, fix: str
) -> None:
    (finding,) = [f for f in check_text(draft) if f.code.startswith("FC1")]
    assert finding.severity.value == "error" and finding.safe_fix and finding.fix == fix


def test_a_body_named_without_a_head_word_is_an_organisation(pipeline: LoadedPipeline) -> None:
    # The same corpus with its parliament renamed to one word that no word list
    # holds: the misspelt body is still a body (FC102), not a misspelt person.
    corpus = {
        seed.name: seed.read_text(encoding="utf-8").replace("State Duma", "Knesset")
        for seed in SEED_FILES
    }
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    draft = "Zhao said the Russian Knesett met."
    findings = engine.check_document(document_from_text("d.md", draft)).findings
    assert [(f.code, f.fix) for f in findings if f.code.startswith("FC1")] == [
        ("FC102", "Russian Knesset")
    ]


# --- a weekday fix only when nothing else is in doubt ----------------------------------


def test_a_weekday_the_corpus_confirms_is_not_fixed(check_text: CheckText) -> None:
    # The corpus has Zhao Leji speaking on Monday, August 25, and this meeting
    # on a Monday: the day may be wrong, not the weekday.
    draft = "Zhao Leji on Monday, August 26, 2025 met Vyacheslav Volodin in Beijing."
    (finding,) = [f for f in check_text(draft, AUG_26_2025) if f.code.startswith("FC3")]
    assert not finding.safe_fix
    assert "Monday, August 25, 2025" in finding.message and finding.evidence


# A corpus that dates the meeting itself says which part is wrong: the date.
DATED_MEETING = {
    "a.md": "---\ndate: 2025-03-04\n---\nAnna Kovacs met Peter Horvath in Szeged on Monday.\n",
}


def test_the_corpus_date_of_the_event_is_the_expected_value(pipeline: LoadedPipeline) -> None:
    engine = Engine(seeds_config(), corpus=DATED_MEETING, pipeline=pipeline)
    draft = "Anna Kovacs met Peter Horvath in Szeged on Monday, March 4, 2025."
    report = engine.check_document(document_from_text("d.md", draft), date=dt.date(2025, 3, 5))
    (finding,) = [f for f in report.findings if f.code.startswith("FC3")]
    assert finding.code == "FC302" and not finding.safe_fix
    assert finding.expected == "Monday, March 3, 2025"
    assert "March 4, 2025 was a Tuesday" in finding.message


def test_a_weekday_is_not_fixed_when_the_corpus_has_that_weekday_near(
    check_text: CheckText,
) -> None:
    # No people named, but the corpus has a meeting on Monday, August 25.
    draft = "The talks were held on Monday, August 26, 2025, in Beijing."
    (finding,) = [f for f in check_text(draft, AUG_26_2025) if f.code.startswith("FC3")]
    assert finding.code == "FC301" and finding.fix == "Tuesday" and not finding.safe_fix
    assert "Monday, August 25, 2025" in finding.message


# Safe fixes applied, then the draft checked again: nothing new may appear.
FIX_THEN_CHECK: list[tuple[str, dt.date | None]] = [
    ("Zhao Leji on Monday, August 26, 2025 met Vyacheslav Volodin in Beijing.", AUG_26_2025),
    ("The talks were held on Monday, August 26, 2025, in Beijing.", AUG_26_2025),
    ("The talks were held on Wednesday, December 31.", dt.date(2025, 1, 2)),
    ("Test results came in on Monday. Best picks of the week follow.", None),
    ("His guest was Yacheslav Volodin, chairman of the Russian State Duma.", None),
]


@pytest.mark.parametrize(("draft", "date"), FIX_THEN_CHECK)
def test_safe_fixes_leave_nothing_new_to_find(
    check_text: CheckText, draft: str, date: dt.date | None
) -> None:
    before = check_text(draft, date)
    fixed, applied = apply_fixes(draft, before)
    after = check_text(fixed, date)
    left = {(f.code, f.message) for f in before if f not in applied}
    assert {(f.code, f.message) for f in after} <= left, fixed


# --- one body written two ways, and a body the corpus ties to the person ----------------

SAME_BODY_CORPUS = {
    "a.txt": "Mr Okafor served on the Lagos City Council before being elected to parliament "
    "in 1990.\n"
    "He was made a cabinet minister in 2004, promoted from the Interior Ministry, where he "
    "had been police minister.\n",
    "b.txt": "The Harbour Authority raised its fees on Monday.\n"
    "Prime Minister Kwame Okafor has led his Labor Party to a record third victory, but with "
    "a reduced majority in parliament.\n"
    "Mr Dube said the evidence sent by the International Rowing Union and the rowing body "
    "FISA was not strong enough.\n",
}

# (draft, the organisation FC203 flags, or None)
SAME_BODY: list[tuple[str, str | None]] = [
    # Another body in the parallel sentence's place: flagged.
    ("Mr Okafor served on the Harbour Authority before being elected to parliament in 1990.", "Harbour Authority"),
    # A short form, another house spelling, an acronym of the corpus's body.
    ("Kwame Okafor has led Labour to a record third victory, but with a reduced majority in parliament.", None),
    ("Mr Dube said the evidence sent by the IRU and FISA was not strong enough.", None),
    # A body a sentence at least as parallel names: the draft follows that one.
    ("Mr Okafor had been police minister at the Interior Ministry before his promotion in 2004.", None),
]  # fmt: skip


@pytest.fixture()
def same_body_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "same-body", SAME_BODY_CORPUS)


@pytest.mark.parametrize(("draft", "flagged"), SAME_BODY)
def test_one_body_written_two_ways_is_no_swap(
    same_body_engine: Engine, pipeline: LoadedPipeline, draft: str, flagged: str | None
) -> None:
    report = same_body_engine.check_document(document_from_text("d.md", draft))
    found = [draft[f.span.start : f.span.end] for f in report.findings if f.code == "FC203"]
    if pipeline.statistical or flagged is None:
        assert found == ([flagged] if flagged else [])
    else:
        assert found in ([], [flagged])


# --- dated events read off the parse: a predicate, its participants, its time ---------

# Each corpus is one invented article; each draft dates its event otherwise, in
# other words than the corpus sentence, so no parallel sentence finds it.
PARSED_EVENTS: list[tuple[dict[str, str], str, dt.date, str]] = [
    # An event noun heading the time ("the hearing in Dallas on 15 February").
    (
        {"a.md": "---\ndate: 2025-02-20\n---\nThe hearing in Dallas on 16 February was adjourned.\n"},
        "Lawyers for both sides argued at length at the hearing in Dallas on 15 February.",
        dt.date(2025, 2, 21),
        "Sunday, February 16, 2025",
    ),
    # A weekday read against the draft's date, against an undated corpus weekday.
    (
        {"a.md": "Speaking to the Senate on Tuesday, Karl Berg said the evidence was weak.\n"},
        "Speaking on Thursday, Mr Karl Berg told reporters the evidence was too thin to convict.",
        dt.date(2025, 3, 7),
        "Tuesday",
    ),
    # A month alone, and the subject of a relative clause ("who took over").
    (
        {"a.md": "---\ndate: 2025-02-27\n---\nJorge Marquez, who took over from Alan Whitby in September, has lost four games.\n"},
        "Four defeats have followed since Jorge Marquez took over from Alan Whitby in October.",
        dt.date(2025, 2, 28),
        "September 2024",
    ),
    # No one named: the verb and what it acts on ("the verdict ... issued").
    (
        {"a.md": "\"I expect that the final verdict will be issued by the end of February,\" a clerk said.\n"},
        "Officials said they expected the final verdict to be issued by the end of March.",
        dt.date(2025, 1, 25),
        "February",
    ),
    # Two plans of one visit, each weekday read forward from its article's date.
    (
        {"a.md": "On Tuesday Karl Berg will visit Hull North with his aides.\n"},
        "On Wednesday he will visit Hull North, where the vote is close.",
        dt.date(2025, 3, 3),
        "Tuesday",
    ),
    # A year in a record: "the first win since 1993". Of two accounts, the one that
    # shares more participants is of the draft's event (not "the visitors' first win").
    (
        {
            "a.md": "Fans cheered what was Portugal's first win over Spain in Lisbon since 1993.\n",
            "b.md": "The visitors celebrated a first win over Spain since 1997 on the road.\n",
        },
        "It was Portugal's first win over Spain in Lisbon since 1995, and the crowd knew it.",
        dt.date(2025, 2, 6),
        "1993",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("corpus", "draft", "date", "expected"), PARSED_EVENTS)
def test_a_parsed_event_dated_otherwise_by_the_corpus_is_flagged(
    pipeline: LoadedPipeline, corpus: dict[str, str], draft: str, date: dt.date, expected: str
) -> None:
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    report = engine.check_document(document_from_text("d.md", draft), date=date)
    findings = [f for f in report.findings if f.code.startswith("FC3")]
    if not pipeline.statistical:
        # No parse, no event: fewer claims (a parallel sentence may still find it),
        # never false ones.
        assert all(f.code == "FC302" and f.evidence for f in findings)
        return
    (finding,) = findings
    assert finding.code == "FC302" and finding.expected == expected
    assert finding.evidence and finding.evidence[0].source == "a.md"
    assert finding.evidence[0].support == 1


PARSED_EVENTS_CLEAN: list[tuple[dict[str, str], str, dt.date]] = [
    # The same day, told in other words.
    (
        {"a.md": "---\ndate: 2025-02-20\n---\nThe hearing in Dallas on 16 February was adjourned.\n"},
        "Lawyers for both sides argued at length at the hearing in Dallas on 16 February.",
        dt.date(2025, 2, 21),
    ),
    # Months apart: another hearing, not this one dated wrongly.
    (
        {"a.md": "---\ndate: 2025-02-20\n---\nThe hearing in Dallas on 16 February was adjourned.\n"},
        "Lawyers for both sides argued at length at the hearing in Dallas on 15 June.",
        dt.date(2025, 6, 20),
    ),
    # Other participants: another visit.
    (
        {"a.md": "---\ndate: 2025-03-04\n---\nOn Monday Karl Berg visited Hull North.\n"},
        "On Tuesday Ana Lopes visited Leeds West with her aides.",
        dt.date(2025, 3, 5),
    ),
    # An undated corpus weekday, when the corpus dates these people only at another
    # time: it is of that occasion, not of the draft's.
    (
        {
            "a.md": "Speaking to the Senate on Tuesday, Karl Berg said the evidence was weak.\n",
            "b.md": "---\ndate: 2024-06-05\n---\nKarl Berg resigned from the board on 3 June.\n",
        },
        "Speaking on Thursday, Mr Karl Berg told reporters that nothing had been proven.",
        dt.date(2025, 3, 7),
    ),
    # An account that names no one but has the draft's day confirms it, against
    # one naming them with another day: the corpus does not side against the draft.
    (
        {
            "a.md": "---\ndate: 2025-03-01\n---\nKarl Berg and Ana Lopes will sign the accord on 3 May.\n",
            "b.md": "---\ndate: 2025-03-01\n---\nDiplomats said the accord will be signed on 5 May.\n",
        },
        "Diplomats expect Karl Berg and Ana Lopes to finally sign the long-delayed accord in Vienna on 5 May.",
        dt.date(2025, 3, 2),
    ),
    # What was said differs: another statement, made on another day.
    (
        {"a.md": "Speaking to the Senate on Tuesday, Karl Berg said the evidence was weak.\n"},
        "Speaking on Thursday, Mr Karl Berg told reporters that the budget would pass.",
        dt.date(2025, 3, 7),
    ),
    # Another direct object: another visit ("constituencies", not "Hull North").
    (
        {"a.md": "On Tuesday Karl Berg will visit Hull North with his aides.\n"},
        "Karl Berg will visit constituencies in the north on Wednesday.",
        dt.date(2025, 3, 3),
    ),
    # A plan is not compared with a past occasion the corpus reports.
    (
        {"a.md": "---\ndate: 2025-03-04\n---\nOn Monday Karl Berg visited Hull North.\n"},
        "His office said that Karl Berg will visit Hull North again on Friday to meet voters.",
        dt.date(2025, 3, 5),
    ),
    # A year alone that is not a record ("in 1995") is not one occasion.
    (
        {"a.md": "Portugal won over Spain in Lisbon in 1993.\n"},
        "Portugal also won over Spain in Lisbon in 1995, before a smaller crowd.",
        dt.date(2025, 2, 6),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("corpus", "draft", "date"), PARSED_EVENTS_CLEAN)
def test_a_parsed_event_the_corpus_does_not_contradict_is_not_flagged(
    pipeline: LoadedPipeline, corpus: dict[str, str], draft: str, date: dt.date
) -> None:
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    report = engine.check_document(document_from_text("d.md", draft), date=date)
    assert [f.message for f in report.findings if f.code.startswith("FC3")] == []


def test_a_corpus_split_between_two_other_days_is_said_as_an_info(
    pipeline: LoadedPipeline,
) -> None:
    corpus = {
        "a.md": "---\ndate: 2025-02-20\n---\nThe hearing in Dallas on 16 February was adjourned.\n",
        "b.md": "---\ndate: 2025-02-20\n---\nThe hearing in Dallas on 17 February was adjourned.\n",
        "c.md": "---\ndate: 2025-02-21\n---\nThe hearing in Dallas on 17 February was adjourned.\n",
    }  # fmt: skip
    engine = Engine(seeds_config(), corpus=corpus, pipeline=pipeline)
    draft = "Lawyers for both sides argued at length at the hearing in Dallas on 15 February."
    report = engine.check_document(document_from_text("d.md", draft), date=dt.date(2025, 2, 21))
    found = [f for f in report.findings if f.code.startswith("FC3")]
    if not pipeline.statistical:
        assert found == []  # the event is read off the parse
        return
    # No side to take: an info, naming the day most documents give and the other.
    (finding,) = found
    assert (finding.code, finding.severity) == ("FC302", Severity.INFO)
    assert finding.expected == "Monday, February 17, 2025"
    assert "Sunday, February 16, 2025" in finding.message and "split" in finding.message
    assert {e.source for e in finding.evidence} == {"a.md", "b.md"}


# --- values in their slot: what a number counts and whose it is -------------------------

VALUES_CORPUS = {
    "a.md": "---\ndate: 2021-03-01\n---\n"
    "Marta Lindqvist, 47, chairs the harbour authority in Tromso.\n\n"
    "The five-member jury, appointed by the harbour authority, began its work.\n\n"
    "Tomas Berg was suspended for three years.\n",
    "b.md": "---\ndate: 2021-03-02\n---\n"
    "The harbour authority said the five-member jury would report in May.\n\n"
    "Anja Holm was suspended for two years.\n",
    "c.md": "---\ndate: 2021-03-03\n---\n"
    '"I\'m 51 years old," Olav Strand said at the quay.\n\n'
    "None argued more than Per Dahl, who spoke at length about the quay.\n\n"
    "The stubborn 33-year-old said the quay was his life.\n",
}
MARCH_2021 = dt.date(2021, 3, 10)


@pytest.fixture()
def values_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "values", VALUES_CORPUS)


def _value_findings(engine: Engine, draft: str, date: dt.date | None) -> list[Finding]:
    report = engine.check_document(document_from_text("d.md", draft), date=date)
    return [f for f in report.findings if f.code == "FC403"]


# (draft, date, the number flagged): ages, read on both pipelines.
AGES_FLAGGED = [
    ("Marta Lindqvist, 52, spoke on Monday.", MARCH_2021, "52"),
    ("Lindqvist, aged 45, spoke on Monday.", MARCH_2021, "45"),
    ("The 46-year-old Lindqvist spoke on Monday.", MARCH_2021, "46"),
    # A year on, 48 or 49; two years on, 49 or 50.
    ("Marta Lindqvist, 48, spoke on Monday.", dt.date(2023, 3, 20), "48"),
    # An age said in the person's own words.
    ("Olav Strand, who is 61, spoke at the quay.", MARCH_2021, "61"),
    # "the 33-year-old" opening a sentence is the first person of the one before.
    ("Per Dahl, 35, spoke about the quay.", MARCH_2021, "35"),
]
AGES_CLEAN = [
    ("Marta Lindqvist, 47, spoke on Monday.", MARCH_2021),
    ("Marta Lindqvist, 48, spoke on Monday.", dt.date(2022, 4, 1)),
    ("Marta Lindqvist, 49, spoke on Monday.", dt.date(2023, 3, 20)),
    ("Olav Strand, 51, spoke at the quay.", MARCH_2021),
    ("Per Dahl, 33, spoke about the quay.", MARCH_2021),
    # Another person's age, or no one's.
    ("Ingrid Moe, 52, spoke on Monday.", MARCH_2021),
    ("The 52-year-old spoke on Monday.", MARCH_2021),
]


@pytest.mark.parametrize(("draft", "date", "found"), AGES_FLAGGED)
def test_an_age_the_corpus_gives_otherwise_is_flagged(
    values_engine: Engine, draft: str, date: dt.date, found: str
) -> None:
    (finding,) = _value_findings(values_engine, draft, date)
    assert finding.found == found
    assert finding.evidence
    assert finding.severity.value == "warning"


@pytest.mark.parametrize(("draft", "date"), AGES_CLEAN)
def test_an_age_the_corpus_allows_is_clean(
    values_engine: Engine, draft: str, date: dt.date
) -> None:
    assert [f.message for f in _value_findings(values_engine, draft, date)] == []


# (draft, the number flagged or None): counts need the parser.
COUNTS = [
    ("The seven-member jury met on Friday.", "seven"),
    ("The five-member jury met on Friday.", None),
    ("On Friday the board suspended Tomas Berg for four years.", "four"),
    ("On Friday the board suspended Tomas Berg for three years.", None),
    # Another person's ban, and a count the corpus says nothing about.
    ("Ingrid Moe was suspended for four years.", None),
    ("The seven-member choir sang on Friday.", None),
]


@pytest.mark.parametrize(("draft", "found"), COUNTS)
def test_a_count_is_compared_with_the_same_slot(
    values_engine: Engine, pipeline: LoadedPipeline, draft: str, found: str | None
) -> None:
    findings = _value_findings(values_engine, draft, MARCH_2021)
    if found is None:
        assert findings == []
    elif pipeline.statistical:
        assert [f.found for f in findings] == [found]
    else:
        # Without a parser no slot is read (a parallel sentence may still tell).
        assert not [f for f in findings if f.message.startswith("the corpus says")]


def test_a_count_in_a_corpus_article_of_another_time_does_not_contradict(
    values_engine: Engine,
) -> None:
    draft = "The seven-member jury met on Friday."
    assert _value_findings(values_engine, draft, dt.date(2021, 6, 1)) == []


# --- names the corpus itself writes ------------------------------------------------------

MIXED_STYLE_CORPUS = {
    "a.txt": "Kostas Andreou won the race in Patras.\n",
    "b.txt": "Kostas Andreou trained in Patras on Sunday.\n",
    "c.txt": "Costas Andreou said he would race again in Patras.\n",
}


@pytest.fixture()
def mixed_style_engine(pipeline: LoadedPipeline, seed_engines: dict[str, Engine]) -> Engine:
    return corpus_engine(seed_engines, pipeline, "mixed", MIXED_STYLE_CORPUS)


def test_a_romanisation_the_corpus_uses_is_only_info(mixed_style_engine: Engine) -> None:
    draft = "Costas Andreou will race in Patras next week."
    report = mixed_style_engine.check_document(document_from_text("d.md", draft))
    findings = [f for f in report.findings if f.code.startswith("FC1")]
    assert [(f.code, f.severity.value, f.safe_fix) for f in findings] == [("FC105", "info", False)]
    assert "the corpus writes both" in findings[0].message


SWAP_CORPUS = {
    "a.txt": "Shares fell sharply on Monday.\n"
    '"You cannot sue the state," said Ola Nilsen, a strategist at Bergen\'s Nordlys Securities.\n',
    "b.txt": "The sale went ahead.\n"
    '"It is a front for someone, but not for the state," said Kari Berg, an analyst at '
    "Fjord Capital in Bergen.\n",
}


def test_a_person_the_corpus_says_the_same_of_is_not_swapped(
    pipeline: LoadedPipeline, seed_engines: dict[str, Engine]
) -> None:
    key = f"swap:{pipeline.key}"
    if key not in seed_engines:
        seed_engines[key] = Engine(seeds_config(), corpus=SWAP_CORPUS, pipeline=pipeline)
    # The quotation is Ola Nilsen's in the corpus; only the firm after it differs.
    draft = (
        '"You cannot sue the state," said Ola Nilsen, a strategist at Bergen\'s Fjord Capital.\n'
    )
    report = seed_engines[key].check_document(document_from_text("d.md", draft))
    assert [f.message for f in report.findings if "Kari Berg" in f.message] == []
