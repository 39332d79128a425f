from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from factcheck.config import (
    DEFAULT_EXCLUDE,
    Config,
    NearestConfigs,
    check_known_prefixes,
    code_prefixes,
    config_from_mapping,
    find_config_file,
    load_config,
)
from factcheck.context import CheckOptions
from factcheck.errors import ConfigError
from factcheck.model import Severity

FIXTURES = Path(__file__).parent / "fixtures" / "config"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def from_mapping(data: dict[str, object], root: Path = Path("/project")) -> Config:
    return config_from_mapping(data, source=None, root=root)


# --- discovery ----------------------------------------------------------------


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\ncorpus = ['a']\n")
    wanted = write(tmp_path / "factcheck.toml", "corpus = ['b']\n")
    assert find_config_file(tmp_path) == wanted


def test_discovery_walks_up_past_a_pyproject_without_our_table(tmp_path: Path) -> None:
    wanted = write(tmp_path / "pyproject.toml", "[tool.factcheck]\ncorpus = ['a']\n")
    # Mentions factcheck, but only as a dependency: it does not count.
    write(tmp_path / "sub" / "pyproject.toml", "[project]\ndependencies = ['factcheck']\n")
    start = tmp_path / "sub" / "deeper"
    start.mkdir()
    assert find_config_file(start) == wanted


def test_discovery_from_a_file_starts_in_its_folder(tmp_path: Path) -> None:
    wanted = write(tmp_path / "factcheck.toml", "")
    draft = write(tmp_path / "draft.md", "text")
    assert find_config_file(draft) == wanted


