"""Word lists that the extraction rules share.

They are deliberately small and general (English newsroom usage), never a
list of the corpus's own names: names are learnt from the corpus.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# Nouns that end an organisation's name; a name containing one is an
# organisation, and "of"/"for" may continue it ("Federal Assembly of the ...").
ORG_HEADS = frozenset(
    [
        "academy",
        "agency",
        "alliance",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "cabinet",
        "chamber",
        "church",
        "commission",
        "committee",
        "company",
        "conference",
        "congress",
        "corporation",
        "council",
        "court",
        "department",
        "duma",
        "federation",
        "forum",
        "foundation",
        "front",
        "government",
        "group",
        "hall",
        "house",
        "initiative",
        "institute",
        "institution",
        "league",
        "legislature",
        "ministry",
        "monument",
        "museum",
        "news",
        "office",
        "organisation",
        "organization",
        "parliament",
        "party",
        "police",
        "press",
        "programme",
        "project",
        "republic",
        "school",
        "senate",
        "service",
        "society",
        "summit",
        "tribunal",
        "union",
        "university",
    ]
)

# Words that stand before a name as a title and are not part of the name.
TITLE_WORDS = frozenset(
    [
        "ambassador",
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "chancellor",
        "comrade",
        "dr",
        "general",
        "governor",
        "head",
        "king",
        "leader",
        "mayor",
        "minister",
        "mr",
        "mrs",
        "ms",
        "premier",
        "president",
        "prime",
        "prince",
        "professor",
        "prof",
        "queen",
        "secretary",
        "senator",
        "sir",
        "speaker",
        "spokesman",
        "spokeswoman",
        "vice",
        "deputy",
        "director",
    ]
)

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

# Verbs of speech that follow a person's name ("Zhao said").
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "added",
        "noted",
        "stressed",
        "told",
        "urged",
        "emphasized",
        "emphasised",
        "called",
        "reiterated",
        "wrote",
        "writes",
        "explained",
        "insisted",
        "declared",
        "replied",
        "warned",
        "argued",
        "admitted",
        "tweeted",
    ]
)

# Stand-ins for a word not yet known: a newsroom's "TK" (to come), a
# summariser's "UNK". Capitalised, they look like acronyms; they name no one.
PLACEHOLDERS = frozenset(["tk", "tktk", "unk", "xxx"])

# Capitalised only because they open a sentence; never the start of a name.
SENTENCE_OPENERS = frozenset(
    [
        "a",
        "according",
        "after",
        "also",
        "an",
        "and",
        "as",
        "at",
        "before",
        "besides",
        "but",
        "by",
        "during",
        "earlier",
        "efforts",
        "for",
        "from",
        "he",
        "her",
        "his",
        "however",
        "if",
        "in",
        "it",
        "its",
        "meanwhile",
        "noting",
        "observers",
        "on",
        "she",
        "since",
        "so",
        "than",
        "that",
        "the",
        "their",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "under",
        "when",
        "while",
        "with",
        "we",
        "yet",
        "focused",
        "analysts",
        "our",
    ]
)

# Words for events that happen on a date: a meeting, talks, a visit.
EVENT_WORDS = frozenset(
    [
        "meet",
        "meets",
        "met",
        "meeting",
        "meetings",
        "talk",
        "talks",
        "hold",
        "held",
        "host",
        "hosted",
        "hosting",
        "visit",
        "visited",
        "visiting",
        "visits",
        "session",
        "sessions",
        "summit",
        "conference",
        "call",
        "called",
    ]
)

COUNTED_NOUNS = frozenset(
    [
        "meeting",
        "session",
        "anniversary",
        "round",
        "summit",
        "congress",
        "conference",
        "edition",
        "plenum",
        "forum",
        "visit",
        "year",
        "term",
    ]
)

# Capitalised words that are never names: they are read as dates.
NOT_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
