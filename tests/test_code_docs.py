"""The pages under factcheck/codes_docs/ against the codes the plugins really declare.

Data-driven, as proselint's tests are: every built-in code has a page, every
page names a declared code with the declared name, category, severity and
safe-fix flag, and every checker code's two examples, checked against the
seeds corpus, do what their sections say. See factcheck/codes_docs/README.md for the
page format this module reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import factcheck
from factcheck.config import config_from_mapping
from factcheck.documents import document_from_text
from factcheck.engine import Engine
from factcheck.model import Category, CodeInfo
from factcheck.nlp.pipeline import load_pipeline
from factcheck.plugins import ENGINE_NAME, list_entry_points, load_plugins
from tests.conftest import SEEDS_VOCABULARY

REPO = Path(__file__).resolve().parent.parent
CODES_DIR = REPO / "factcheck" / "codes_docs"
DOCS_POINTER = REPO / "docs" / "codes"
SEEDS = REPO / "seeds"

SECTIONS = (
    "What it checks",
    "Why it matters",
    "Example that is flagged",
    "Example that is not flagged",
    "Options",
    "Evidence",
)
FLAGGED, NOT_FLAGGED = "Example that is flagged", "Example that is not flagged"
NOT_APPLICABLE = "Examples: not applicable (engine code)"
FACT_KEYS = ("Plugin", "Category", "Default severity", "Safe fix")

_FENCE = re.compile(r"^```(?P<info>[^`\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_TITLE = re.compile(r"^# (?P<code>[A-Z]{2}\d{3}): (?P<name>[a-z0-9-]+)$")
_FACT = re.compile(r"^- (?P<key>[A-Za-z ]+): (?P<value>.+)$")


class PageError(ValueError):
    """A page that does not follow the format of factcheck/codes_docs/README.md."""


@dataclass(frozen=True)
class Example:
    text: str
    date: dt.date | None


@dataclass(frozen=True)
class Page:
    path: Path
    code: str
    name: str
    facts: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    section_order: tuple[str, ...] = ()


def parse_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    head, *parts = re.split(r"^## ", text, flags=re.MULTILINE)
    lines = head.splitlines()
    title = _TITLE.match(lines[0]) if lines else None
    if title is None:
        raise PageError(f"{path.name}: the first line must be '# CODE: name'")
    facts = {}
    for line in lines[1:]:
        if fact := _FACT.match(line):
            facts[fact["key"]] = fact["value"].strip()
    sections = {}
    for part in parts:
        heading, _, body = part.partition("\n")
        sections[heading.strip()] = body
    return Page(path, title["code"], title["name"], facts, sections, tuple(sections))


def draft_examples(section: str) -> list[Example]:
    """The ```draft blocks of a section; other fences (```text output) are left alone."""
    examples = []
    for fence in _FENCE.finditer(section):
        words = fence["info"].split()
        if not words or words[0] != "draft":
            continue
        date = None
        for option in words[1:]:
            key, _, value = option.partition("=")
            if key != "date":
                raise PageError(f"unknown draft option {option!r}: only date=YYYY-MM-DD")
            date = dt.date.fromisoformat(value)
        examples.append(Example(fence["body"], date))
    return examples


def is_engine_section(section: str) -> bool:
    return any(line.strip() == NOT_APPLICABLE for line in section.splitlines())


def built_in_codes() -> dict[str, tuple[CodeInfo, str]]:
    """Code -> (declaration, plugin name) for factcheck's own plugins and the engine.

    Third-party plugins installed in the same environment document their codes
    themselves, so only factcheck's own entry points count here.
    """
    plugin_set = load_plugins(config_from_mapping({}, source=None, root=REPO))
    ours = {
        entry_point.name
        for entry_point in list_entry_points()
        if (dist := entry_point.dist) is not None and dist.name == factcheck.DISTRIBUTION
    }
    ours.add(ENGINE_NAME)
    return {
        code: (info, owner)
        for code, info in plugin_set.codes.items()
        if (owner := plugin_set.code_owner[code]) in ours
    }


def has_draft_examples(code: str) -> bool:
    """An engine code about a draft's own text (a suppression) gives draft examples."""
    path = CODES_DIR / f"{code}.md"
    return path.is_file() and bool(draft_examples(parse_page(path).sections.get(FLAGGED, "")))