def test_discovery_finds_nothing_without_a_config(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config_file(tmp_path) is None


def test_no_config_gives_defaults_rooted_at_start(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config.source is None
    assert config.root == tmp_path
    assert config.select == ("",)
    assert config.is_selected("XY101")
    assert config.ignore == ()
    assert config.name_threshold == 85.0
    assert config.cache_enabled is True
    assert config.cache_dir == tmp_path / ".factcheck_cache"
    assert config.model is None


def test_load_config_discovers_from_start(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", "corpus = ['published']\n")
    (tmp_path / "drafts").mkdir()
    config = load_config(start=tmp_path / "drafts")
    assert config.source == tmp_path / "factcheck.toml"
    assert config.root == tmp_path
    assert config.corpus_paths() == (os.path.join(tmp_path, "published"),)


def test_load_config_defaults_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "factcheck.toml", "name-threshold = 70\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().name_threshold == 70.0


# --- every key ----------------------------------------------------------------


def test_full_file_reads_every_key() -> None:
    config = load_config(FIXTURES / "full.toml")
    assert config.source == FIXTURES / "full.toml"
    assert config.root == FIXTURES
    assert config.corpus == ("articles", "archive/*.md", "/abs/extra.txt")
    assert config.corpus_paths() == (
        os.path.join(FIXTURES, "articles"),
        os.path.join(FIXTURES, "archive/*.md"),
        "/abs/extra.txt",
    )
    assert config.model == "en_core_web_sm"
    assert config.select == ("FC", "XY1")
    assert config.ignore == ("FC4", "FC501")
    assert config.severity == {"FC1": Severity.ERROR, "FC101": Severity.INFO}
    assert config.name_threshold == 90.0
    assert config.plugins == ("local_checks.py", "some.module")
    assert config.disable_plugins == ("quotes",)
    assert config.cache_dir == FIXTURES / "build" / "cache"
    assert config.cache_enabled is False
    assert config.per_file_ignores == (("drafts/wire/*.md", ("FC3",)), ("*.txt", ("FC1", "XY")))
    assert config.accepted_spellings == frozenset({"Tsar", "Peking"})
    assert config.organisation_parents == (("Upper House", "Assembly"),)


def test_pyproject_table_is_read() -> None:
    config = load_config(FIXTURES / "pyproject.toml")
    assert config.corpus == ("published",)
    assert config.name_threshold == 80.5


def test_model_path_is_resolved_against_the_config_folder(tmp_path: Path) -> None:
    assert from_mapping({"model": "./models/news"}, tmp_path).model == str(
        tmp_path / "models" / "news"
    )
    assert from_mapping({"model": "en_core_web_sm"}, tmp_path).model == "en_core_web_sm"


def test_absolute_cache_dir_is_kept(tmp_path: Path) -> None:
    cache = tmp_path / "elsewhere"
    assert from_mapping({"cache-dir": str(cache)}).cache_dir == cache


def test_check_options_carry_threshold_and_spellings() -> None:
    config = from_mapping({"name-threshold": 92, "accepted-spellings": ["Tsar"]})
    assert config.check_options() == CheckOptions(92.0, frozenset({"Tsar"}))


def test_organisation_parents_reach_the_checkers() -> None:
    parents = {"Upper House": "Assembly", "Lower House": "Assembly"}
    config = from_mapping({"organisation-parents": parents})
    assert config.organisation_parents == (("Upper House", "Assembly"), ("Lower House", "Assembly"))
    assert config.check_options().organisation_parents == config.organisation_parents
    hash(config)


def test_organisation_parents_error_names_the_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.factcheck.organisation-parents]\nx = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (
        f"{path}: [tool.factcheck] 'organisation-parents': 'x' must name its parent "
        "organisation, got 1"
    )


def test_replace_overrides_and_keeps_the_rest() -> None:
    config = from_mapping({"corpus": ["a"]})
    changed = config.replace(cache_enabled=False)
    assert changed.cache_enabled is False
    assert changed.corpus == ("a",)
    assert config.cache_enabled is True


def test_config_is_hashable_and_severity_read_only() -> None:
    config = from_mapping({"severity": {"FC1": "error"}})
    hash(config)
    with pytest.raises(TypeError):
        config.severity["FC2"] = Severity.INFO  # type: ignore[index]


# --- errors -------------------------------------------------------------------


def test_unknown_key_in_pyproject_suggests_the_closest(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.factcheck]\ncorpuss = ['a']\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (
        f"{path}: [tool.factcheck] unknown key 'corpuss'; did you mean 'corpus'?"
    )


def test_unknown_key_in_factcheck_toml() -> None:
    with pytest.raises(ConfigError, match=r"misspelt_key\.toml: unknown key 'corpuss'"):
        load_config(FIXTURES / "misspelt_key.toml")


def test_unknown_key_without_a_close_match_has_no_hint() -> None:
    with pytest.raises(ConfigError) as caught:
        from_mapping({"colour": "blue"})
    assert str(caught.value) == "configuration: unknown key 'colour'"


def test_threshold_must_be_a_number_in_range(tmp_path: Path) -> None:
    path = write(tmp_path / "factcheck.toml", "name-threshold = 'high'\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (
        f"{path}: 'name-threshold' must be a number from 0 to 100, got 'high'"
    )
    for bad in (True, 101, -1):
        with pytest.raises(ConfigError, match="name-threshold"):
            from_mapping({"name-threshold": bad})


def test_retrieval_limit() -> None:
    assert from_mapping({}).retrieval_limit == 100
    assert from_mapping({"retrieval-limit": 500}).retrieval_limit == 500


def test_retrieval_words() -> None:
    assert from_mapping({}).retrieval_words == 20_000
    assert from_mapping({"retrieval-words": 5000}).retrieval_words == 5000


def test_sync_on_check() -> None:
    assert from_mapping({}).sync_on_check is True
    assert from_mapping({"sync-on-check": False}).sync_on_check is False


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"corpus": "articles"}, "'corpus' must be a list of strings"),
        ({"corpus": ["a", 3]}, "'corpus' must be a list of strings, got 3"),
        ({"model": 3}, "'model' must be a non-empty string"),
        ({"cache": "yes"}, "'cache' must be true or false"),
        ({"sync-on-check": 0}, "'sync-on-check' must be true or false"),
        ({"retrieval-limit": 0}, "'retrieval-limit' must be a whole number of 1 or more, got 0"),
        ({"retrieval-words": 0}, "'retrieval-words' must be a whole number of 1 or more, got 0"),
        ({"retrieval-limit": 2.5}, "'retrieval-limit' must be a whole number of 1 or more"),
        ({"retrieval-limit": True}, "'retrieval-limit' must be a whole number of 1 or more"),
        ({"select": ["fc1"]}, "'select': 'fc1' is not a code or code prefix"),
        ({"ignore": ["FC1234"]}, "'ignore': 'FC1234' is not a code"),
        ({"severity": {"FC1": "fatal"}}, "'severity': 'FC1' must be 'error', 'warning' or 'info'"),
        ({"severity": {"names": "error"}}, "'severity': 'names' is not a code"),
        ({"severity": ["FC1"]}, "'severity' must be a table"),
        ({"per-file-ignores": {"*.md": ["E501"]}}, "'per-file-ignores.*.md': 'E501' is not"),
        ({"per-file-ignores": {"*.md": "FC1"}}, "'per-file-ignores.*.md' must be a list"),
        ({"organisation-parents": ["State Duma"]}, "'organisation-parents' must be a table"),
        (
            {"organisation-parents": {"Upper House": 3}},
            "'organisation-parents': 'Upper House' must name its parent organisation, got 3",
        ),
        ({"organisation-parents": {"Upper House": " "}}, "must name its parent organisation"),
        ({"organisation-parents": {"": "Assembly"}}, "an organisation name must not be empty"),
        (
            {"organisation-parents": {"Assembly": "assembly"}},
            "'organisation-parents': 'Assembly' cannot be its own parent",
        ),
    ],
)
def test_wrong_values_name_the_key(data: dict[str, object], fragment: str) -> None:
    with pytest.raises(ConfigError) as caught:
        from_mapping(data)
    assert fragment in str(caught.value)


