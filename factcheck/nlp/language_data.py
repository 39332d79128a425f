"""The word lists of the extraction rules: JSON files shipped beside this module.

Each list is one file (``organisation_heads.json``, ...; see
docs/language-data.md), read once and checked here: a malformed file is a
:class:`LanguageDataError` naming the file. A configuration adds entries to
the lists (``[tool.factcheck.vocabulary]``); the result is a
:class:`Vocabulary`, a value passed to the rules, so two engines with
different configurations never share a list.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from importlib import resources
from typing import Any

# Config key -> Vocabulary field; each field's file is ``<field>.json``.
LIST_NAMES: dict[str, str] = {
    "organisation-heads": "organisation_heads",
    "title-words": "title_words",
    "speech-verbs": "speech_verbs",
    "placeholders": "placeholders",
    "sentence-openers": "sentence_openers",
    "counted-nouns": "counted_nouns",
    "date-words": "date_words",
    "place-words": "place_words",
}
COUNTRIES_FILE = "countries.json"


class LanguageDataError(ValueError):
    """A language data file that cannot be read as the list it should hold."""


@dataclass(frozen=True)
class Vocabulary:
    """The lower-cased word lists the extraction rules read."""

    organisation_heads: frozenset[str]
    title_words: frozenset[str]
    speech_verbs: frozenset[str]
    placeholders: frozenset[str]
    sentence_openers: frozenset[str]
    counted_nouns: frozenset[str]
    date_words: frozenset[str]
    # Country names and their adjectives ("russia", "russian").
    place_words: frozenset[str]
    # What the configuration added, as (config key, entries): the cache key.
    additions: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def extended(self, additions: Mapping[str, Iterable[str]]) -> Vocabulary:
        """This vocabulary with entries added to the lists named by config key."""
        if not additions:
            return self
        changes: dict[str, Any] = {}
        recorded = dict(self.additions)
        for key, words in additions.items():
            if key not in LIST_NAMES:
                raise KeyError(key)
            entries = tuple(sorted({word.lower() for word in words}))
            field = LIST_NAMES[key]
            changes[field] = getattr(self, field) | frozenset(entries)
            recorded[key] = tuple(sorted(set(recorded.get(key, ())) | set(entries)))
        return replace(self, **changes, additions=tuple(sorted(recorded.items())))

    @property
    def fingerprint(self) -> str:
        """Names what the configuration added; empty for the shipped lists."""
        if not self.additions:
            return ""
        text = json.dumps(self.additions, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files(__package__).joinpath(name).read_text("utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise LanguageDataError(f"{name}: cannot read the language data file ({error})") from None
    except json.JSONDecodeError as error:
        raise LanguageDataError(f"{name}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise LanguageDataError(f"{name}: must hold a JSON object, got {type(data).__name__}")
    return data


def _strings(name: str, section: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LanguageDataError(f"{name}: {section!r} must be a list of non-empty strings")
    return value


def read_word_list(name: str, data: Mapping[str, Any]) -> frozenset[str]:
    """The ``words`` of one list file, lower-cased; ``name`` is for messages."""
    if "words" not in data:
        raise LanguageDataError(f"{name}: no 'words' list")
    words = _strings(name, "words", data["words"])
    upper = [w for w in words if w != w.lower()]
    if upper:
        raise LanguageDataError(f"{name}: entries must be lower-case, got {upper[0]!r}")
    return frozenset(words)


def read_countries(name: str, data: Mapping[str, Any]) -> frozenset[str]:
    """Country names and their adjectives, lower-cased, from ``countries``."""
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        raise LanguageDataError(f"{name}: 'countries' must be an object: country -> adjectives")
    words: set[str] = set()
    for country, adjectives in countries.items():
        words.add(country.lower())
        words.update(a.lower() for a in _strings(name, country, adjectives))
    return frozenset(words)


@functools.cache
def shipped_vocabulary() -> Vocabulary:
    """The lists as shipped, read once per process."""
    lists: dict[str, Any] = {}
    for field in fields(Vocabulary):
        if field.name == "additions":
            continue
        if field.name == "place_words":
            lists[field.name] = read_countries(COUNTRIES_FILE, _read(COUNTRIES_FILE))
        else:
            name = f"{field.name}.json"
            lists[field.name] = read_word_list(name, _read(name))
    return Vocabulary(**lists)
