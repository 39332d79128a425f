"""Pipeline loading: the documented order, and the rule-based fallback."""

from __future__ import annotations

from factcheck.nlp.pipeline import RULE_BASED, load_pipeline


def test_a_missing_configured_model_is_skipped_with_a_reason() -> None:
    pipeline = load_pipeline("no_such_model_xyz")
    assert pipeline.skipped[0] == "no_such_model_xyz: not installed"
    assert pipeline.name != "no_such_model_xyz"


def test_rules_only_gives_the_rule_based_pipeline() -> None:
    pipeline = load_pipeline(rules_only=True)
    assert pipeline.name == RULE_BASED and not pipeline.statistical
    assert "rule-based" in pipeline.description
    doc = pipeline.nlp("Zhao said it.Volodin agreed.\n\nA new paragraph")
    assert [s.text.strip() for s in doc.sents][-1] == "A new paragraph"


def test_the_cache_key_names_the_pipeline_and_its_version() -> None:
    pipeline = load_pipeline(rules_only=True)
    assert pipeline.key.startswith(f"{RULE_BASED}-")


def test_an_installed_module_that_is_not_a_model_is_skipped_and_said_so() -> None:
    # numpy is installed with spaCy, and has a load() that spaCy would call.
    pipeline = load_pipeline("numpy")
    assert pipeline.skipped[0] == "numpy: installed, but not a spaCy model"
    assert pipeline.name != "numpy"
    assert pipeline.description.endswith("(skipped numpy: installed, but not a spaCy model)")
    assert "\n" not in pipeline.description


def test_a_missing_configured_model_is_named_in_the_one_line_description() -> None:
    description = load_pipeline("no_such_model_xyz").description
    assert description.endswith("(skipped no_such_model_xyz: not installed)")
    assert "skipped" not in load_pipeline().description
