"""The word lists shipped as data files, their checks, and configured additions."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from factcheck.nlp import language_data
from factcheck.nlp.language_data import (
    LIST_NAMES,
    LanguageDataError,
    read_countries,
    read_word_list,
    shipped_vocabulary,
)

PACKAGE = Path(language_data.__file__).parent


def test_every_list_is_a_shipped_file_of_lower_case_words() -> None:
    vocabulary = shipped_vocabulary()
    for field in LIST_NAMES.values():
        words = getattr(vocabulary, field)
        assert words, field
        assert all(word == word.lower() for word in words), field
    files = {f"{field}.json" for field in LIST_NAMES.values() if field != "place_words"}
    assert files | {language_data.COUNTRIES_FILE} <= {p.name for p in PACKAGE.glob("*.json")}


def test_countries_give_names_and_adjectives() -> None:
    data = {"countries": {"Israel": ["Israeli"], "Philippines": ["Philippine", "Filipino"]}}
    assert read_countries("c.json", data) == {
        "israel", "israeli", "philippines", "philippine", "filipino",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({}, "x.json: no 'words' list"),
        ({"words": "said"}, "x.json: 'words' must be a list of non-empty strings"),
        ({"words": ["said", 3]}, "x.json: 'words' must be a list of non-empty strings"),
        ({"words": ["said", " "]}, "x.json: 'words' must be a list of non-empty strings"),
        ({"words": ["Said"]}, "x.json: entries must be lower-case, got 'Said'"),
    ],
)
def test_a_malformed_list_names_the_file(data: dict[str, object], problem: str) -> None:
    with pytest.raises(LanguageDataError) as caught:
        read_word_list("x.json", data)
    assert str(caught.value) == problem


def test_malformed_countries_name_the_file() -> None:
    with pytest.raises(LanguageDataError, match=r"^c\.json: 'countries' must be an object"):
        read_countries("c.json", {"countries": ["Israel"]})
    with pytest.raises(LanguageDataError, match=r"^c\.json: 'Israel' must be a list"):
        read_countries("c.json", {"countries": {"Israel": "Israeli"}})


def test_a_file_that_is_not_json_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "speech_verbs.json").write_text('{"words": ["said",]}', encoding="utf-8")
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    shipped_vocabulary.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match=r"^\w+\.json: (not valid JSON|cannot read)"):
            shipped_vocabulary()
    finally:
        monkeypatch.undo()
        shipped_vocabulary.cache_clear()
    assert shipped_vocabulary().speech_verbs  # the shipped files read again


def test_the_shipped_files_are_valid_json_objects_with_a_comment() -> None:
    for path in PACKAGE.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert (isinstance(data, dict) and "_comment" in data) or path.name == "role_words.json"


def test_additions_extend_a_list_and_name_themselves() -> None:
    shipped = shipped_vocabulary()
    assert "knesset" not in shipped.organisation_heads
    extended = shipped.extended({"organisation-heads": ["Knesset"]})
    assert "knesset" in extended.organisation_heads
    assert extended.organisation_heads >= shipped.organisation_heads
    assert shipped.fingerprint == "" and extended.fingerprint
    other = shipped.extended({"organisation-heads": ["Sejm"]})
    assert other.fingerprint != extended.fingerprint
    assert shipped.extended({}) is shipped
    with pytest.raises(KeyError):
        shipped.extended({"organisation-head": ["Sejm"]})


def test_the_seeds_config_adds_what_the_repository_config_adds() -> None:
    from factcheck.config import load_config
    from tests.conftest import REPO, seeds_config

    assert load_config(REPO / "pyproject.toml").vocabulary == seeds_config().vocabulary
