"""The naive baseline the external data's README describes, for FRANK and SummEdits.

Flag a summary when one of its named entities, dates or numbers (as the
statistical model tags them) does not occur in the article. Under the
rule-based fallback there are no entity tags, so it flags nothing.
"""

from __future__ import annotations

from spacy.language import Language

BASELINE = "baseline (entity overlap)"

# Entity labels the baseline compares: names, dates and numbers.
_BASELINE_LABELS = frozenset(
    [
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "FAC",
        "LOC",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    ]
)


def unsupported_entity(nlp: Language, summary: str, article: str) -> bool:
    """A named entity, date or number of the summary that the article does not contain."""
    haystack = " ".join(article.lower().split())
    for entity in nlp(summary).ents:
        if (
            entity.label_ in _BASELINE_LABELS
            and " ".join(entity.text.lower().split()) not in haystack
        ):
            return True
    return False
