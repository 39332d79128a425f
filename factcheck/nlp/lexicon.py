"""Word lists that the extraction rules share, read from the data files.

They are deliberately small and general (English newsroom usage), never a
list of the corpus's own names: names are learnt from the corpus. Every list
is a JSON file beside this module (docs/language-data.md).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from factcheck.nlp.language_data import shipped_vocabulary

# The shipped lists (see language_data.py); the extraction rules read the
# vocabulary they are given, these names serve code that has no configuration.
_SHIPPED = shipped_vocabulary()
ORG_HEADS = _SHIPPED.organisation_heads
TITLE_WORDS = _SHIPPED.title_words
SPEECH_VERBS = _SHIPPED.speech_verbs
PLACEHOLDERS = _SHIPPED.placeholders
SENTENCE_OPENERS = _SHIPPED.sentence_openers
COUNTED_NOUNS = _SHIPPED.counted_nouns
NOT_NAMES = _SHIPPED.date_words

# Role and title words: one data file, ``role_words.json``, read once.
_ROLE_DATA: dict[str, dict[str, Any]] = json.loads(
    resources.files("factcheck.nlp").joinpath("role_words.json").read_text("utf-8")
)


def _entries(section: str) -> dict[str, Any]:
    return {k: v for k, v in _ROLE_DATA[section].items() if not k.startswith("_")}


# Role nouns in "<name>, <role> of <organisation>", and the group each belongs
# to: words of one group name the same role ("speaker" and "chairman" of a
# parliament), so they never contradict each other.
ROLE_GROUPS: dict[str, str] = {
    word: group for group, words in _entries("groups").items() for word in words
}
# Each role word or title synonym as the phrase it is compared as: the first
# word of its group, or its synonym's headword ("ceo" is "chief executive").
TITLE_HEADWORDS: dict[str, str] = {
    **{word: words[0] for words in _entries("groups").values() for word in words},
    **{word: head for head, words in _entries("synonyms").items() for word in words},
}
# Nouns that end a title, besides the role nouns and the corpus's own title heads.
TITLE_HEADS = frozenset(_ROLE_DATA["titles"]["words"]) | frozenset(
    word.split()[-1] for word in TITLE_HEADWORDS
)
# "boss": says only that the person leads something.
VAGUE_TITLES = frozenset(_ROLE_DATA["vague"]["words"])
# "deputy head" is another post than "head".
RANK_WORDS = frozenset(_ROLE_DATA["ranks"]["words"])
# "former coach", "ex-minister": a title of another time.
PAST_MARKS = frozenset(_ROLE_DATA["past"]["marks"])
# "<name> resigned as <title>": a post left.
LEAVING_VERBS = frozenset(_ROLE_DATA["past"]["leaving_verbs"])