CODES = built_in_codes()
CHECKER_CODES = sorted(
    code
    for code, (info, _) in CODES.items()
    if info.category != Category.ENGINE or has_draft_examples(code)
)
PAGE_PATHS = sorted(CODES_DIR.glob("*.md"))
PAGES = {path.stem: path for path in PAGE_PATHS if path.name != "README.md"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine on the seeds for the whole module: spaCy loads once."""
    pipeline = load_pipeline()
    if not pipeline.statistical:
        # The examples describe the default path, the statistical model.
        pytest.skip("no statistical English model installed (pip install '.[model]')")
    config = config_from_mapping(
        {"corpus": [str(SEEDS)], "cache": False, "vocabulary": SEEDS_VOCABULARY},
        source=None,
        root=REPO,
    )
    return Engine(config, pipeline=pipeline)


def codes_found(engine: Engine, example: Example) -> list[str]:
    document = document_from_text("example.md", example.text)
    return [f.code for f in engine.check_document(document, date=example.date).findings]


def page_for(code: str) -> Page:
    path = CODES_DIR / f"{code}.md"
    if not path.is_file():
        pytest.fail(f"{code} has no page: create factcheck/codes_docs/{code}.md")
    return parse_page(path)


# --- the registry against the pages -------------------------------------------------


def test_the_builtin_plugins_are_loaded() -> None:
    # Guards the tests below: an empty registry would make them pass vacuously.
    assert {"FC101", "FC201", "FC301", "FC401", "FC501", "FC901"} <= set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_page(code: str) -> None:
    assert code in PAGES, f"{code} has no page: create factcheck/codes_docs/{code}.md"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_names_a_declared_code(name: str) -> None:
    page = parse_page(PAGES[name])
    assert page.code == name, f"{name}.md is titled {page.code}"
    assert page.code in CODES, f"{name}.md documents {page.code}, which no plugin declares"


@pytest.mark.parametrize("code", sorted(CODES))
def test_page_matches_the_declaration(code: str) -> None:
    page = page_for(code)
    info, owner = CODES[code]
    assert page.name == info.name
    assert page.facts == {
        "Plugin": owner,
        "Category": info.category.value,
        "Default severity": info.severity.value,
        "Safe fix": "yes" if info.safe_fix else "no",
    }


@pytest.mark.parametrize("code", sorted(CODES))
def test_page_has_every_section_in_order(code: str) -> None:
    assert page_for(code).section_order == SECTIONS


def test_index_links_every_page_and_only_pages() -> None:
    index = (CODES_DIR / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([A-Z]{2}\d{3})\.md\)", index))
    assert linked == set(PAGES)


# --- examples ------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CODES))
def test_examples_follow_the_convention(code: str) -> None:
    page = page_for(code)
    engine_code = code not in CHECKER_CODES
    for title in (FLAGGED, NOT_FLAGGED):
        section = page.sections[title]
        if engine_code:
            assert is_engine_section(section), f"{code}: '{title}' needs '{NOT_APPLICABLE}'"
            assert draft_examples(section) == []
        else:
            assert not is_engine_section(section), f"{code} is a checker code: give an example"
            assert len(draft_examples(section)) == 1, f"{code}: '{title}' needs one draft block"


@pytest.mark.parametrize("code", CHECKER_CODES)
def test_flagged_example_is_flagged(engine: Engine, code: str) -> None:
    (example,) = draft_examples(page_for(code).sections[FLAGGED])
    assert code in codes_found(engine, example)


@pytest.mark.parametrize("code", CHECKER_CODES)
def test_example_that_is_not_flagged_is_not(engine: Engine, code: str) -> None:
    (example,) = draft_examples(page_for(code).sections[NOT_FLAGGED])
    assert code not in codes_found(engine, example)


# --- the page reader itself ---------------------------------------------------------


def test_draft_blocks_are_read_with_their_date() -> None:
    section = "Text.\n\n```draft date=2025-08-26\nA draft.\n```\n\n```text\noutput\n```\n"
    assert draft_examples(section) == [Example("A draft.\n", dt.date(2025, 8, 26))]


def test_a_misspelt_draft_option_is_an_error() -> None:
    # Otherwise "dat=2025-08-26" would silently check the example undated.
    with pytest.raises(PageError, match="dat=2025"):
        draft_examples("```draft dat=2025-08-26\nA draft.\n```\n")


def test_the_engine_marker_must_be_a_line_of_its_own() -> None:
    assert is_engine_section(f"\n{NOT_APPLICABLE}\n\nHow to provoke it.\n")
    assert not is_engine_section(f"Prose mentioning '{NOT_APPLICABLE}' in passing.\n")


def test_a_page_without_a_title_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "FC999.md"
    page.write_text("FC999 without a heading\n\n## What it checks\n", encoding="utf-8")
    with pytest.raises(PageError, match="first line"):
        parse_page(page)


# --- one copy of the pages, shipped with the package ----------------------------------


def test_docs_codes_holds_links_to_the_shipped_pages_not_copies() -> None:
    # Two copies would drift apart. docs/codes keeps a README that points to the
    # package, and one symbolic link per page, so that links to docs/codes/FC101.md
    # still lead to the page.
    entries = {p.name: p for p in DOCS_POINTER.iterdir()}
    assert set(entries) == {"README.md", *(f"{code}.md" for code in PAGES)}
    assert "factcheck/codes_docs/" in (DOCS_POINTER / "README.md").read_text(encoding="utf-8")
    for code, page in PAGES.items():
        link = entries[f"{code}.md"]
        assert link.is_symlink(), f"docs/codes/{code}.md must be a link, not a copy"
        assert link.resolve() == page.resolve()


def test_the_package_reads_the_same_pages() -> None:
    from factcheck.code_pages import code_page, page_codes

    assert page_codes() == sorted(PAGES)
    for code, path in PAGES.items():
        assert code_page(code) == path.read_text(encoding="utf-8")
