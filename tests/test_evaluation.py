"""The evaluation harness, and the targets the checkers must meet on the seed corpus.

The target tests load one spaCy pipeline for the module and run error
injection (source in the corpus and held out) and leave-one-out on seeds/.
They assert the real targets: when they fail, the message gives the figures.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.config import load_config
from factcheck.evaluation import checking, mutations
from factcheck.evaluation import cli as evaluation_cli
from factcheck.evaluation.checking import Checker, read_corpus
from factcheck.evaluation.detokenise import detokenise, truecase
from factcheck.evaluation.expected import load_expected
from factcheck.evaluation.injection import HELD_OUT, IN_CORPUS, InjectionResult, run_injection
from factcheck.evaluation.leave_one_out import LeaveOneOutResult, run_leave_one_out
from factcheck.evaluation.scoring import CATEGORIES, BinaryScores, Tally

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.95

# --- the harness's own parts ----------------------------------------------------------


def test_tally_has_no_figure_without_cases() -> None:
    assert Tally().recall is None and Tally().precision is None
    assert Tally(3, 1, 1).recall == 0.75 and Tally(3, 1, 1).precision == 0.75


def test_balanced_accuracy() -> None:
    scores = BinaryScores.from_pairs([(True, True), (True, False), (False, False), (False, False)])
    assert scores.balanced_accuracy == 0.75 and scores.precision == 1.0


def test_detokenise_undoes_cnn_tokenisation() -> None:
    text = "the study 's authors did n't say , he said -lrb- cnn -rrb- . `` yes '' ."
    assert detokenise(text) == "the study's authors didn't say, he said (cnn). \"yes\"."


def test_truecase_follows_the_article() -> None:
    article = "Natalia Moon moved to the Philippines. She is a star."
    assert truecase("natalia moon is a star .", article) == "Natalia Moon is a star ."


def test_mutations_are_reproducible_and_change_the_word() -> None:
    for operation in mutations.MISSPELLINGS:
        first = mutations.misspell("Volodin", operation, random.Random(1))
        assert first == mutations.misspell("Volodin", operation, random.Random(1))
        assert first != "Volodin" and first is not None and first[0] == "V"
    assert mutations.transliterate("Vyacheslav Volodin") == "Viacheslav Volodin"
    assert mutations.shift_day("21st November 2023", 21, 23) == "23rd November 2023"
    assert mutations.replace_weekday("on Wednesday", 2, 3) == "on Thursday"


# --- factcheck eval: the files it needs, named before any work -------------------------


class WorkStarted(Exception):
    """Raised where the suites start: loading the pipeline."""


@pytest.fixture()
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout without the data kept beside the repository: a corpus, a configuration."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "factcheck.toml").write_text('corpus = ["seeds"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def start(*args: object, **kwargs: object) -> None:
        raise WorkStarted

    monkeypatch.setattr(checking.Checker, "__init__", start)
    return tmp_path


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    return err


def test_eval_names_every_missing_file_up_front(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["eval"]) == 2
    err = _one_line_error(capsys)
    assert str(clone / evaluation_cli.DEFAULT_FRANK) in err and "--frank" in err
    assert str(clone / evaluation_cli.DEFAULT_EXPECTED) in err and "--expected" in err


def test_leave_one_out_without_its_expectations_stops(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Scored against nothing, every finding would be a false positive: precision 0.000.
    assert cli.main(["eval", "--suite", "loo"]) == 2
    err = _one_line_error(capsys)
    assert str(clone / evaluation_cli.DEFAULT_EXPECTED) in err and "frank" not in err.lower()


def test_a_missing_file_given_on_the_command_line_stops(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["eval", "--suite", "frank", "--frank", "absent.jsonl"]) == 2
    assert "absent.jsonl" in _one_line_error(capsys)
    assert cli.main(["eval", "--suite", "injection", "--expected", "absent.json"]) == 2
    assert "absent.json" in _one_line_error(capsys)


def test_missing_beats_and_summedits_data_are_named_before_any_work(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["eval", "--suite", "beats"]) == 2
    assert str(clone / evaluation_cli.DEFAULT_EXTERNAL / "beats") in _one_line_error(capsys)
    assert cli.main(["eval", "--suite", "summedits"]) == 2
    err = _one_line_error(capsys)
    assert str(clone / evaluation_cli.DEFAULT_EXTERNAL / evaluation_cli.SUMMEDITS_FILE) in err
    assert "--external" in err


def test_the_external_data_folder_can_be_given(
    clone: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path_factory.mktemp("external")
    (data / evaluation_cli.SUMMEDITS_FILE).write_text(
        '{"id": "a", "doc": "Text.", "summary": "Text.", "label": 1, "edit_types": []}\n',
        encoding="utf-8",
    )
    with pytest.raises(WorkStarted):
        evaluation_cli.main(["--suite", "summedits", "--external", str(data)])
    # A folder of beats that holds none is bad input, said before the work starts.
    (data / "beats").mkdir()
    assert cli.main(["eval", "--suite", "beats", "--external", str(data)]) == 2
    assert "no beat" in _one_line_error(capsys)


def test_update_ratchet_needs_a_ratcheted_suite(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["eval", "--suite", "loo", "--update-ratchet"]) == 2
    assert "--update-ratchet" in _one_line_error(capsys)


def test_eval_starts_when_its_files_are_there(clone: Path) -> None:
    expected = str(ROOT / "benchmarks" / "expected_disagreements.json")
    with pytest.raises(WorkStarted):
        evaluation_cli.main(["--suite", "loo", "--expected", expected])
    # Injection excuses the listed disagreements when there is a list; it runs without one.
    with pytest.raises(WorkStarted):
        evaluation_cli.main(["--suite", "injection"])


# --- the targets on the seed corpus ---------------------------------------------------


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_config(start=ROOT))


@pytest.fixture(scope="module")
def injection(checker: Checker) -> InjectionResult:
    corpus = read_corpus(ROOT / "seeds")
    expected = load_expected(ROOT / "benchmarks" / "expected_disagreements.json")
    return run_injection(checker, corpus, expected, seed=0)


@pytest.fixture(scope="module")
def leave_one_out(checker: Checker) -> LeaveOneOutResult:
    corpus = read_corpus(ROOT / "seeds")
    expected = load_expected(ROOT / "benchmarks" / "expected_disagreements.json")
    return run_leave_one_out(checker, corpus, expected)


def test_injection_covers_every_category(injection: InjectionResult) -> None:
    scores = injection.scores[IN_CORPUS]
    assert all(scores.tally(c).positives > 0 for c in CATEGORIES), injection.report(examples=0)


@pytest.mark.parametrize("mode", [IN_CORPUS, HELD_OUT])
def test_injection_meets_targets(injection: InjectionResult, mode: str) -> None:
    scores = injection.scores[mode]
    gaps = []
    for category in CATEGORIES:
        tally = scores.tally(category)
        # No case whose fact the other documents state: nothing to measure there.
        if tally.recall is not None and tally.recall < TARGET:
            gaps.append(f"{category} recall {tally.recall:.3f}")
        if tally.precision is not None and tally.precision < TARGET:
            gaps.append(f"{category} precision {tally.precision:.3f}")
    assert not gaps, f"{mode}: {', '.join(gaps)}\n{scores.table(mode)}\n{injection.report()}"


def test_leave_one_out_finds_exactly_the_listed_disagreements(
    leave_one_out: LeaveOneOutResult,
) -> None:
    assert not leave_one_out.missed and not leave_one_out.false_positives, leave_one_out.report()
