"""Role claims: who holds which role in which organisation.

Read in three shapes: "Vyacheslav Volodin, speaker of Russia's State Duma",
"Chairman of the Russian State Duma Vyacheslav Volodin" and "Russian State
Duma Chairman Vyacheslav Volodin".
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Mention, RoleClaim, Span
from factcheck.nlp.nameruns import POSSESSIVE
from factcheck.nlp.rolewords import role_word_at, role_word_ending_at
from factcheck.nlp.tokentable import TokenTable


def roles(table: TokenTable, mentions: Sequence[Mention]) -> list[RoleClaim]:
    by_start = {m.span.start: m for m in mentions}
    claims: list[RoleClaim] = []
    for position, mention in enumerate(mentions):
        first = table.index_by_start[mention.span.start]
        last = table.index_by_end[mention.span.end]
        claim = _appositive_role(table, mention, last, by_start) or _role_before(
            table, mention, first, by_start, mentions[position - 1] if position else None
        )
        if claim is not None:
            claims.append(claim)
    return claims


def _before_a_body(table: TokenTable, lower: str) -> bool:
    """ "the" and a country's adjective stand before a body's name ("the Russian")."""
    return lower == "the" or lower in table.vocabulary.place_words


def _organisation_after(
    table: TokenTable, index: int, by_start: dict[int, Mention]
) -> Mention | None:
    """The organisation named from ``index`` on, past "the" and "China's"."""
    steps = 0
    while index < len(table.tokens) and steps < 4:
        token = table.tokens[index]
        mention = by_start.get(token.span.start)
        if mention is not None:
            nxt = table.index_by_end[mention.span.end] + 1
            if nxt < len(table.tokens) and table.tokens[nxt].text in POSSESSIVE:
                index = nxt + 1  # "Russia's State Duma": the country is not the body
                steps += 1
                continue
            return mention if mention.label == "ORG" else None
        if not _before_a_body(table, token.lower) and token.pos != "ADJ":
            return None
        index += 1
        steps += 1
    return None


def _appositive_role(
    table: TokenTable, holder: Mention, last: int, by_start: dict[int, Mention]
) -> RoleClaim | None:
    """ "Vyacheslav Volodin, speaker of Russia's State Duma"."""
    index = last + 1
    if index >= len(table.tokens) or table.tokens[index].text != ",":
        return None
    index += 1
    if index < len(table.tokens) and table.tokens[index].lower == "the":
        index += 1
    role = role_word_at(table, index)
    if role is None or holder.label not in {"PERSON", "MISC"}:
        return None
    word, size = role
    of_index = index + size
    if of_index >= len(table.tokens) or table.tokens[of_index].lower != "of":
        return None
    organisation = _organisation_after(table, of_index + 1, by_start)
    if organisation is None:
        return None
    return _claim(table, holder, word, (index, index + size - 1), organisation)


def _role_before(
    table: TokenTable,
    holder: Mention,
    first: int,
    by_start: dict[int, Mention],
    previous: Mention | None,
) -> RoleClaim | None:
    """ "Chairman of the Russian State Duma Vyacheslav Volodin" and
    "Russian State Duma Chairman Vyacheslav Volodin"."""
    if previous is None or previous.label != "ORG" or holder.label == "ORG":
        return None
    # The title stripped from the holder's run stands right before the name.
    title = role_word_ending_at(table, first - 1) if first >= 1 else None
    if title is not None and table.tokens[title[1]].span.start >= previous.span.end:
        between = table.prose[previous.span.end : table.tokens[title[1]].span.start]
        if between.strip() == "":
            return _claim(table, holder, title[0], (title[1], first - 1), previous)
    # "Chairman of the <org> <name>": the org run ends right before the name.
    if table.prose[previous.span.end : holder.span.start].strip():
        return None
    org_first = table.index_by_start[previous.span.start]
    index = org_first - 1
    while index >= 0 and _before_a_body(table, table.tokens[index].lower):
        index -= 1
    if index < 1 or table.tokens[index].lower != "of":
        return None
    ending = role_word_ending_at(table, index - 1)
    if ending is None:
        return None
    return _claim(table, holder, ending[0], (ending[1], index - 1), previous)


def _claim(
    table: TokenTable,
    holder: Mention,
    role: str,
    role_tokens: tuple[int, int],
    organisation: Mention,
) -> RoleClaim:
    """``role_tokens``: the role's first and last token ("vice", "-", "chairman")."""
    start = min(table.tokens[role_tokens[0]].span.start, organisation.span.start)
    end = max(organisation.span.end, table.tokens[role_tokens[1]].span.end)
    return RoleClaim(
        holder=holder.text,
        holder_span=holder.span,
        role=role,
        organisation=organisation.text,
        span=Span(start, end),
        org_span=organisation.span,
        sentence=holder.sentence,
    )
