"""The fact layer: what the trusted corpus states, and how draft claims are compared with it.

This package's ``__init__`` is the public API that checkers (``plugins/``) import:
:class:`CorpusFacts` with its query methods, the fact records, and the comparison
helpers below. The modules inside are the fact layer's own: records, events,
counts and values, alignment of parallel sentences, names (``names/``) and titles
and organisations (``titles/``). A checker names nothing from them directly;
``tests/test_plugin_imports.py`` holds it to this list.
"""

from factcheck.facts.alignment import TimePair
from factcheck.facts.corpus import CorpusFacts, PersonTitles, mentions_in, speaker_surname
from factcheck.facts.events import (
    OCCASION_WINDOW,
    DatedClaim,
    KnownPeople,
    SentenceEvent,
    dated_claims,
    participants_match,
    planned,
    resolve_time,
    same_occasion,
    same_predicate,
    same_when,
    sentence_events,
)
from factcheck.facts.founding import FoundingClaim, best_year, founding_claims, founding_years
from factcheck.facts.names.context import DraftWords, known_role_groups
from factcheck.facts.names.first_names import FirstNameSlip, first_name_slip
from factcheck.facts.names.namebook import NameBook, NameEntity, name_tokens, normalise_name
from factcheck.facts.names.spelling import (
    may_be_another_word,
    romanised_alike,
    short_and_one_letter_apart,
)
from factcheck.facts.parallel_sentences import ContradictedValue, SwappedName
from factcheck.facts.participants import swapped_participants
from factcheck.facts.records import (
    CountFact,
    EventFact,
    Fact,
    Occurrence,
    QuoteFact,
    RoleFact,
    SentenceText,
)
from factcheck.facts.series import SERIES_OVERLAP, content_words, same_series
from factcheck.facts.titles.learnt import PERSON_KINDS, LearntTitle, compatible, normalise
from factcheck.facts.titles.organisations import org_key, same_organisation
from factcheck.facts.titles.phrases import FUNCTION_WORDS, TitlePhrase, title_phrases
from factcheck.facts.titles.timeline import as_of, outdated, stated_by
from factcheck.facts.value_claims import value_index

__all__ = [
    "FUNCTION_WORDS",
    "OCCASION_WINDOW",
    "PERSON_KINDS",
    "SERIES_OVERLAP",
    "ContradictedValue",
    "CorpusFacts",
    "CountFact",
    "DatedClaim",
    "DraftWords",
    "EventFact",
    "Fact",
    "FirstNameSlip",
    "FoundingClaim",
    "KnownPeople",
    "LearntTitle",
    "NameBook",
    "NameEntity",
    "Occurrence",
    "PersonTitles",
    "QuoteFact",
    "RoleFact",
    "SentenceEvent",
    "SentenceText",
    "SwappedName",
    "TimePair",
    "TitlePhrase",
    "as_of",
    "best_year",
    "compatible",
    "content_words",
    "dated_claims",
    "first_name_slip",
    "founding_claims",
    "founding_years",
    "known_role_groups",
    "may_be_another_word",
    "mentions_in",
    "name_tokens",
    "normalise",
    "normalise_name",
    "org_key",
    "outdated",
    "participants_match",
    "planned",
    "resolve_time",
    "romanised_alike",
    "same_occasion",
    "same_organisation",
    "same_predicate",
    "same_series",
    "same_when",
    "sentence_events",
    "short_and_one_letter_apart",
    "speaker_surname",
    "stated_by",
    "swapped_participants",
    "title_phrases",
    "value_index",
]
