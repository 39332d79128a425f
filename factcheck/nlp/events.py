"""Dated events read off the dependency parse: a predicate, its participants, its time.

A time expression dates the word it attaches to in the tree: the verb or the
noun that heads "on Tuesday", "since 1995", "last Tuesday", "Wednesday's" or
"the 13 May". That word is the event's predicate, whatever it is ("visit",
"hearing", "win", "took over"): no list of event words. Its participants are
the names in its own phrase (subject, objects, "of", "over", "against"
phrases), never those of a clause inside it, which is another event.

Only a pipeline with a parser gives events; the rule-based fallback gives none
and so makes fewer date claims, never wrong ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from factcheck.model import EventClaim, Mention, Span, TimeExpression

# Dependents that start another clause: their names take part in another event.
_CLAUSES = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "cc"}
)
# How a time expression hangs from the word it dates, without a preposition:
# "last Tuesday" (npadvmod), "Wednesday's statement" (poss), "the 13 May vote".
_DIRECT = frozenset({"npadvmod", "tmod", "nmod", "compound", "poss", "appos", "nummod", "amod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A verb hanging from another this way shares its subject when it has none.
_BORROWED_SUBJECT = frozenset({"advcl", "xcomp", "conj", "acl"})
# Where an event happens is not who takes part in it: "met in Beijing" and "met in
# Beijing" are two meetings when other people meet.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
# Named-entity labels of a time phrase: "the end of March" is part of the time,
# so the word it dates is the one above it ("issued by the end of March").
_TIME_LABELS = frozenset({"DATE", "TIME"})
_CLIMB_LIMIT = 4  # "by the end of the first week of March": a few steps at most


def events(
    doc: Doc, times: Sequence[TimeExpression], mentions: Sequence[Mention]
) -> list[EventClaim]:
    """The event each time expression dates, where the parse shows one."""
    if not doc.has_annotation("DEP"):
        return []
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence].append(mention)
    found: list[EventClaim] = []
    for index, time in enumerate(times):
        span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        attachment = _attachment(span.root)
        if attachment is None:
            continue
        anchor, branch, preposition = attachment
        in_sentence = by_sentence.get(time.sentence, [])
        core = _participant_tokens(anchor, branch, places=False)
        whole = _participant_tokens(anchor, branch, places=True)
        participants = tuple(m.span for m in in_sentence if _first_token(doc, m.span) in core)
        if not participants:
            # No one named: where it happened is all that tells the event apart.
            participants = tuple(m.span for m in in_sentence if _first_token(doc, m.span) in whole)
        found.append(
            EventClaim(
                predicate=anchor.lemma_.lower() or anchor.lower_,
                predicate_span=Span(anchor.idx, anchor.idx + len(anchor.text)),
                time=index,
                preposition=preposition,
                participants=participants,
                sentence=time.sentence,
                future=_future(anchor),
                object=_object(anchor),
                nouns=tuple(
                    sorted({doc[i].lemma_.lower() for i in whole if doc[i].pos_ == "NOUN"})
                ),
                content=_content(anchor),
            )
        )
    return found


def _attachment(root: SpacyToken) -> tuple[SpacyToken, SpacyToken, str] | None:
    """(the dated word, the branch of it that holds the time, the preposition)."""
    token = root
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "pobj" and head.pos_ in {"ADP", "SCONJ"} and head.head.i != head.i:
            branch, anchor, preposition = head, head.head, head.lower_
        elif token.dep_ in _DIRECT:
            branch, anchor, preposition = token, head, ""
        else:
            return None
        if anchor.pos_ == "NOUN" and anchor.ent_type_ in _TIME_LABELS:
            token = anchor  # "the end of March", "the first day of May": still the time
            continue
        if anchor.pos_ in {"VERB", "NOUN"}:
            return anchor, branch, preposition
        return None
    return None


def _phrase(
    token: SpacyToken, skip: SpacyToken | None, *, places: bool = False
) -> Iterable[SpacyToken]:
    """``token`` and its dependents, without other clauses or the ``skip`` branch,
    and without its places ("in Beijing") unless ``places``."""
    stack = [token]
    while stack:
        current = stack.pop()
        yield current
        for child in current.children:
            if child.dep_ in _CLAUSES or (skip is not None and child.i == skip.i):
                continue
            if not places and child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
                continue
            stack.append(child)


def _participant_tokens(anchor: SpacyToken, branch: SpacyToken, *, places: bool) -> set[int]:
    tokens = {t.i for t in _phrase(anchor, branch, places=places)}
    if anchor.pos_ == "VERB":
        has_subject = any(c.dep_ in _SUBJECTS and c.pos_ not in {"PRON"} for c in anchor.children)
        if anchor.dep_ == "relcl":
            # "Robinson, who took over in October": the antecedent is the subject.
            tokens |= {t.i for t in _phrase(anchor.head, anchor, places=places)}
        elif not has_subject:
            # "Speaking on Thursday, Mr X said", "X is expected to end ... and announce":
            # the subject is that of the verb the participle or infinitive hangs from.
            for child in _governing_subjects(anchor):
                tokens |= {t.i for t in _phrase(child, None, places=places)}
    return tokens


def _governing_subjects(verb: SpacyToken) -> list[SpacyToken]:
    """The subjects of the nearest verb above ``verb`` that has one, through
    participles, infinitives and coordinated verbs."""
    current = verb
    for _ in range(_CLIMB_LIMIT):
        if current.dep_ not in _BORROWED_SUBJECT or current.head.i == current.i:
            return []
        current = current.head
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects
    return []


def _content(anchor: SpacyToken) -> tuple[str, ...]:
    """The nouns and names of what a verb of saying says: its clausal object's, or,
    for "Speaking on Thursday, X said ...", the clausal object of the verb above."""
    verbs = [anchor] if anchor.dep_ not in _BORROWED_SUBJECT else [anchor, anchor.head]
    for verb in verbs:
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if clauses:
            return tuple(
                sorted(
                    {
                        t.lemma_.lower()
                        for clause in clauses
                        for t in clause.subtree
                        if t.pos_ in {"NOUN", "PROPN"}
                    }
                )
            )
    return ()


def _object(anchor: SpacyToken) -> str:
    """What a verb acts on: its direct object, else its passive subject."""
    if anchor.pos_ != "VERB":
        return ""
    for dep in ("dobj", "nsubjpass"):
        for child in anchor.children:
            if child.dep_ == dep:
                return child.lemma_.lower()
    return ""


def _first_token(doc: Doc, span: Span) -> int | None:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found[0].i if found is not None and len(found) else None


def _future(anchor: SpacyToken) -> bool:
    """Is the event a plan: "will visit", "will start a hearing on ..."?"""
    verbs = [anchor, *list(anchor.ancestors)[:2]]
    return any(
        child.dep_ == "aux" and child.lower_ in _FUTURE_AUXILIARIES
        for verb in verbs
        for child in verb.children
    )
