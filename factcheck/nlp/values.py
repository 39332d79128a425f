"""Values with their slot: what a number counts and whose it is.

Counts are read from the dependency parse: a number's counted noun is the
noun it modifies ("eight audio tapes"), followed up through a compound
("a seven-member panel": members of a panel); the noun's own modifiers and its
"of" noun place it ("80% of the damage"); the nearest verb above it and that
verb's named subject (else its named object), else the next one up, say whose
it is ("Ms Okafor was banned for two years", "they banned Ms Okafor for two
years"). A pipeline without a parser gives no counts: a guess
at the slot from word order would compare numbers that are not about the
same thing.

Ages are read from word order, so both pipelines have them: "Ms Okafor, 47,",
"Ms Okafor, aged 47", "Ms Okafor, who is 47", "the 47-year-old Okafor", "the
47-year-old" opening a sentence (the first person of the sentence before),
and "I'm 47 years old" in a quotation with a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from factcheck.model import Mention, Quotation, Span, ValueClaim
from factcheck.nlp.numbers import cardinal_value, ordinal_value
from factcheck.nlp.tokentable import TokenTable

# An age outside this range is a typo or not an age.
_AGES = range(1, 120)
# A four-digit whole number in this range is a year, left to the date checks.
_YEARS = range(1800, 2100)
_PLACES = frozenset(["GPE", "NORP", "FAC"])
_ARTICLES = frozenset(["the", "a"])
_AFTER_AGE = frozenset([",", ".", ")", ";", "and", "-"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_OBJECTS = frozenset(["dobj"])
_MODIFIERS = frozenset(["amod", "compound", "nmod"])
# Dependencies that make a noun part of the noun above it ("member" of "panel").
_PART_OF = frozenset(["compound", "amod", "npadvmod", "nmod"])
# How far up the tree the subject of a value's clause is looked for.
_MAX_CLIMB = 8
_PERCENT = "%"
_NOUN_SLOTS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj"])
# Unit letters the tagger takes for nouns ("100 m." of a race).
_NOT_COUNTED = frozenset(["m", "m.", "km", "kg"])
_MAGNITUDES = {"m": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9, "k": 10**3}
_CURRENCY = re.compile(r"[$£€¥]|us\$|dollars?|pounds?|euros?", re.IGNORECASE)
_NUMBER = re.compile(r"(\d{1,15}(?:,\d{3})*(?:\.\d+)?)([a-z]*)")


def value_claims(
    doc: Doc, table: TokenTable, mentions: Sequence[Mention], quotations: Sequence[Quotation]
) -> list[ValueClaim]:
    named = _mention_by_token(table, mentions)
    found = _ages(table, mentions, quotations, named)
    if doc.has_annotation("DEP"):
        ages = [claim.span for claim in found]
        found.extend(c for c in _counts(doc, table, named) if not _inside(c.span, ages))
    return found


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(span.overlaps(other) for other in spans)


def _mention_by_token(table: TokenTable, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """Each token inside a name, by its table index."""
    found: dict[int, Mention] = {}
    for mention in mentions:
        index = table.index_by_start.get(mention.span.start)
        while index is not None and index < len(table.tokens):
            if table.tokens[index].span.start >= mention.span.end:
                break
            found[index] = mention
            index += 1
    return found


# --- ages ---------------------------------------------------------------------------------


def _age_value(text: str) -> int | None:
    value = int(text) if text.isdigit() and len(text) <= 3 else None
    return value if value is not None and value in _AGES else None


def _ages(
    table: TokenTable,
    mentions: Sequence[Mention],
    quotations: Sequence[Quotation],
    named: dict[int, Mention],
) -> list[ValueClaim]:
    tokens = table.tokens
    found: list[ValueClaim] = []
    for index, token in enumerate(tokens):
        value = _age_value(token.text)
        if value is None:
            continue
        owner = _age_owner(table, index, named, quotations)
        if owner is not None:
            found.append(
                ValueClaim(
                    span=token.span,
                    text=token.text,
                    value=float(value),
                    noun="age",
                    modifiers=(),
                    governor="",
                    whole="",
                    owners=(owner,),
                    sentence=table.sentence_of(token.span.start),
                    is_age=True,
                )
            )
    return found


def _words(table: TokenTable, start: int, count: int) -> list[str]:
    return [t.lower for t in table.tokens[max(0, start) : start + count]]


def _person_at(named: dict[int, Mention], index: int) -> Mention | None:
    """A name that may be a person's: a single name's label is only a vote (the
    corpus decides), but a place never has an age."""
    mention = named.get(index)
    return mention if mention is not None and mention.label not in _PLACES else None


def _age_owner(
    table: TokenTable, index: int, named: dict[int, Mention], quotations: Sequence[Quotation]
) -> str | None:
    tokens = table.tokens
    after = _words(table, index + 1, 4)
    before = _words(table, index - 3, 3)
    if after[:3] == ["-", "year", "-"] and after[3:4] == ["old"]:
        return _year_old_owner(table, index, named)
    if not after or after[0] not in _AFTER_AGE or after[0] == "-":
        return _quoted_age_owner(table, index, quotations)
    # "X, 47," / "X, aged 47" / "X, who is 47"
    for words, back in (([","], 1), ([",", "aged"], 2), ([",", "who", "is"], 3)):
        if before[-len(words) :] == words:
            person = _person_at(named, index - back - 1)
            if person is not None and tokens[index - back - 1].span.end == person.span.end:
                return person.text
    return None


def _year_old_owner(table: TokenTable, index: int, named: dict[int, Mention]) -> str | None:
    """Whose "N-year-old" it is: the name right after it, the name it stands in
    apposition to ("X, the 47-year-old,"), or, opening a sentence as "the
    47-year-old", the first person of the sentence before."""
    after_phrase = _person_at(named, index + 5)
    if after_phrase is not None:
        return after_phrase.text
    article = index - 1
    # "the confident 47-year-old": a few lower-case words may stand between.
    while article >= 0 and index - article <= 3 and table.tokens[article].lower not in _ARTICLES:
        if not table.tokens[article].text.islower():
            return None
        article -= 1
    if article < 0 or table.tokens[article].lower not in _ARTICLES:
        return None
    if article >= 2 and table.tokens[article - 1].text == ",":
        person = _person_at(named, article - 2)
        return person.text if person is not None else None
    sentence = table.sentence_of(table.tokens[article].span.start)
    if sentence == 0 or table.sentences[sentence].first_token != article:
        return None
    previous = table.sentences[sentence - 1]
    for at in range(previous.first_token, previous.end_token):
        person = _person_at(named, at)
        # A lone capitalised word opening a sentence is as likely not a name ("None").
        lone_opener = at == previous.first_token and " " not in person.text if person else False
        if person is not None and not lone_opener:
            return person.text
    return None