def test_toml_syntax_error_names_the_file() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(FIXTURES / "syntax_error.toml")
    message = str(caught.value)
    assert message.startswith(f"{FIXTURES / 'syntax_error.toml'}: invalid TOML: ")
    assert "line 1" in message or "line 2" in message  # tomllib's own position


@pytest.mark.parametrize("name", ["missing.toml", "folder"])
def test_unreadable_file_names_it(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ConfigError, match=f"{name}: cannot read the configuration"):
        load_config(tmp_path / name)


def test_non_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.toml"
    path.write_bytes(b"model = '\xff'\n")
    with pytest.raises(ConfigError, match="cannot read the configuration"):
        load_config(path)


def test_explicit_pyproject_without_our_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.factcheck\] table"):
        load_config(path)


def test_discovery_reports_a_broken_pyproject_that_mentions_us(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config_file(tmp_path)


# --- selection, severity, per-file ignores -------------------------------------


def test_default_selection_is_every_code_third_party_included() -> None:
    config = from_mapping({})
    assert config.is_selected("FC101")
    assert config.is_selected("FC902")
    assert config.is_selected("XY101")
    assert not from_mapping({"ignore": ["XY"]}).is_selected("XY101")


def test_longest_prefix_decides_selection() -> None:
    config = from_mapping({"select": ["FC", "FC101"], "ignore": ["FC1"]})
    assert not config.is_selected("FC102")  # FC1 (ignore) beats FC (select)
    assert config.is_selected("FC101")  # FC101 (select) beats FC1 (ignore)
    assert config.is_selected("FC201")


def test_ignore_wins_a_tie() -> None:
    assert not from_mapping({"select": ["FC1"], "ignore": ["FC1"]}).is_selected("FC101")


def test_most_specific_severity_wins() -> None:
    config = from_mapping({"severity": {"FC": "info", "FC1": "error", "FC101": "warning"}})
    assert config.severity_for("FC101", Severity.INFO) is Severity.WARNING
    assert config.severity_for("FC102", Severity.INFO) is Severity.ERROR
    assert config.severity_for("FC301", Severity.ERROR) is Severity.INFO
    assert config.severity_for("XY101", Severity.WARNING) is Severity.WARNING


def test_per_file_ignores_match_relative_to_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = from_mapping({"per-file-ignores": {"drafts/wire/*.md": ["FC3"]}}, tmp_path)
    draft = tmp_path / "drafts" / "wire" / "a.md"
    assert config.ignored_for_path("FC301", str(draft))
    assert not config.ignored_for_path("FC101", str(draft))
    assert not config.ignored_for_path("FC301", str(tmp_path / "drafts" / "a.md"))
    # A relative path given from a subfolder is matched against the root too.
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    assert config.ignored_for_path("FC301", "wire/a.md")


def test_per_file_ignores_match_the_plain_path() -> None:
    config = from_mapping({"per-file-ignores": {"*.txt": ["FC1"]}}, Path("/nowhere"))
    assert config.ignored_for_path("FC102", "notes/x.txt")
    assert not config.ignored_for_path("FC102", "notes/x.md")


# --- files that are not configuration, and TOML that breaks the parser ----------


def test_a_pyproject_whose_tool_is_not_a_table_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "tool = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: 'tool' must be a table, got 1"


def test_toml_nested_too_deeply_is_a_config_error(tmp_path: Path) -> None:
    path = write(tmp_path / "factcheck.toml", "corpus = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: invalid TOML: arrays or tables nested too deeply"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_as_configuration_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.toml"
    os.mkfifo(path)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            load_config(path)
        except BaseException as error:  # handed to the test to look at
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(5)
    assert outcome, "load_config blocked on a FIFO"
    assert isinstance(outcome[0], ConfigError)
    assert str(outcome[0]) == (
        f"{path}: cannot read the configuration: not a regular file: a named pipe (FIFO)"
    )


# --- encoding ---------------------------------------------------------------------


def test_encoding_defaults_to_auto_and_takes_a_codec_name() -> None:
    assert from_mapping({}).encoding == "auto"
    assert from_mapping({"encoding": "auto"}).encoding == "auto"
    assert from_mapping({"encoding": "Latin-1"}).encoding == "iso8859-1"
    assert from_mapping({"encoding": "windows-1252"}).encoding == "cp1252"


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13"])
def test_an_unknown_or_non_text_encoding_names_the_file_and_key(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "factcheck.toml", f"encoding = {name!r}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(
        f"{path}: 'encoding': {name!r} is not a known text encoding"
    )


# --- code prefixes: one validation for the file and the command line --------------


def test_config_prefix_lists_may_hold_comma_lists() -> None:
    config = from_mapping(
        {
            "select": ["FC1,FC4"],
            "ignore": ["FC101, FC102"],
            "per-file-ignores": {"*.md": ["FC3,FC5"]},
        }
    )
    assert config.select == ("FC1", "FC4")
    assert config.ignore == ("FC101", "FC102")
    assert config.per_file_ignores == (("*.md", ("FC3", "FC5")),)


def test_command_line_prefixes_are_read_as_the_file_reads_them() -> None:
    assert code_prefixes(["FC1,FC4", "FC501"], option="--select") == ("FC1", "FC4", "FC501")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            ["fc1"],
            "--select: 'fc1' is not a code or code prefix like 'FC', 'FC1' or 'FC101'; "
            "codes are in capitals: 'FC1'",
        ),
        (["XYZ"], "--select: 'XYZ' is not a code or code prefix like 'FC', 'FC1' or 'FC101'"),
        (["FC1,"], "--select: '' is not a code or code prefix"),
    ],
)
def test_a_bad_command_line_prefix_names_the_option_and_value(
    values: list[str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        code_prefixes(values, option="--select")
    assert str(caught.value).startswith(message)


def test_lower_case_is_refused_in_the_file_as_on_the_command_line() -> None:
    with pytest.raises(ConfigError, match=r"'select': 'fc1' is not a code .* 'FC1'"):
        from_mapping({"select": ["fc1"]})


CODES = ("FC101", "FC102", "FC301", "FC901", "XY123")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"select": ["FC7"]}, "'select': no registered code starts with 'FC7'"),
        ({"ignore": ["FC11"]}, "'ignore': no registered code starts with 'FC11'"),
        ({"severity": {"XY2": "info"}}, "'severity': no registered code starts with 'XY2'"),
        (
            {"per-file-ignores": {"*.md": ["FC1", "FC4"]}},
            "'per-file-ignores.*.md': no registered code starts with 'FC4'",
        ),
    ],
)
def test_a_prefix_that_starts_no_registered_code_names_the_file_and_key(
    tmp_path: Path, data: dict[str, object], message: str
) -> None:
    config = config_from_mapping(data, source=tmp_path / "factcheck.toml", root=tmp_path)
    with pytest.raises(ConfigError) as caught:
        check_known_prefixes(config, CODES)
    assert str(caught.value).startswith(f"{tmp_path / 'factcheck.toml'}: {message}")
    assert "(the codes are FC1xx, FC3xx, FC9xx, XY1xx)" in str(caught.value)


