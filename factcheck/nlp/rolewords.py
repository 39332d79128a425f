"""Role nouns in the token table ("chairman", "vice-chairman", "deputy head").

Both the name rules (a role after a comma marks a name) and the role rules
look role nouns up here.
"""

from __future__ import annotations

import itertools

from factcheck.nlp import lexicon
from factcheck.nlp.tokentable import TokenTable


def role_word_at(table: TokenTable, index: int) -> tuple[str, int] | None:
    """The role noun starting at ``index`` ("vice-chairman"), and its token count."""
    for size in (3, 2, 1):
        candidate = _role_words(table, index, size)
        if candidate is not None:
            return candidate, size
    return None


def role_word_ending_at(table: TokenTable, last: int) -> tuple[str, int] | None:
    """The role noun whose last token is ``last``, and its first token's index:
    "vice-chairman" is three tokens ending in "chairman"."""
    for size in (3, 2, 1):
        candidate = _role_words(table, last - size + 1, size)
        if candidate is not None:
            return candidate, last - size + 1
    return None


def _role_words(table: TokenTable, index: int, size: int) -> str | None:
    """The ``size`` tokens from ``index`` as a role in the lexicon, or None. A
    hyphen joins only what it touches ("vice-chairman", not "vice - chairman")."""
    if index < 0 or index + size > len(table.tokens):
        return None
    tokens = table.tokens[index : index + size]
    parts = [tokens[0].lower]
    for previous, token in itertools.pairwise(tokens):
        touching = previous.span.end == token.span.start
        hyphen = "-" in (previous.text, token.text)
        if hyphen and not touching:
            return None
        parts.append(token.lower if touching else " " + token.lower)
    candidate = "".join(parts)
    return candidate if candidate in lexicon.ROLE_GROUPS else None