def _quoted_age_owner(table: TokenTable, index: int, quotations: Sequence[Quotation]) -> str | None:
    """ "I'm 47 years old" in a quotation: the speaker's age."""
    if _words(table, index - 2, 2) not in (["i", "'m"], ["i", "am"]):
        return None
    if _words(table, index + 1, 2) != ["years", "old"]:
        return None
    at = table.tokens[index].span.start
    for quotation in quotations:
        if quotation.span.start <= at < quotation.span.end and not quotation.speaker_beside:
            return quotation.speaker
    return None


# --- counts -------------------------------------------------------------------------------


def _number(token: SpacyToken) -> float | None:
    text = token.lower_
    match = _NUMBER.fullmatch(text)
    if match is None:
        word = cardinal_value(text)
        return float(word) if word is not None else None
    digits, suffix = match.groups()
    before = token.nbor(-1).text if token.i > 0 else ""
    # "200m" after no currency is a distance, not a sum: not read.
    if suffix and (suffix not in _MAGNITUDES or not _CURRENCY.fullmatch(before)):
        return None
    value = float(digits.replace(",", ""))
    if not suffix and "," not in digits and "." not in digits and int(value) in _YEARS:
        return None
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return value * _MAGNITUDES.get(suffix or following, 1)


def _counts(doc: Doc, table: TokenTable, named: dict[int, Mention]) -> list[ValueClaim]:
    found: list[ValueClaim] = []
    for token in doc:
        if token.dep_ != "nummod" and not (token.dep_ == "amod" and ordinal_value(token.lower_)):
            continue
        if _after_hyphen(token):
            continue  # "seventy-fifth", "mid-30s": a part of a longer word
        ordinal = token.dep_ == "amod"
        value = float(ordinal_value(token.lower_) or 0) if ordinal else _number(token)
        noun = token.head
        if ordinal and noun.dep_ in _PART_OF:
            continue  # "a first-half try": the first half, which every match has
        if value is None or noun.i == token.i or not _counted(noun):
            continue
        index = table.index_by_start.get(token.idx)
        if index is None:
            continue
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in _MODIFIERS}
        modifiers.discard(token.lemma_.lower())
        top = noun
        # "a seven-member panel": the members are the panel's.
        while top.dep_ in _PART_OF and top.head.pos_ == "NOUN" and top.head.i != top.i:
            top = top.head
            modifiers.add(top.lemma_.lower())
        modifiers.update(of.lemma_.lower() for of in _of_nouns(top))
        modifiers.update(_complements(top))
        if _per_cent(noun):
            modifiers.discard("per")
        lemma = (
            _PERCENT if noun.lower_ in {"%", "percent"} or _per_cent(noun) else noun.lemma_.lower()
        )
        found.append(
            ValueClaim(
                span=table.tokens[index].span,
                text=token.text,
                value=value,
                noun=f"#{lemma}" if ordinal else lemma,
                modifiers=tuple(sorted(m for m in modifiers if m.isalpha() or m == _PERCENT)),
                governor=_governor(top),
                whole=top.lemma_.lower() if top.i != noun.i else "",
                owners=_owners(top, table, named),
                sentence=table.sentence_of(token.idx),
            )
        )
    return found


