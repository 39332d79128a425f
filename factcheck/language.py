"""The language helpers checkers use, re-exported from :mod:`factcheck.nlp` (and
``plural``, "1 document" or "3 documents", from the formatters' own helpers).

Checkers (``plugins/``) import number words, date words, role words and speaker
names from here, never from the pipeline's own modules, so those can change
without breaking a third-party checker (``tests/test_plugin_imports.py``).
"""

from factcheck.nlp.lexicon import ROLE_GROUPS, VAGUE_TITLES
from factcheck.nlp.numbers import MAX_VALUE, cardinal_words, format_ordinal_like
from factcheck.nlp.quotations import speaker_name
from factcheck.nlp.timex import closest_date, month_name, weekday_name
from factcheck.output.common import plural

__all__ = [
    "MAX_VALUE",
    "ROLE_GROUPS",
    "VAGUE_TITLES",
    "cardinal_words",
    "closest_date",
    "format_ordinal_like",
    "month_name",
    "plural",
    "speaker_name",
    "weekday_name",
]
