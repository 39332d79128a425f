"""Countries and their adjectives, for pipelines without a statistical model.

The rule-based pipeline has no entity recogniser to tell "Russian" (a
country's adjective) from a name; this short gazetteer lets organisation
names be compared without the country words ("Russian State Duma" and
"Russia's State Duma" are one body) on either path.
"""

from __future__ import annotations

from factcheck.nlp.language_data import shipped_vocabulary

# Lower-cased country names and adjectives (countries.json).
PLACE_WORDS = shipped_vocabulary().place_words