def _after_hyphen(token: SpacyToken) -> bool:
    if token.i < 2:
        return False
    hyphen = token.nbor(-1)
    return hyphen.text == "-" and not hyphen.whitespace_ and not token.nbor(-2).whitespace_


def _counted(noun: SpacyToken) -> bool:
    """Is the word a number modifies a noun it counts? The tagger calls a noun
    whose own modifiers confused it an adjective ("previous parliamentary
    by-elections"); the noun's place in the clause tells."""
    if noun.pos_ in {"NOUN", "SYM"}:
        return noun.lower_ not in _NOT_COUNTED
    return noun.pos_ == "ADJ" and noun.dep_ in _NOUN_SLOTS


def _per_cent(noun: SpacyToken) -> bool:
    return noun.lower_ == "cent" and noun.i > 0 and noun.nbor(-1).lower_ == "per"


def _complements(noun: SpacyToken) -> list[str]:
    """What a clause says its counted subject is: "15% are fake" counts the fake ones."""
    if noun.dep_ not in _SUBJECTS:
        return []
    return [c.lemma_.lower() for c in noun.head.children if c.dep_ in {"acomp", "attr"}]


def _of_nouns(noun: SpacyToken) -> list[SpacyToken]:
    """The nouns of the "of" phrases after a noun ("80%" of "the damage")."""
    return [
        of_noun
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for of_noun in prep.children
        if of_noun.dep_ == "pobj"
    ]


def _governor(noun: SpacyToken) -> str:
    for ancestor in noun.ancestors:
        if ancestor.pos_ == "VERB":
            return str(ancestor.lemma_.lower())
    return ""


def _name_of(token: SpacyToken, table: TokenTable, named: dict[int, Mention]) -> Mention | None:
    # Any name may own a count: "Thailand lost 1% of growth", "the Greens won 12 seats".
    index = table.index_by_start.get(token.idx)
    mention = named.get(index) if index is not None else None
    return mention


def _names_at(token: SpacyToken, table: TokenTable, named: dict[int, Mention]) -> list[str]:
    """The names a subject or possessor stands for: itself, its conjuncts, its appositive."""
    found: list[str] = []
    for part in (token, *(c for c in token.children if c.dep_ in {"conj", "appos"})):
        mention = _name_of(part, table, named)
        if mention is not None and mention.text not in found:
            found.append(mention.text)
    return found


def _owners(noun: SpacyToken, table: TokenTable, named: dict[int, Mention]) -> tuple[str, ...]:
    """Whose the value is: the possessor of the noun or of its "of" noun ("60% of
    the firm's output"), else the first named subject up the tree."""
    for holder in (noun, *_of_nouns(noun)):
        for child in holder.children:
            if child.dep_ == "poss":
                names = _names_at(child, table, named)
                if names:
                    return tuple(names)
    here = noun
    for _ in range(_MAX_CLIMB):
        if here.head.i == here.i:
            break
        here = here.head
        # The named subject; else, for "the board suspended X for two years",
        # the named object the value is about.
        for deps in (_SUBJECTS, _OBJECTS):
            for child in here.children:
                if child.dep_ in deps and child.i != noun.i:
                    names = _names_at(child, table, named)
                    if names:
                        return tuple(names)
    return ()