def test_a_registered_prefix_passes_and_a_command_line_one_names_the_option() -> None:
    config = from_mapping({"select": ["FC", "XY1"], "ignore": ["FC10"]})
    check_known_prefixes(config, CODES)
    config = config.replace(select=("FC8",), command_line=frozenset({("select", "FC8")}))
    with pytest.raises(ConfigError, match=r"^--select: no registered code starts with 'FC8'"):
        check_known_prefixes(config, CODES)


# --- exclusions -------------------------------------------------------------------------


def test_exclude_defaults_like_ruff_s_and_can_be_replaced_or_extended(tmp_path: Path) -> None:
    defaults = config_from_mapping({}, source=None, root=tmp_path)
    assert {".git", ".venv", "node_modules", "build", "dist", ".factcheck_cache"} <= set(
        defaults.exclusions()
    )
    replaced = config_from_mapping({"exclude": ["old/"]}, source=None, root=tmp_path)
    assert replaced.exclusions() == ("old/",)
    extended = config_from_mapping({"extend-exclude": ["old/"]}, source=None, root=tmp_path)
    assert extended.exclusions() == (*DEFAULT_EXCLUDE, "old/")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"exclude": "build"}, "'exclude' must be a list of strings"),
        ({"extend-exclude": [" "]}, "'extend-exclude': a pattern must not be empty"),
    ],
)
def test_exclude_errors_name_the_key(data: dict[str, object], fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        config_from_mapping(data, source=None, root=Path("."))


# --- the configuration nearest to each file ---------------------------------------------------


def test_each_file_gets_the_configuration_nearest_to_it(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "factcheck.toml").write_text('corpus = ["archive"]\n')
    fallback = config_from_mapping({}, source=None, root=tmp_path)
    nearest = NearestConfigs(fallback, lambda c: c.replace(model="chosen"))
    deep = nearest.for_path(tmp_path / "a" / "deep" / "x.md")
    assert deep.source == tmp_path / "a" / "factcheck.toml"
    assert deep.corpus_paths() == (str(tmp_path / "a" / "archive"),)
    assert deep.model == "chosen"  # the command line's overrides
    assert nearest.for_path(tmp_path / "a" / "y.md") is deep  # read once
    assert nearest.for_path(tmp_path / "b" / "z.md") is fallback


def test_vocabulary_adds_lower_cased_entries_to_named_lists() -> None:
    config = from_mapping(
        {"vocabulary": {"speech-verbs": ["Quipped"], "organisation-heads": ["Knesset", "Sejm"]}}
    )
    assert config.vocabulary == (
        ("organisation-heads", ("knesset", "sejm")),
        ("speech-verbs", ("quipped",)),
    )
    vocabulary = config.language_vocabulary()
    assert {"knesset", "sejm"} <= vocabulary.organisation_heads
    assert "quipped" in vocabulary.speech_verbs
    hash(config)
    assert from_mapping({}).language_vocabulary().fingerprint == ""


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            '[tool.factcheck.vocabulary]\norganisation-head = ["Knesset"]\n',
            "'vocabulary': unknown word list 'organisation-head' (did you mean "
            "'organisation-heads'?)",
        ),
        (
            '[tool.factcheck.vocabulary]\nspeech-verbs = "quipped"\n',
            "'vocabulary.speech-verbs' must be a list of strings, got 'quipped'",
        ),
        (
            '[tool.factcheck.vocabulary]\norganisation-heads = ["State Duma"]\n',
            "vocabulary.'organisation-heads': an entry must be one word without spaces, "
            "got 'State Duma'",
        ),
        ("[tool.factcheck]\nvocabulary = 1\n", "'vocabulary' must be a table, got 1"),
    ],
)
def test_a_bad_vocabulary_names_the_file_and_the_list(
    tmp_path: Path, table: str, problem: str
) -> None:
    path = write(tmp_path / "pyproject.toml", table)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: [tool.factcheck] {problem}"
