"""Each token's head, dependency relation and entity label, from the statistical parse.

The slot comparison (:mod:`factcheck.facts.anchor_alignment`) reads a value's role
from these: the noun a number modifies, the preposition whose object a place
is. The rule-based pipeline has no parser, so it gets no records and the
comparison that needs them says nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.model import TokenParse
from factcheck.nlp.tokentable import TokenTable


def token_parses(doc: Doc, table: TokenTable) -> list[TokenParse]:
    """One record per table token, or none when ``doc`` has no dependency parse."""
    if not doc.has_annotation("DEP"):
        return []
    parses: list[TokenParse] = []
    for spacy_token in doc:
        index = table.index_by_start.get(spacy_token.idx)
        if spacy_token.is_space or index is None or index != len(parses):
            continue
        # A head that is white space (never in the table) leaves the token a root.
        head = table.index_by_start.get(spacy_token.head.idx, index)
        parses.append(
            TokenParse(
                head=head,
                relation=spacy_token.dep_,
                entity=spacy_token.ent_type_,
                entity_start=spacy_token.ent_iob_ == "B",
            )
        )
    # The table and the doc disagree on a token: no parse rather than a shifted one.
    return parses if len(parses) == len(table.tokens) else []
